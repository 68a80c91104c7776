import type { TokenStore } from '../types.ts'
import type { Db } from './database.ts'
import { type ParticipantRow, toParticipant } from './participants.ts'
import { type SecretRow, toSecret } from './secrets.ts'

/** Token lookups in SQLite: one indexed probe per table. */
export function sqliteTokenStore(db: Db): TokenStore {
  const participant = db.prepare<[string], ParticipantRow>('SELECT * FROM participants WHERE token_hash = ?')
  const secret = db.prepare<[string], SecretRow>('SELECT * FROM role_secrets WHERE token_hash = ?')
  return {
    async findOwner(tokenHash) {
      const p = participant.get(tokenHash)
      if (p) return { kind: 'participant', participant: toParticipant(p) }
      const s = secret.get(tokenHash)
      if (s) return { kind: 'secret', secret: toSecret(s) }
      return null
    },
  }
}
