import { afterEach, describe, expect, it } from 'vitest'
import { tempStore } from '../helpers/server.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

describe('the document update log', () => {
  it('keeps the order of appends made in one turn and in the next, grouped into one commit per turn', async () => {
    const { store, close } = tempStore()
    cleanups.push(close)

    const bytes = (n: number) => new Uint8Array([n % 256, Math.floor(n / 256)])
    // One turn: these share one commit at the end of the turn.
    const first = Array.from({ length: 50 }, (_, i) =>
      store.docs.append(i % 2 ? 's/a/g/x' : 's/a/g/y', [bytes(i)]),
    )
    const firstSeqs = await Promise.all(first)
    // The next turn: another commit.
    const second = Array.from({ length: 50 }, (_, i) => store.docs.append('s/a/g/x', [bytes(50 + i)]))
    const secondSeqs = await Promise.all(second)

    const seqs = [...firstSeqs, ...secondSeqs]
    expect(seqs.every((seq, i) => i === 0 || seq > (seqs[i - 1] as number))).toBe(true)
    const x = await store.docs.load('s/a/g/x')
    const expected = [
      ...Array.from({ length: 25 }, (_, i) => 2 * i + 1),
      ...Array.from({ length: 50 }, (_, i) => 50 + i),
    ]
    expect(x.updates.map((u) => (u[0] as number) + 256 * (u[1] as number))).toEqual(expected)
    expect(x.lastSeq).toBe(secondSeqs.at(-1))
  })
})
