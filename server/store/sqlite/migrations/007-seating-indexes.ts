/**
 * Migration 007: indexes for a hall arriving at once. One table's members are found without scanning the round
 * (a phone's own table, and the cascade when tables are deleted), and active participants are counted from the
 * index alone (every join checks the session is not full).
 */
export default `
  CREATE INDEX group_members_by_group ON group_members(group_id);
  DROP INDEX participants_by_session;
  CREATE INDEX participants_by_session ON participants(session_id, removed_at);
`
