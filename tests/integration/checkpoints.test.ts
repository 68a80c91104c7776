import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { createSqliteStore } from '../../server/store/sqlite/index.ts'
import { eventually } from '../helpers/clients.ts'
import { tempDir } from '../helpers/server.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

describe('write-ahead log checkpoints', () => {
  it('bring a committed update into the database file while the store runs, and close cleanly', async () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const file = join(dir, 'convene.sqlite')
    const store = createSqliteStore(file)
    let closed = false
    cleanups.push(() => closed || store.close())

    const marker = new TextEncoder().encode('zzcheckpointmarker')
    const seq = await store.docs.append('s/x/parking', [marker])
    expect(seq).toBeGreaterThan(0)
    // The commit wrote the log only; the background checkpoint brings the update into the database file.
    await eventually(() => expect(readFileSync(file).includes('zzcheckpointmarker')).toBe(true), 5000)

    await store.close()
    closed = true
    const reopened = new Database(file, { readonly: true })
    cleanups.push(() => reopened.close())
    const row = reopened.prepare('SELECT data FROM doc_updates WHERE doc_name = ?').get('s/x/parking') as {
      data: Buffer
    }
    expect(new TextDecoder().decode(row.data)).toBe('zzcheckpointmarker')
  })
})
