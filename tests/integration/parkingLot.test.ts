import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ClientSocket } from '../../client/src/net/docTunnel.ts'
import { parkingDocName } from '../../shared/docNames.ts'
import { addParkingItem, parkingItems } from '../../shared/parkingLot.ts'
import {
  connect,
  createSession,
  eventually,
  joinSession,
  nextEvent,
  type OpenDoc,
  openDoc,
} from '../helpers/clients.ts'
import { restartableServer } from '../helpers/server.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

async function setup() {
  const live = await restartableServer(cleanups)
  const { server } = live
  const created = await createSession(server.baseUrl)
  const participant = async (name: string) => {
    const joined = await joinSession(server.baseUrl, created.joinCode, { displayName: name })
    const socket = await connect(server.baseUrl, joined.participantToken)
    cleanups.push(() => socket.close())
    return { joined, socket }
  }
  const open = (socket: ClientSocket, name = parkingDocName(created.sessionId)) => {
    const opened = openDoc(socket, name)
    cleanups.push(() => opened.destroy())
    return opened
  }
  return {
    get server() {
      return live.server
    },
    restart: live.restart,
    created,
    participant,
    open,
  }
}

const texts = (d: OpenDoc) =>
  parkingItems(d.doc)
    .toArray()
    .map((i) => i.text)

describe('parking lot over the tunnel', () => {
  it("converges between two participants' real y-websocket providers", async () => {
    const t = await setup()
    const a = t.open((await t.participant('Ana')).socket)
    const b = t.open((await t.participant('Ben')).socket)
    await Promise.all([a.synced, b.synced])
    addParkingItem(a.doc, 'What about transport to the shelter?', 'a1')
    addParkingItem(b.doc, 'Can we meet monthly?', 'b1')
    await eventually(() => {
      expect(texts(a).sort()).toEqual(['Can we meet monthly?', 'What about transport to the shelter?'])
      expect(Y.encodeStateAsUpdate(a.doc)).toEqual(Y.encodeStateAsUpdate(b.doc))
    })
  })

  it('refuses a participant opening a document of another session, permanently', async () => {
    const t = await setup()
    const other = await createSession(t.server.baseUrl, { title: 'Another' })
    const { socket } = await t.participant('Ana')
    const foreign = t.open(socket, parkingDocName(other.sessionId))
    const closed = await new Promise<{ code: number }>((resolve) =>
      foreign.provider.on('closed', (e) => resolve(e)),
    )
    expect(closed.code).toBe(4403)
    expect(foreign.provider.shouldConnect).toBe(false)
    expect(foreign.provider.synced).toBe(false)
  })

  it('closes only that document for that sender on a malformed Yjs message; others are still served', async () => {
    const t = await setup()
    const good = t.open((await t.participant('Ana')).socket)
    const bad = await t.participant('Mallory')
    const badDoc = t.open(bad.socket)
    await Promise.all([good.synced, badDoc.synced])
    const closed = nextEvent<{ doc: string; code: number; reason: { code: string } }>(
      bad.socket,
      'doc:closed',
    )
    // A sync "update" whose payload is random bytes.
    bad.socket.emit(
      'doc:message',
      parkingDocName(t.created.sessionId),
      new Uint8Array([0, 2, 5, 255, 1, 7, 9]),
    )
    const event = await closed
    expect(event.code).toBe(4000)
    expect(event.reason.code).toBe('doc_invalid_message')
    expect(bad.socket.connected).toBe(true)
    addParkingItem(good.doc, 'still here', 'g1')
    // The provider of the sender reconnects and resyncs by itself, and the good client was never disturbed.
    await eventually(() => expect(texts(badDoc)).toEqual(['still here']))
    expect(texts(good)).toEqual(['still here'])
  })

  it('keeps the session, participants and parking lot across a restart on the same data', async () => {
    const t = await setup()
    const ana = await t.participant('Ana')
    const doc = t.open(ana.socket)
    await doc.synced
    addParkingItem(doc.doc, 'Remember the interpreters', 'r1')
    await eventually(async () => {
      const room = await t.server.app.hub.room(parkingDocName(t.created.sessionId))
      expect(parkingItems(room.doc).length).toBe(1)
    })
    ana.socket.close()
    const server = await t.restart()
    const again = await connect(server.baseUrl, ana.joined.participantToken)
    cleanups.push(() => again.close())
    const reopened = t.open(again)
    await reopened.synced
    expect(texts(reopened)).toEqual(['Remember the interpreters'])
    const view = await server.app.sessions.view(t.created.sessionId)
    expect(view.title).toBe('Community Conversation')
    const people = await server.app.sessions.participants(t.created.sessionId, () => false)
    expect(people).toHaveLength(1)
  })
})
