import type { RoleSecretRecord, SecretStore } from '../types.ts'
import type { Db } from './database.ts'

/** A role_secrets row. */
export interface SecretRow {
  id: string
  session_id: string
  role: RoleSecretRecord['role']
  label: string
  created_at: number
  revoked_at: number | null
}

/** Maps a role_secrets row to its record. */
export const toSecret = (row: SecretRow): RoleSecretRecord => ({
  id: row.id,
  sessionId: row.session_id,
  role: row.role,
  label: row.label,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
})

/** Role secrets in SQLite. */
export function sqliteSecretStore(db: Db): SecretStore {
  const insert = db.prepare(
    `INSERT INTO role_secrets (id, session_id, role, label, token_hash, created_at, revoked_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL)`,
  )
  const bySession = db.prepare<[string], SecretRow>(
    'SELECT * FROM role_secrets WHERE session_id = ? ORDER BY created_at, id',
  )
  const revoke = db.prepare('UPDATE role_secrets SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
  return {
    async create(r, tokenHash) {
      insert.run(r.id, r.sessionId, r.role, r.label, tokenHash, r.createdAt)
    },
    async listBySession(sessionId) {
      return bySession.all(sessionId).map(toSecret)
    },
    async revoke(id, at) {
      revoke.run(at, id)
    },
  }
}
