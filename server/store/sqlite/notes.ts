import type { HiddenPoint, NoteStore } from '../types.ts'
import type { Db } from './database.ts'

interface HiddenRow {
  doc_name: string
  point_id: string
  data_json: string
  hidden_at: number
}

const toHidden = (r: HiddenRow): HiddenPoint => ({
  docName: r.doc_name,
  pointId: r.point_id,
  data: JSON.parse(r.data_json) as Record<string, unknown>,
  hiddenAt: r.hidden_at,
})

/** Key point authorship and moderation in SQLite. */
export function sqliteNoteStore(db: Db): NoteStore {
  const record = db.prepare(
    'INSERT OR IGNORE INTO point_authors (doc_name, point_id, participant_id) VALUES (?, ?, ?)',
  )
  const author = db.prepare<[string, string], { participant_id: string }>(
    'SELECT participant_id FROM point_authors WHERE doc_name = ? AND point_id = ?',
  )
  const hide = db.prepare(
    `INSERT INTO hidden_points (doc_name, point_id, data_json, hidden_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(doc_name, point_id) DO UPDATE SET data_json = excluded.data_json, hidden_at = excluded.hidden_at`,
  )
  const hidden = db.prepare<[string], HiddenRow>(
    'SELECT * FROM hidden_points WHERE doc_name = ? ORDER BY hidden_at',
  )
  const one = db.prepare<[string, string], HiddenRow>(
    'SELECT * FROM hidden_points WHERE doc_name = ? AND point_id = ?',
  )
  const remove = db.prepare('DELETE FROM hidden_points WHERE doc_name = ? AND point_id = ?')
  const take = db.transaction((docName: string, pointId: string) => {
    const row = one.get(docName, pointId)
    if (row) remove.run(docName, pointId)
    return row ? toHidden(row) : null
  })
  return {
    async recordAuthor(docName, pointId, participantId) {
      record.run(docName, pointId, participantId)
    },
    async authorOf(docName, pointId) {
      return author.get(docName, pointId)?.participant_id ?? null
    },
    async hide(p) {
      hide.run(p.docName, p.pointId, JSON.stringify(p.data), p.hiddenAt)
    },
    async listHidden(docName) {
      return hidden.all(docName).map(toHidden)
    },
    async takeHidden(docName, pointId) {
      return take(docName, pointId)
    },
  }
}
