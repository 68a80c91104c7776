/** Migration 001-core. Never edit once released: add a new migration. */
export default `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    join_code TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    welcome TEXT NOT NULL,
    sectors_json TEXT NOT NULL,
    anonymity TEXT NOT NULL,
    wifi_json TEXT,
    default_language TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    closed_at INTEGER,
    last_activity_at INTEGER NOT NULL
  );
  CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    display_name TEXT,
    sector TEXT,
    language TEXT,
    joined_at INTEGER NOT NULL,
    removed_at INTEGER
  );
  CREATE INDEX participants_by_session ON participants(session_id);
  CREATE TABLE role_secrets (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    label TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  );
  CREATE INDEX role_secrets_by_session ON role_secrets(session_id);
  CREATE TABLE doc_updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_name TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX doc_updates_by_doc ON doc_updates(doc_name, seq);
  CREATE TABLE doc_snapshots (
    doc_name TEXT PRIMARY KEY,
    data BLOB NOT NULL,
    up_to_seq INTEGER NOT NULL
  );
  `
