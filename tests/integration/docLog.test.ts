import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { REMEMBERED_DOCS } from '../../server/store/sqlite/docSeqs.ts'
import { createSqliteStore } from '../../server/store/sqlite/index.ts'
import { MIGRATIONS } from '../../server/store/sqlite/migrations.ts'
import { tempDir, tempStore } from '../helpers/server.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

const bytes = (n: number) => new Uint8Array([n % 256, Math.floor(n / 256)])
const numbers = (updates: Uint8Array[]) => updates.map((u) => (u[0] as number) + 256 * (u[1] as number))
const rising = (seqs: number[]) => seqs.every((seq, i) => i === 0 || seq > (seqs[i - 1] as number))

/** A SQLite file in a temp directory, deleted after the test. */
function tempFile(): string {
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  return join(dir, 'convene.sqlite')
}

/** A store on `file` that `reopen` closes and opens again, as a restarted server does. */
function storeOn(file: string) {
  let store = createSqliteStore(file)
  cleanups.push(() => store.close())
  return {
    get docs() {
      return store.docs
    },
    async reopen() {
      await store.close()
      store = createSqliteStore(file)
    },
  }
}

describe('the document update log', () => {
  it('keeps the order of appends made in one turn and in the next, grouped into one commit per turn', async () => {
    const { store, close } = tempStore()
    cleanups.push(close)

    // One turn: these share one commit at the end of the turn.
    const first = Array.from({ length: 50 }, (_, i) =>
      store.docs.append(i % 2 ? 's/a/g/x' : 's/a/g/y', [bytes(i)]),
    )
    const firstSeqs = await Promise.all(first)
    // The next turn: another commit.
    const second = Array.from({ length: 50 }, (_, i) => store.docs.append('s/a/g/x', [bytes(50 + i)]))
    const secondSeqs = await Promise.all(second)

    // Numbers rise within each document.
    const xSeqs = [...firstSeqs.filter((_, i) => i % 2), ...secondSeqs]
    expect(rising(xSeqs)).toBe(true)
    expect(rising(firstSeqs.filter((_, i) => i % 2 === 0))).toBe(true)
    const x = await store.docs.load('s/a/g/x')
    const expected = [
      ...Array.from({ length: 25 }, (_, i) => 2 * i + 1),
      ...Array.from({ length: 50 }, (_, i) => 50 + i),
    ]
    expect(numbers(x.updates)).toEqual(expected)
    expect(x.lastSeq).toBe(secondSeqs.at(-1))
    expect(numbers((await store.docs.load('s/a/g/y')).updates)).toEqual(
      Array.from({ length: 25 }, (_, i) => 2 * i),
    )
  })

  it('numbers on past a snapshot that dropped every update, after a restart too', async () => {
    const store = storeOn(tempFile())
    const doc = 's/a/g/x'
    for (let i = 0; i < 3; i++) await store.docs.append(doc, [bytes(i)])
    const before = await store.docs.load(doc)
    await store.docs.compact(doc, bytes(1000), before.lastSeq)
    await store.reopen()

    const seq = await store.docs.append(doc, [bytes(3)])
    expect(seq).toBeGreaterThan(before.lastSeq)
    const after = await store.docs.load(doc)
    expect(after.snapshot).toEqual(bytes(1000))
    expect(numbers(after.updates)).toEqual([3])
    expect(after.lastSeq).toBe(seq)
  })

  it('numbers a document on from its stored updates once it is no longer remembered', async () => {
    const { store, close } = tempStore()
    cleanups.push(close)
    const doc = 's/a/g/first'
    const first = await store.docs.append(doc, [bytes(0)])
    // Enough other documents that the first is forgotten.
    await Promise.all(
      Array.from({ length: REMEMBERED_DOCS }, (_, i) => store.docs.append(`s/a/g/${i}`, [bytes(i)])),
    )
    const next = await store.docs.append(doc, [bytes(1)])
    expect(next).toBeGreaterThan(first)
    expect(numbers((await store.docs.load(doc)).updates)).toEqual([0, 1])
  })

  it('a database from before the per-document numbers keeps its updates and snapshots, and numbers on', async () => {
    const file = tempFile()
    // The schema as migration 007 left it, with a log numbered across documents.
    const old = new Database(file)
    for (const migration of MIGRATIONS.slice(0, 7)) old.exec(migration)
    old.pragma('user_version = 7')
    const insert = old.prepare('INSERT INTO doc_updates (doc_name, data) VALUES (?, ?)')
    for (let i = 0; i < 6; i++) insert.run(i % 2 ? 's/a/g/x' : 's/a/g/y', bytes(i))
    old
      .prepare('INSERT INTO doc_snapshots (doc_name, data, up_to_seq) VALUES (?, ?, ?)')
      .run('s/a/g/y', bytes(900), 3)
    old.prepare('DELETE FROM doc_updates WHERE doc_name = ? AND seq <= ?').run('s/a/g/y', 3)
    old.close()

    const store = storeOn(file)
    const x = await store.docs.load('s/a/g/x')
    expect(numbers(x.updates)).toEqual([1, 3, 5])
    expect(x.lastSeq).toBe(6)
    const y = await store.docs.load('s/a/g/y')
    expect(y.snapshot).toEqual(bytes(900))
    expect(numbers(y.updates)).toEqual([4])
    expect(y.lastSeq).toBe(5)

    expect(await store.docs.append('s/a/g/x', [bytes(6)])).toBe(7)
    expect(await store.docs.append('s/a/g/y', [bytes(7)])).toBe(6)
    expect(numbers((await store.docs.load('s/a/g/y')).updates)).toEqual([4, 7])
  })
})
