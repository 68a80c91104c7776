/** Migration 006: the table a participant asked for by scanning a table card. */
export default `
  ALTER TABLE participants ADD COLUMN preferred_table INTEGER;
`
