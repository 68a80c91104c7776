import type { DocStore } from '../types.ts'
import type { Db } from './database.ts'
import { docSequences } from './docSeqs.ts'

/**
 * The Yjs update log in SQLite. Appends that arrive in the same tick share one transaction (group commit),
 * so a burst of keystrokes from a hall costs one write, not hundreds. Rows are keyed by document and a number
 * counted per document (see docSequences), so one update writes one page of the log.
 */
export function sqliteDocStore(db: Db): DocStore {
  const insert = db.prepare<[string, number, Uint8Array]>(
    'INSERT INTO doc_updates (doc_name, seq, data) VALUES (?, ?, ?)',
  )
  const nextSeq = docSequences(db)
  const snapshot = db.prepare<[string], { data: Buffer; up_to_seq: number }>(
    'SELECT data, up_to_seq FROM doc_snapshots WHERE doc_name = ?',
  )
  const updatesAfter = db.prepare<[string, number], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM doc_updates WHERE doc_name = ? AND seq > ? ORDER BY seq',
  )
  const upsertSnapshot = db.prepare<[string, Uint8Array, number]>(
    `INSERT INTO doc_snapshots (doc_name, data, up_to_seq) VALUES (?, ?, ?)
     ON CONFLICT(doc_name) DO UPDATE SET data = excluded.data, up_to_seq = excluded.up_to_seq`,
  )
  const deleteUpTo = db.prepare<[string, number]>('DELETE FROM doc_updates WHERE doc_name = ? AND seq <= ?')

  type Pending = {
    docName: string
    updates: Uint8Array[]
    resolve: (seq: number) => void
    reject: (e: unknown) => void
  }
  let queue: Pending[] = []
  const writeBatch = db.transaction((batch: Pending[]) => {
    const seqs: number[] = []
    for (const item of batch) {
      let seq = 0
      for (const update of item.updates) {
        seq = nextSeq(item.docName)
        insert.run(item.docName, seq, update)
      }
      seqs.push(seq)
    }
    return seqs
  })
  const flush = () => {
    const batch = queue
    queue = []
    try {
      const seqs = writeBatch(batch)
      for (const [i, item] of batch.entries()) item.resolve(seqs[i] as number)
    } catch (error) {
      for (const item of batch) item.reject(error)
    }
  }

  return {
    append(docName, updates) {
      return new Promise((resolve, reject) => {
        if (queue.length === 0) setImmediate(flush)
        queue.push({ docName, updates, resolve, reject })
      })
    },
    async load(docName) {
      const snap = snapshot.get(docName)
      const after = snap?.up_to_seq ?? 0
      const rows = updatesAfter.all(docName, after)
      return {
        snapshot: snap ? new Uint8Array(snap.data) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastSeq: rows.at(-1)?.seq ?? after,
      }
    },
    async compact(docName, data, upToSeq) {
      db.transaction(() => {
        upsertSnapshot.run(docName, data, upToSeq)
        deleteUpTo.run(docName, upToSeq)
      })()
    },
  }
}
