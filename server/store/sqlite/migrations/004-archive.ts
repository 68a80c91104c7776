/** Migration 004: exports, sharing and retention. Never edit once released: add a new migration. */
export default `
  CREATE TABLE archive_settings (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    retention_mode TEXT NOT NULL DEFAULT 'default',
    retention_days INTEGER,
    public_token_hash TEXT UNIQUE,
    last_seen_at INTEGER
  );
  CREATE TABLE export_files (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    principal_id TEXT NOT NULL,
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    data BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX export_files_by_session ON export_files(session_id);
  CREATE INDEX export_files_by_expiry ON export_files(expires_at);
  `
