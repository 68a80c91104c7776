import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
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

/** A member with its own copy of the document, and every message the room sent it after it joined. */
function member(room: DocRoom, id: string) {
  const messages: Uint8Array[] = []
  const peer: DocPeer = {
    id,
    identity: { sessionId: 's', role: 'participant', id, displayName: id, sector: null },
    isConnected: () => true,
    send: (_doc, message) => messages.push(message),
    stored: () => {},
    rejected: () => {},
    closed: () => {},
  }
  room.join(peer, true, { name: id, sector: null, role: 'participant', color: '#000' })
  messages.length = 0
  const doc = new Y.Doc()
  return {
    peer,
    doc,
    messages,
    /** One change as y-websocket's provider sends it. */
    write(text: string): Uint8Array {
      const before = Y.encodeStateVector(doc)
      doc.getText('t').insert(doc.getText('t').length, text)
      const update = Y.encodeStateAsUpdate(doc, before)
      return encodeSyncMessage((encoder) => syncProtocol.writeUpdate(encoder, update))
    },
    /** Applies what the room sent, as the provider would; returns the text. */
    read(): string {
      for (const message of messages) {
        const decoder = decoding.createDecoder(message)
        expect(decoding.readVarUint(decoder)).toBe(DOC_MESSAGE.sync)
        syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, 'server')
      }
      return doc.getText('t').toString()
    },
  }
}

async function openRoom(): Promise<DocRoom> {
  const { store, close } = tempStore()
  cleanups.push(close)
  const room = new DocRoom('s/a/g/x', store.docs)
  cleanups.push(() => room.destroy())
  await room.load()
  return room
}

describe('changes stored in the same commit', () => {
  it('reach each member as one message, and each writer gets the other writer’s', async () => {
    const room = await openRoom()
    const [ana, ben, cleo] = [member(room, 'ana'), member(room, 'ben'), member(room, 'cleo')]
    // Received in the same turn, so SQLite's group commit stores both at once.
    await Promise.all([room.receive(ana.peer, ana.write('Ana.')), room.receive(ben.peer, ben.write('Ben.'))])

    expect(cleo.messages).toHaveLength(1)
    expect(cleo.read()).toMatch(/^(Ana\.Ben\.|Ben\.Ana\.)$/)
    expect([ana.messages.length, ben.messages.length]).toEqual([1, 1])
    expect(ana.read()).toBe(cleo.doc.getText('t').toString())
    expect(ben.read()).toBe(cleo.doc.getText('t').toString())
  })

  it('of one writer reach the others as one message and are not sent back to it', async () => {
    const room = await openRoom()
    const [ana, ben] = [member(room, 'ana'), member(room, 'ben')]
    await Promise.all([room.receive(ana.peer, ana.write('one ')), room.receive(ana.peer, ana.write('two'))])

    expect(ben.messages).toHaveLength(1)
    expect(ben.read()).toBe('one two')
    expect(ana.messages).toEqual([])
  })

  it('one turn apart go out one by one, as soon as each is stored', async () => {
    const room = await openRoom()
    const [ana, ben] = [member(room, 'ana'), member(room, 'ben')]
    await room.receive(ana.peer, ana.write('one '))
    expect(ben.messages).toHaveLength(1)
    await room.receive(ana.peer, ana.write('two'))
    expect(ben.messages).toHaveLength(2)
    expect(ben.read()).toBe('one two')
  })
})
