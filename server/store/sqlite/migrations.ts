import core from './migrations/001-core.ts'
import rooms from './migrations/002-rooms.ts'
import gather from './migrations/003-gather.ts'
import archive from './migrations/004-archive.ts'
import notes from './migrations/005-notes.ts'
import tablePreference from './migrations/006-table-preference.ts'
import seatingIndexes from './migrations/007-seating-indexes.ts'
import docLogByDoc from './migrations/008-doc-log-by-doc.ts'

/** Versioned schema migrations, one file each; the database's user_version says how many have run. Append only. */
export const MIGRATIONS: readonly string[] = [
  core,
  rooms,
  gather,
  archive,
  notes,
  tablePreference,
  seatingIndexes,
  docLogByDoc,
]
