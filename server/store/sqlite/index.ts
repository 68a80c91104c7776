import type { Store } from '../types.ts'
import { sqliteArchiveStore } from './archive.ts'
import { startCheckpointer } from './checkpointer.ts'
import { openDatabase } from './database.ts'
import { sqliteDocStore } from './docs.ts'
import { sqliteGatherStore } from './gather.ts'
import { sqliteNoteStore } from './notes.ts'
import { sqliteParticipantStore } from './participants.ts'
import { sqliteRoomStore } from './rooms.ts'
import { sqliteSecretStore } from './secrets.ts'
import { sqliteSessionStore } from './sessions.ts'
import { sqliteTokenStore } from './tokens.ts'

/** Opens (or creates) the SQLite store in one file. */
export function createSqliteStore(file: string): Store {
  const db = openDatabase(file)
  const stopCheckpoints = startCheckpointer(db, file)
  return {
    sessions: sqliteSessionStore(db),
    participants: sqliteParticipantStore(db),
    secrets: sqliteSecretStore(db),
    tokens: sqliteTokenStore(db),
    docs: sqliteDocStore(db),
    rooms: sqliteRoomStore(db),
    notes: sqliteNoteStore(db),
    gather: sqliteGatherStore(db),
    archive: sqliteArchiveStore(db),
    async close() {
      // Appends queued in this tick flush on setImmediate; wait one more turn so they land first.
      await new Promise((resolve) => setImmediate(resolve))
      await stopCheckpoints()
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.close()
    },
  }
}
