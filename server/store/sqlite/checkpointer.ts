import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { Db } from './database.ts'

/** How often the background connection copies the write-ahead log into the database file. */
export const CHECKPOINT_EVERY_MS = 1000

/** SQLite's own checkpoint interval, in pages, used again if the background one fails. */
const AUTO_CHECKPOINT_PAGES = 1000

// Plain JavaScript, evaluated in the worker: it runs without the TypeScript loader the server may start with.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 5000')
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.everyMs)
parentPort.on('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

/** Stops the background checkpoints; resolves once the worker's connection is closed. */
export type StopCheckpointer = () => Promise<void>

/**
 * Moves WAL checkpoints off the event loop. A checkpoint syncs the database file to disk, which can take
 * milliseconds to hundreds of them on a busy disk; run by SQLite inside a commit, it stalled every broadcast
 * waiting on that commit. Here a worker thread with its own connection checkpoints every second (PASSIVE: it
 * never blocks the writer), and the main connection's commits only append to the log, which with
 * synchronous=NORMAL is a write without a sync. If the worker fails, SQLite's automatic checkpoints come back.
 */
export function startCheckpointer(db: Db, file: string): StopCheckpointer {
  if (file === ':memory:') return async () => {}
  db.pragma('wal_autocheckpoint = 0')
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      file,
      driver: createRequire(import.meta.url).resolve('better-sqlite3'),
      everyMs: CHECKPOINT_EVERY_MS,
    },
  })
  worker.unref()
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  worker.once('error', () => {
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`)
  })
  return async () => {
    worker.postMessage('stop')
    await exited
  }
}
