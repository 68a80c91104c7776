/** Migration 005: who wrote each key point (never shown to anyone) and key points a facilitator hid. */
export default `
  CREATE TABLE point_authors (
    doc_name TEXT NOT NULL,
    point_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    PRIMARY KEY (doc_name, point_id)
  );
  CREATE TABLE hidden_points (
    doc_name TEXT NOT NULL,
    point_id TEXT NOT NULL,
    data_json TEXT NOT NULL,
    hidden_at INTEGER NOT NULL,
    PRIMARY KEY (doc_name, point_id)
  );
`
