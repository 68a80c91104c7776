import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { DocPeer } from '../../server/realtime/docs/peer.ts'
import { DocRoom } from '../../server/realtime/docs/room.ts'
import { DOC_MESSAGE, encodeSyncMessage } from '../../shared/docMessages.ts'
import { tempStore } from '../helpers/server.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

/** A connection that keeps the Yjs updates the room sends it. */
function member(id: string) {
  const updates: Uint8Array[] = []
  const peer: DocPeer = {
    id,
    identity: { sessionId: 's', role: 'participant', id, displayName: id, sector: null },
    isConnected: () => true,
    send: (_doc, message) => {
      const decoder = decoding.createDecoder(message)
      if (decoding.readVarUint(decoder) !== DOC_MESSAGE.sync) return
      if (decoding.readVarUint(decoder) === syncProtocol.messageYjsUpdate)
        updates.push(decoding.readVarUint8Array(decoder))
    },
    stored: () => {},
    rejected: () => {},
    closed: () => {},
  }
  return { peer, updates }
}

const asMessage = (update: Uint8Array) => encodeSyncMessage((e) => syncProtocol.writeUpdate(e, update))

/** One edit of a writer's document, as the update its provider sends. */
function edit(doc: Y.Doc, write: (text: Y.Text) => void): Uint8Array {
  const before = Y.encodeStateVector(doc)
  doc.transact(() => write(doc.getText('t')))
  return Y.encodeStateAsUpdate(doc, before)
}

async function roomWithTwo() {
  const { store, close } = tempStore()
  cleanups.push(close)
  const room = new DocRoom('s/a/g/x', store.docs)
  cleanups.push(() => room.destroy())
  await room.load()
  const [ana, ben] = [member('ana'), member('ben')]
  const user = { name: null, sector: null, role: 'participant' as const, color: '#000' }
  room.join(ana.peer, true, user)
  room.join(ben.peer, true, user)
  return { room, ana, ben }
}

describe('the changes a room sends on', () => {
  it('sends on the bytes it stored, and nothing for a change it already has', async () => {
    const { room, ana, ben } = await roomWithTwo()
    const writer = new Y.Doc()
    const update = edit(writer, (t) => t.insert(0, 'hello'))
    await room.receive(ana.peer, asMessage(update))
    expect(ben.updates).toEqual([update])
    expect(ana.updates).toEqual([])

    await room.receive(ana.peer, asMessage(update))
    expect(ben.updates).toHaveLength(1)
  })

  it('sends on a change to formatted text, which Yjs follows with a clean-up of its own', async () => {
    const { room, ana, ben } = await roomWithTwo()
    const writer = new Y.Doc()
    const text = new Y.XmlText()
    // Nested, as in the notes: the server knows a nested text's type, and cleans up its formatting after a change.
    const updates = [
      edit(writer, () => writer.getXmlFragment('notes').insert(0, [text])),
      edit(writer, () => text.insert(0, 'Ask', { bold: true })),
      edit(writer, () => text.insert(3, ' the council')),
      edit(writer, () => text.format(0, 3, { bold: null })),
    ]
    for (const update of updates) await room.receive(ana.peer, asMessage(update))
    expect(ben.updates).toEqual(updates)
  })

  it('sends a change that waited for the one it builds on once that one arrives', async () => {
    const { room, ben } = await roomWithTwo()
    const writer = new Y.Doc()
    const first = edit(writer, (t) => t.insert(0, 'hello'))
    const second = edit(writer, (t) => {
      t.insert(5, ' world')
      t.delete(0, 1)
    })
    const { peer } = member('cy')
    room.join(peer, true, { name: null, sector: null, role: 'participant', color: '#000' })

    // The second arrives first: the room stores it, but cannot place it yet, so nobody is sent anything.
    await room.receive(peer, asMessage(second))
    expect(ben.updates).toEqual([])
    await room.receive(peer, asMessage(first))

    const reader = new Y.Doc()
    for (const update of ben.updates) Y.applyUpdate(reader, update)
    expect(reader.getText('t').toString()).toBe('ello world')
    expect(room.doc.getText('t').toString()).toBe('ello world')
    expect(reader.store.pendingStructs).toBeNull()
  })
})
