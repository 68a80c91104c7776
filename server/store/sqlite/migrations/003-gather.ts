/** Migration 003: the gather step (one dot vote per session, its dots, the published summary). */
export default `
  CREATE TABLE votes (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    dots_per_participant INTEGER NOT NULL,
    themes_json TEXT NOT NULL,
    opened_at INTEGER NOT NULL,
    closed_at INTEGER
  );
  CREATE TABLE vote_dots (
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    theme_id TEXT NOT NULL,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    dots INTEGER NOT NULL,
    PRIMARY KEY (participant_id, theme_id)
  );
  CREATE INDEX vote_dots_by_session ON vote_dots(session_id);
  CREATE TABLE published_summaries (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    data_json TEXT NOT NULL,
    published_at INTEGER NOT NULL
  );
  `
