import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addPoint,
  deletePoint,
  discussionFragment,
  movePoint,
  pointsMap,
  readPoints,
} from '../../shared/notes.ts'
import { eventually, type OpenDoc, openDoc } from '../helpers/clients.ts'
import { sessionWithPeople, startRound } from '../helpers/rooms.ts'
import { startTestServer } from '../helpers/server.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('group notes convergence', () => {
  it('10 clients editing key points and notes with reorders and reconnects end identical, nothing lost or doubled', async () => {
    const server = await startTestServer()
    cleanups.push(() => server.close())
    const room = await sessionWithPeople(server.baseUrl, 10)
    cleanups.push(room.close)
    const snap = await startRound(room.facilitator)
    const docName = snap.groups[0]!.docName
    const docs: OpenDoc[] = []
    for (const phone of room.phones) {
      const opened = openDoc(phone.socket, docName)
      cleanups.push(() => opened.destroy())
      await opened.synced
      docs.push(opened)
    }
    const rand = random(20261127)
    const added = new Map<string, number>()
    const deleted = new Set<string>()
    for (let step = 0; step < 400; step++) {
      const who = Math.floor(rand() * docs.length)
      const { doc } = docs[who]!
      const socket = room.phones[who]!.socket
      const roll = rand()
      if (roll < 0.04 && socket.connected) socket.disconnect()
      else if (roll < 0.1 && !socket.connected) socket.connect()
      else if (roll < 0.4) {
        const id = `p${who}-${step}`
        if (addPoint(doc, id, 'idea', `point ${step} from ${who}`)) added.set(id, who)
      } else if (roll < 0.6) {
        const points = readPoints(doc)
        const target = points[Math.floor(rand() * points.length)]
        const before = points[Math.floor(rand() * points.length)]
        if (target) movePoint(doc, target.id, before?.id ?? null, null)
      } else if (roll < 0.75) {
        const points = readPoints(doc)
        const target = points[Math.floor(rand() * points.length)]
        const text = target && pointsMap(doc).get(target.id)?.get('text')
        if (text instanceof Y.Text) text.insert(Math.floor(rand() * (text.length + 1)), `+${who}`)
      } else if (roll < 0.82) {
        const own = [...added].filter(([id, by]) => by === who && !deleted.has(id) && pointsMap(doc).has(id))
        const pick = own[Math.floor(rand() * own.length)]
        if (pick) {
          deletePoint(doc, pick[0])
          deleted.add(pick[0])
        }
      } else {
        const paragraph = new Y.XmlElement('paragraph')
        paragraph.insert(0, [new Y.XmlText(`note ${step} by ${who}`)])
        const fragment = discussionFragment(doc)
        fragment.insert(Math.floor(rand() * (fragment.length + 1)), [paragraph])
      }
      if (step % 25 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    for (const phone of room.phones) if (!phone.socket.connected) phone.socket.connect()

    const expected = [...added.keys()].filter((id) => !deleted.has(id)).sort()
    // The encoded CRDT state (state vector and delete set) is byte-identical, and so is the content. The raw
    // update encoding is not compared: replicas may store a deleted run as merged or split structs.
    const encodedState = (doc: Y.Doc) => Y.encodeSnapshot(Y.snapshot(doc))
    const content = (doc: Y.Doc) => JSON.stringify([readPoints(doc), discussionFragment(doc).toJSON()])
    const serverRoom = await server.app.hub.room(docName)
    await eventually(() => {
      for (const d of [...docs.map((x) => x.doc), serverRoom.doc]) {
        expect(encodedState(d)).toEqual(encodedState(docs[0]!.doc))
        expect(content(d)).toBe(content(docs[0]!.doc))
      }
      // The server stamps authors after it stores a point: converged means those stamps arrived too.
      for (const p of readPoints(docs[0]!.doc)) expect(p.author).toMatchObject({ sector: expect.any(String) })
    }, 20_000)
    for (const d of docs) {
      const ids = readPoints(d.doc).map((p) => p.id)
      expect(new Set(ids).size).toBe(ids.length)
      expect([...ids].sort()).toEqual(expected)
    }
    // Authors are stamped for the points there are, and for no point that is gone.
    expect([...docs[0]!.doc.getMap('authors').keys()].sort()).toEqual(expected)
  }, 60_000)
})
