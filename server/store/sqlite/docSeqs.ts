import type { Db } from './database.ts'

/** How many documents' last numbers are kept; the oldest is forgotten first, and looked up again if needed. */
export const REMEMBERED_DOCS = 4096

/**
 * Numbers the update log's rows, per document: each document's numbers rise from its snapshot's on. The log is
 * keyed by document and number, so the next number is counted here (looked up once per document, then kept)
 * instead of SQLite keeping a table-wide counter that every insert writes. Numbers only have to rise within a
 * document: one a failed transaction used is skipped (or, once forgotten, given again, as it was never stored). One
 * server writes the file.
 */
export function docSequences(db: Db): (docName: string) => number {
  const lastStored = db.prepare<[string, string], { seq: number }>(
    `SELECT max(coalesce((SELECT max(seq) FROM doc_updates WHERE doc_name = ?), 0),
                coalesce((SELECT up_to_seq FROM doc_snapshots WHERE doc_name = ?), 0)) AS seq`,
  )
  const last = new Map<string, number>()
  return (docName) => {
    let seq = last.get(docName)
    if (seq === undefined) {
      seq = (lastStored.get(docName, docName) as { seq: number }).seq
      if (last.size >= REMEMBERED_DOCS) last.delete(last.keys().next().value as string)
    }
    last.set(docName, seq + 1)
    return seq + 1
  }
}
