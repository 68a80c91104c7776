import type { ParticipantRecord, ParticipantStore } from '../types.ts'
import type { Db } from './database.ts'

/** A participants row. */
export interface ParticipantRow {
  id: string
  session_id: string
  display_name: string | null
  sector: string | null
  language: ParticipantRecord['language']
  joined_at: number
  removed_at: number | null
  preferred_table: number | null
}

/** Maps a participants row to its record. */
export const toParticipant = (row: ParticipantRow): ParticipantRecord => ({
  id: row.id,
  sessionId: row.session_id,
  displayName: row.display_name,
  sector: row.sector,
  language: row.language,
  joinedAt: row.joined_at,
  removedAt: row.removed_at,
  preferredTable: row.preferred_table,
})

/** Participants in SQLite. */
export function sqliteParticipantStore(db: Db): ParticipantStore {
  const insert = db.prepare(
    `INSERT INTO participants
       (id, session_id, token_hash, display_name, sector, language, joined_at, removed_at, preferred_table)
     VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
  )
  const byId = db.prepare<[string], ParticipantRow>('SELECT * FROM participants WHERE id = ?')
  const bySession = db.prepare<[string], ParticipantRow>(
    'SELECT * FROM participants WHERE session_id = ? ORDER BY joined_at, id',
  )
  const countActive = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM participants WHERE session_id = ? AND removed_at IS NULL',
  )
  const remove = db.prepare('UPDATE participants SET removed_at = ? WHERE id = ? AND removed_at IS NULL')
  return {
    async create(r, tokenHash) {
      insert.run(
        r.id,
        r.sessionId,
        tokenHash,
        r.displayName,
        r.sector,
        r.language,
        r.joinedAt,
        r.preferredTable,
      )
    },
    async get(id) {
      const row = byId.get(id)
      return row ? toParticipant(row) : null
    },
    async listBySession(sessionId) {
      return bySession.all(sessionId).map(toParticipant)
    },
    async countActive(sessionId) {
      return countActive.get(sessionId)?.n ?? 0
    },
    async markRemoved(id, at) {
      remove.run(at, id)
    },
  }
}
