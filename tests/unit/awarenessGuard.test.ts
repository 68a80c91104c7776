import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  type AwarenessUser,
  colorFor,
  rewriteAwarenessUpdate,
} from '../../server/realtime/docs/awarenessGuard.ts'

const server: AwarenessUser = { name: 'Faith groups', sector: null, role: 'participant', color: '#1a4f9c' }

/** An awareness whose own client id is fixed, with a local state. */
function clientAwareness(clientId: number, state: Record<string, unknown> | null): Awareness {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const awareness = new Awareness(doc)
  awareness.setLocalState(state)
  return awareness
}

/** One awareness update carrying the states of several clients, as a relaying client could send. */
function updateFor(states: Record<number, Record<string, unknown> | null>): Uint8Array {
  const ids = Object.keys(states).map(Number)
  const [first, ...rest] = ids as [number, ...number[]]
  const carrier = clientAwareness(first, states[first] ?? null)
  for (const id of rest) {
    const other = clientAwareness(id, states[id] ?? null)
    applyAwarenessUpdate(carrier, encodeAwarenessUpdate(other, [id]), 'test')
  }
  return encodeAwarenessUpdate(carrier, ids)
}

/** What a receiver makes of an update: client id to state. */
function decode(update: Uint8Array): Map<number, Record<string, unknown>> {
  const receiver = clientAwareness(999_999, null)
  applyAwarenessUpdate(receiver, update, 'test')
  const states = new Map(receiver.getStates())
  states.delete(999_999)
  return states as Map<number, Record<string, unknown>>
}

describe('rewriteAwarenessUpdate', () => {
  it("replaces the client's claimed user by the server's and keeps the rest of the state", () => {
    const update = updateFor({
      7: { user: { name: 'The Mayor', role: 'facilitator' }, cursor: { index: 3 } },
    })
    const result = rewriteAwarenessUpdate(update, server, () => false)
    expect(result?.clientIds).toEqual([7])
    const states = decode(result!.update)
    expect(states.get(7)).toEqual({ user: server, cursor: { index: 3 } })
  })

  it('adds the user when the client sent none', () => {
    const result = rewriteAwarenessUpdate(updateFor({ 7: { typing: true } }), server, () => false)
    expect(decode(result!.update).get(7)).toEqual({ typing: true, user: server })
  })

  it('drops entries for client ids another connection owns and keeps the sender’s own', () => {
    const update = updateFor({ 7: { user: { name: 'me' } }, 8: { user: { name: 'someone else' } } })
    const result = rewriteAwarenessUpdate(update, server, (id) => id === 8)
    expect(result?.clientIds).toEqual([7])
    const states = decode(result!.update)
    expect([...states.keys()]).toEqual([7])
    expect(states.get(7)?.user).toEqual(server)
  })

  it('returns null when every entry belongs to someone else', () => {
    expect(rewriteAwarenessUpdate(updateFor({ 8: { user: { name: 'x' } } }), server, () => true)).toBeNull()
  })

  it('keeps the clock, so receivers accept the rewritten state as newer', () => {
    const awareness = clientAwareness(7, { n: 1 })
    awareness.setLocalState({ n: 2 })
    awareness.setLocalState({ n: 3 })
    const clock = awareness.meta.get(7)?.clock
    const result = rewriteAwarenessUpdate(encodeAwarenessUpdate(awareness, [7]), server, () => false)
    const receiver = clientAwareness(999_999, null)
    applyAwarenessUpdate(receiver, result!.update, 'test')
    expect(receiver.meta.get(7)?.clock).toBe(clock)
  })

  it('passes a removal (null state) through as a removal, without inventing a user', () => {
    const awareness = clientAwareness(7, { user: { name: 'x' } })
    awareness.setLocalState(null)
    const result = rewriteAwarenessUpdate(encodeAwarenessUpdate(awareness, [7]), server, () => false)
    expect(result?.clientIds).toEqual([7])
    expect(decode(result!.update).has(7)).toBe(false)
  })

  it('turns a state that is not an object into a removal', () => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, 7)
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarString(encoder, JSON.stringify(['user', 'forged']))
    const result = rewriteAwarenessUpdate(encoding.toUint8Array(encoder), server, () => false)
    expect(result).not.toBeNull()
    expect(new TextDecoder().decode(result!.update)).not.toContain('forged')
  })

  it.each([
    ['empty bytes', new Uint8Array([])],
    ['a count with no entries', new Uint8Array([2])],
    ['a truncated entry', new Uint8Array([1, 7, 1, 10, 123])],
  ])('throws on %s', (_label, bytes) => {
    expect(() => rewriteAwarenessUpdate(bytes, server, () => false)).toThrow()
  })

  it('throws on a state that is not JSON', () => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, 7)
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarString(encoder, '{not json')
    expect(() => rewriteAwarenessUpdate(encoding.toUint8Array(encoder), server, () => false)).toThrow()
  })

  it('throws on trailing bytes after the last entry', () => {
    const good = updateFor({ 7: { a: 1 } })
    const withTrailer = new Uint8Array([...good, 0])
    expect(() => rewriteAwarenessUpdate(withTrailer, server, () => false)).toThrow()
  })
})

describe('colorFor', () => {
  it('is stable per id and a hex colour', () => {
    expect(colorFor('abc')).toBe(colorFor('abc'))
    expect(colorFor('abc')).toMatch(/^#[0-9a-f]{6}$/)
  })

  it('spreads ids over several colours', () => {
    const colours = new Set(Array.from({ length: 100 }, (_, i) => colorFor(`participant-${i}`)))
    expect(colours.size).toBeGreaterThan(4)
  })
})
