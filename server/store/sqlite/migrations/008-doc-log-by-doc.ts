/**
 * Migration 008: the Yjs update log clustered by document. Each row is keyed by its document and a sequence number
 * counted per document, so storing a change writes one page of the log, not a page of the table, one of its index
 * and one of AUTOINCREMENT's counter. Sequence numbers carry over: each document's stay in order.
 */
export default `
  CREATE TABLE doc_log (
    doc_name TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (doc_name, seq)
  ) WITHOUT ROWID;
  INSERT INTO doc_log (doc_name, seq, data) SELECT doc_name, seq, data FROM doc_updates;
  DROP TABLE doc_updates;
  ALTER TABLE doc_log RENAME TO doc_updates;
`
