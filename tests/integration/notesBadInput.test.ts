import { afterEach, describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { encodeAwarenessMessage, encodeSyncMessage } from '../../shared/docMessages.ts'
import { parkingDocName } from '../../shared/docNames.ts'
import { LIMITS } from '../../shared/limits.ts'
import { addPoint, authorsMap, pointsMap, readPoints } from '../../shared/notes.ts'
import { eventually, nextEvent, openDoc } from '../helpers/clients.ts'
import { sessionWithPeople, startRound } from '../helpers/rooms.ts'
import { startTestServer } from '../helpers/server.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

const syncUpdate = (update: Uint8Array) => encodeSyncMessage((e) => syncProtocol.writeUpdate(e, update))

async function group(people = 3) {
  const server = await startTestServer({ emptyDocUnloadMs: 50 })
  cleanups.push(() => server.close())
  const room = await sessionWithPeople(server.baseUrl, people)
  cleanups.push(room.close)
  const snap = await startRound(room.facilitator)
  const docName = snap.groups[0]!.docName
  const docs = room.phones.map((p) => {
    const opened = openDoc(p.socket, docName)
    cleanups.push(() => opened.destroy())
    return opened
  })
  await Promise.all(docs.map((d) => d.synced))
  return { server, room, docName, docs }
}

describe('group notes under bad input', () => {
  it('closes only that document for a truncated or random message; everyone else is served', async () => {
    const { room, docName, docs } = await group()
    const bad = room.phones[0]!.socket
    const valid = syncUpdate(Y.encodeStateAsUpdate(new Y.Doc()))
    for (const message of [
      valid.slice(0, 3),
      new Uint8Array([0, 2, 200, 1, 2, 3]),
      new Uint8Array([7, 7, 7]),
    ]) {
      // The provider reopens the document after each refusal; send the next bad message once it has.
      await eventually(() => expect(docs[0]!.provider.synced).toBe(true))
      const closed = nextEvent<{ doc: string; reason: { code: string } }>(bad, 'doc:closed')
      bad.emit('doc:message', docName, message)
      expect((await closed).reason.code).toBe('doc_invalid_message')
    }
    addPoint(docs[1]!.doc, 'ok-1', 'idea', 'Still working for the rest of the table')
    await eventually(() => expect(readPoints(docs[2]!.doc).map((p) => p.id)).toEqual(['ok-1']))
    await eventually(() => expect(readPoints(docs[0]!.doc).map((p) => p.id)).toEqual(['ok-1']))
  })

  it('refuses an oversized message with a clear reason and keeps the connection', async () => {
    const { room, docName } = await group(2)
    const socket = room.phones[0]!.socket
    const closed = nextEvent<{ reason: { code: string } }>(socket, 'doc:closed')
    socket.emit('doc:message', docName, new Uint8Array(LIMITS.docMessageMaxBytes + 10))
    expect((await closed).reason.code).toBe('payload_too_large')
    expect(socket.connected).toBe(true)
  })

  it('refuses a change that would overfill the notes, with doc_full, and keeps the document open', async () => {
    const { room, docName, docs } = await group(2)
    const big = new Y.Doc()
    big.getText('filler').insert(0, 'x'.repeat(LIMITS.docMessageMaxBytes - 4096))
    const chunk = Y.encodeStateAsUpdate(big)
    const socket = room.phones[0]!.socket
    const rejected = nextEvent<{ reason: { code: string } }>(socket, 'doc:rejected', () => true, 15_000)
    for (let i = 0; i < Math.ceil(LIMITS.docMaxBytes / chunk.length) + 1; i++) {
      const more = new Y.Doc()
      more.getText('filler').insert(0, `${i}`.padEnd(LIMITS.docMessageMaxBytes - 4096, 'y'))
      socket.emit('doc:message', docName, syncUpdate(Y.encodeStateAsUpdate(more)))
    }
    expect((await rejected).reason.code).toBe('doc_full')
    addPoint(docs[1]!.doc, 'after', 'idea', 'The table can still read')
    await eventually(() => expect(readPoints(docs[0]!.doc).map((p) => p.id)).toContain('after'))
  })

  it("rewrites awareness that claims another participant's identity or client id", async () => {
    const { room, docName, docs } = await group(2)
    const [alice, bob] = docs
    alice!.provider.awareness.setLocalStateField('typing', true)
    await eventually(() => expect(bob!.provider.awareness.getStates().has(alice!.doc.clientID)).toBe(true))
    // Bob forges a state under Alice's client id and a facilitator's name.
    const forged = new awarenessProtocol.Awareness(new Y.Doc())
    forged.clientID = alice!.doc.clientID
    forged.setLocalState({ user: { name: 'Facilitator', role: 'facilitator' }, typing: false })
    room.phones[1]!.socket.emit('doc:message', docName, encodeAwarenessMessage(forged, [forged.clientID]))
    alice!.provider.awareness.setLocalStateField('typing', 'still')
    await eventually(() => {
      const seen = bob!.provider.awareness.getStates().get(alice!.doc.clientID) as {
        typing: unknown
        user: { role: string }
      }
      expect(seen.typing).toBe('still')
      expect(seen.user.role).toBe('participant')
    })
  })

  it('stamps the real author on a point whose writer claimed someone else', async () => {
    const { docs } = await group(2)
    const [alice, bob] = docs
    alice!.doc.transact(() => {
      addPoint(alice!.doc, 'forged', 'concern', 'Written by Alice')
      authorsMap(alice!.doc).set('forged', { label: 'Faith-based', sector: 'Faith-based' })
    })
    // Alice sits in the first sector; the server's stamp says so, whatever she wrote.
    await eventually(() => {
      expect(authorsMap(bob!.doc).get('forged')).toEqual({
        label: 'Law enforcement',
        sector: 'Law enforcement',
      })
      expect(authorsMap(alice!.doc).get('forged')?.sector).toBe('Law enforcement')
    })
    bob!.doc.transact(() =>
      authorsMap(bob!.doc).set('forged', { label: 'Someone else', sector: 'Faith-based' }),
    )
    await eventually(() => expect(authorsMap(alice!.doc).get('forged')?.sector).toBe('Law enforcement'))
    await eventually(() => expect(authorsMap(bob!.doc).get('forged')?.sector).toBe('Law enforcement'))
    // Bob deletes Alice's point and undoes it: the point comes back with Alice's stamp, not Bob's.
    const undo = new Y.UndoManager(pointsMap(bob!.doc))
    bob!.doc.transact(() => pointsMap(bob!.doc).delete('forged'))
    await eventually(() => expect(authorsMap(alice!.doc).has('forged')).toBe(false))
    undo.undo()
    await eventually(() => {
      expect(readPoints(alice!.doc).map((p) => p.id)).toContain('forged')
      expect(authorsMap(alice!.doc).get('forged')?.sector).toBe('Law enforcement')
    })
  })
})

describe('document memory', () => {
  it('leaves no document loaded after 500 are opened and closed and the grace passes', async () => {
    const server = await startTestServer({ emptyDocUnloadMs: 50 })
    cleanups.push(() => server.close())
    const room = await sessionWithPeople(server.baseUrl, 1)
    cleanups.push(room.close)
    const others = await Promise.all(
      Array.from({ length: 499 }, async () => {
        const res = await fetch(`${server.baseUrl}/api/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: 'x' }),
        })
        return ((await res.json()) as { sessionId: string }).sessionId
      }),
    )
    const names = [parkingDocName(room.created.sessionId), ...others.map((id) => parkingDocName(id))]
    for (const name of names) await server.app.hub.room(name)
    const phone = openDoc(room.phones[0]!.socket, names[0]!)
    await phone.synced
    phone.destroy()
    await eventually(() => expect(server.app.hub.loadedCount).toBe(0), 10_000)
  })
})
