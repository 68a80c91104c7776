import type { SessionRecord, SessionStore } from '../types.ts'
import type { Db } from './database.ts'

interface SessionRow {
  id: string
  join_code: string
  title: string
  welcome: string
  sectors_json: string
  anonymity: SessionRecord['anonymity']
  wifi_json: string | null
  default_language: SessionRecord['defaultLanguage']
  status: SessionRecord['status']
  created_at: number
  closed_at: number | null
  last_activity_at: number
}

const toRecord = (row: SessionRow): SessionRecord => ({
  id: row.id,
  joinCode: row.join_code,
  title: row.title,
  welcome: row.welcome,
  sectors: JSON.parse(row.sectors_json) as string[],
  anonymity: row.anonymity,
  wifi: row.wifi_json ? (JSON.parse(row.wifi_json) as SessionRecord['wifi']) : null,
  defaultLanguage: row.default_language,
  status: row.status,
  createdAt: row.created_at,
  closedAt: row.closed_at,
  lastActivityAt: row.last_activity_at,
})

const toParams = (r: SessionRecord) => ({
  id: r.id,
  join_code: r.joinCode,
  title: r.title,
  welcome: r.welcome,
  sectors_json: JSON.stringify(r.sectors),
  anonymity: r.anonymity,
  wifi_json: r.wifi ? JSON.stringify(r.wifi) : null,
  default_language: r.defaultLanguage,
  status: r.status,
  created_at: r.createdAt,
  closed_at: r.closedAt,
  last_activity_at: r.lastActivityAt,
})

/** Sessions in SQLite. */
export function sqliteSessionStore(db: Db): SessionStore {
  const insert = db.prepare(
    `INSERT INTO sessions VALUES (@id, @join_code, @title, @welcome, @sectors_json, @anonymity, @wifi_json,
       @default_language, @status, @created_at, @closed_at, @last_activity_at)`,
  )
  const byId = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?')
  const byCode = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE join_code = ?')
  const update = db.prepare(
    `UPDATE sessions SET title = @title, welcome = @welcome, sectors_json = @sectors_json, anonymity = @anonymity,
       wifi_json = @wifi_json, default_language = @default_language, status = @status, closed_at = @closed_at,
       last_activity_at = @last_activity_at WHERE id = @id`,
  )
  return {
    async create(record) {
      insert.run(toParams(record))
    },
    async get(id) {
      const row = byId.get(id)
      return row ? toRecord(row) : null
    },
    async getByJoinCode(joinCode) {
      const row = byCode.get(joinCode)
      return row ? toRecord(row) : null
    },
    async update(record) {
      update.run(toParams(record))
    },
  }
}
