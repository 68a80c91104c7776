import type { RetentionChoice } from '../../../shared/archiveProtocol.ts'
import type { ArchiveStore, ExportFileRecord, SessionActivity } from '../types.ts'
import type { Db } from './database.ts'

/** Every document name of a session starts with this; `< upper` bounds the range so the index is used. */
const docRange = (sessionId: string) => ({ lower: `s/${sessionId}/`, upper: `s/${sessionId}0` })

interface ExportRow {
  id: string
  session_id: string
  principal_id: string
  filename: string
  content_type: string
  data: Buffer
  created_at: number
  expires_at: number
}

const toRetention = (mode: string | undefined, days: number | null | undefined): RetentionChoice =>
  mode === 'keep' ? { mode: 'keep' } : mode === 'days' && days ? { mode: 'days', days } : { mode: 'default' }

/** Exports, sharing and retention in SQLite. */
export function sqliteArchiveStore(db: Db): ArchiveStore {
  const settings = db.prepare<
    [string],
    { retention_mode: string; retention_days: number | null; public_token_hash: string | null }
  >('SELECT retention_mode, retention_days, public_token_hash FROM archive_settings WHERE session_id = ?')
  const ensure = db.prepare<[string]>('INSERT OR IGNORE INTO archive_settings (session_id) VALUES (?)')
  const setRetention = db.prepare<[string, number | null, string]>(
    'UPDATE archive_settings SET retention_mode = ?, retention_days = ? WHERE session_id = ?',
  )
  const setPublic = db.prepare<[string | null, string]>(
    'UPDATE archive_settings SET public_token_hash = ? WHERE session_id = ?',
  )
  const byPublic = db.prepare<[string], { session_id: string }>(
    'SELECT session_id FROM archive_settings WHERE public_token_hash = ?',
  )
  const markSeen = db.prepare<[number, string]>(
    'UPDATE archive_settings SET last_seen_at = max(coalesce(last_seen_at, 0), ?) WHERE session_id = ?',
  )
  const insertExport = db.prepare(
    `INSERT INTO export_files (id, session_id, principal_id, filename, content_type, data, created_at, expires_at)
     VALUES (@id, @session_id, @principal_id, @filename, @content_type, @data, @created_at, @expires_at)`,
  )
  const getExport = db.prepare<[string], ExportRow>('SELECT * FROM export_files WHERE id = ?')
  const deleteExpired = db.prepare<[number]>('DELETE FROM export_files WHERE expires_at <= ?')
  const activity = db.prepare<
    [],
    Omit<SessionActivity, 'retention'> & { retention_mode: string | null; retention_days: number | null }
  >(
    `SELECT s.id, s.title, s.status, s.created_at AS createdAt, s.closed_at AS closedAt,
       max(s.last_activity_at, coalesce(a.last_seen_at, 0),
           coalesce((SELECT max(joined_at) FROM participants WHERE session_id = s.id), 0),
           coalesce((SELECT max(at) FROM action_log WHERE session_id = s.id), 0)) AS lastActivityAt,
       (SELECT count(*) FROM participants WHERE session_id = s.id AND removed_at IS NULL) AS participants,
       coalesce((SELECT sum(length(data)) FROM doc_updates
                 WHERE doc_name >= 's/' || s.id || '/' AND doc_name < 's/' || s.id || '0'), 0)
       + coalesce((SELECT sum(length(data)) FROM doc_snapshots
                 WHERE doc_name >= 's/' || s.id || '/' AND doc_name < 's/' || s.id || '0'), 0)
       + coalesce((SELECT sum(length(data)) FROM export_files WHERE session_id = s.id), 0)
       + coalesce((SELECT sum(length(data_json)) FROM rounds WHERE session_id = s.id), 0)
       + length(s.title) + length(s.welcome) AS bytes,
       a.retention_mode, a.retention_days
     FROM sessions s LEFT JOIN archive_settings a ON a.session_id = s.id
     ORDER BY s.created_at DESC`,
  )
  const deleteSession = db.prepare<[string]>('DELETE FROM sessions WHERE id = ?')
  // Tables that key rows by document name (updates, snapshots, and any feature's per-document rows) are found
  // by their column, so a feature that adds one is purged too without editing this file.
  const docTables = () =>
    db
      .prepare<[], { name: string }>(
        `SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p
         WHERE m.type = 'table' AND p.name = 'doc_name'`,
      )
      .all()
      .map((r) => r.name)
  const purge = db.transaction((sessionId: string) => {
    const { lower, upper } = docRange(sessionId)
    for (const table of docTables()) {
      db.prepare(`DELETE FROM "${table.replace(/"/g, '""')}" WHERE doc_name >= ? AND doc_name < ?`).run(
        lower,
        upper,
      )
    }
    deleteSession.run(sessionId)
  })

  return {
    async settings(sessionId) {
      const row = settings.get(sessionId)
      return {
        retention: toRetention(row?.retention_mode, row?.retention_days),
        publicTokenHash: row?.public_token_hash ?? null,
      }
    },
    async setRetention(sessionId, choice) {
      ensure.run(sessionId)
      setRetention.run(choice.mode, choice.mode === 'days' ? choice.days : null, sessionId)
    },
    async setPublicTokenHash(sessionId, hash) {
      ensure.run(sessionId)
      setPublic.run(hash, sessionId)
    },
    async sessionByPublicTokenHash(hash) {
      return byPublic.get(hash)?.session_id ?? null
    },
    async markSeen(sessionIds, at) {
      db.transaction(() => {
        for (const id of sessionIds) {
          ensure.run(id)
          markSeen.run(at, id)
        }
      })()
    },
    async saveExport(f: ExportFileRecord) {
      insertExport.run({
        id: f.id,
        session_id: f.sessionId,
        principal_id: f.principalId,
        filename: f.filename,
        content_type: f.contentType,
        data: Buffer.from(f.data),
        created_at: f.createdAt,
        expires_at: f.expiresAt,
      })
    },
    async getExport(id) {
      const row = getExport.get(id)
      if (!row) return null
      return {
        id: row.id,
        sessionId: row.session_id,
        principalId: row.principal_id,
        filename: row.filename,
        contentType: row.content_type,
        data: new Uint8Array(row.data),
        createdAt: row.created_at,
        expiresAt: row.expires_at,
      }
    },
    async deleteExpiredExports(now) {
      return deleteExpired.run(now).changes
    },
    async listActivity() {
      return activity.all().map(({ retention_mode, retention_days, ...row }) => ({
        ...row,
        retention: toRetention(retention_mode ?? undefined, retention_days),
      }))
    },
    async purgeSession(sessionId) {
      // Appends queued in this tick flush on setImmediate: let them land first so none arrives after the purge.
      await new Promise((resolve) => setImmediate(resolve))
      purge(sessionId)
      db.pragma('wal_checkpoint(TRUNCATE)')
    },
  }
}
