/** Migration 002-rooms. Never edit once released: add a new migration. */
export default `
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
  `
