import { afterEach, describe, expect, it, vi } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { DocPeer } from '../../server/realtime/docs/peer.ts'
import { DocRoom, STORED_NOTICE_MS } from '../../server/realtime/docs/room.ts'
import { encodeSyncMessage } from '../../shared/docMessages.ts'
import { tempStore } from '../helpers/server.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  vi.useRealTimers()
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

/** A connection that records what the room sends it. */
function recordingPeer(id: string) {
  const sent: { stored?: Uint8Array }[] = []
  const notices: Uint8Array[] = []
  const peer: DocPeer = {
    id,
    identity: { sessionId: 's', role: 'participant', id, displayName: id, sector: null },
    isConnected: () => true,
    send: (_doc, _message, stored) => sent.push({ stored }),
    stored: (_doc, stateVector) => notices.push(stateVector),
    rejected: () => {},
    closed: () => {},
  }
  return { peer, sent, notices, doc: new Y.Doc() }
}

/** One writer's change as the y-websocket provider sends it. */
function change(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc)
  doc.getText('t').insert(0, text)
  const update = Y.encodeStateAsUpdate(doc, before)
  return encodeSyncMessage((encoder) => syncProtocol.writeUpdate(encoder, update))
}

describe('the stored state a writer is told', () => {
  it('rides with a change sent to a writer who waits for it, so only a writer who received none gets a notice', async () => {
    const { store, close } = tempStore()
    cleanups.push(close)
    // Only the notice timers are faked: SQLite's group commit keeps its real turn of the event loop.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const room = new DocRoom('s/a/g/x', store.docs)
    await room.load()
    const [ana, ben] = [recordingPeer('ana'), recordingPeer('ben')]
    room.join(ana.peer, true, { name: 'Ana', sector: null, role: 'participant', color: '#000' })
    room.join(ben.peer, true, { name: 'Ben', sector: null, role: 'participant', color: '#000' })
    const [anaJoined, benJoined] = [ana.sent.length, ben.sent.length]

    await room.receive(ana.peer, change(ana.doc, 'from Ana '))
    // Ben has written nothing, so nothing of his waits for confirmation: he gets Ana's change alone.
    expect(ben.sent.slice(benJoined).map((m) => m.stored)).toEqual([undefined])

    await room.receive(ben.peer, change(ben.doc, 'from Ben '))
    // Ana receives Ben's change, and with it the stored state of her own client: all she waits on.
    const toAna = ana.sent.slice(anaJoined)
    expect(toAna.map((m) => m.stored && Y.decodeStateVector(m.stored))).toEqual([
      new Map([[ana.doc.clientID, 9]]),
    ])

    vi.advanceTimersByTime(STORED_NOTICE_MS)
    // Ana already knows her change is stored: no notice. Ben has received nothing since he wrote: one notice.
    expect(ana.notices).toEqual([])
    expect(ben.notices.map((sv) => Y.decodeStateVector(sv))).toEqual([new Map([[ben.doc.clientID, 9]])])
    room.destroy()
  })
})
