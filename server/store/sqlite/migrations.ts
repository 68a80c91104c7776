/** Versioned schema migrations; the database's user_version says how many have run. Append, never edit. */
export const MIGRATIONS: readonly string[] = [
  `
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
  `,
  `
  CREATE TABLE rooms (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    current_round_id TEXT
  );
  CREATE TABLE rounds (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    data_json TEXT NOT NULL
  );
  CREATE INDEX rounds_by_session ON rounds(session_id, position);
  CREATE TABLE groups (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    name TEXT NOT NULL,
    doc_key TEXT NOT NULL
  );
  CREATE INDEX groups_by_round ON groups(round_id, number);
  CREATE TABLE group_members (
    round_id TEXT NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    session_id TEXT NOT NULL,
    PRIMARY KEY (round_id, participant_id)
  );
  CREATE INDEX group_members_by_session ON group_members(session_id);
  CREATE INDEX group_members_by_participant ON group_members(participant_id);
  CREATE TABLE broadcasts (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    group_id TEXT,
    text TEXT NOT NULL,
    at INTEGER NOT NULL,
    dismissed_at INTEGER
  );
  CREATE INDEX broadcasts_by_session ON broadcasts(session_id);
  CREATE TABLE action_log (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
  );
  CREATE INDEX action_log_by_session ON action_log(session_id, at);
  `,
]
