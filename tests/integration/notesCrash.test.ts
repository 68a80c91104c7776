import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startChildServer } from '../helpers/childServer.ts'
import { connect, eventually, type OpenDoc, openDoc } from '../helpers/clients.ts'
import { sessionWithPeople, startRound } from '../helpers/rooms.ts'
import { tempDir } from '../helpers/server.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

interface Writer {
  open: OpenDoc
  /** Marker text → the writer's own clock after writing it. */
  written: Map<string, number>
  confirmed: Set<string>
}

const markers = (doc: Y.Doc) => doc.getArray<string>('markers').toArray()

describe('group notes survive a killed server', () => {
  it('keeps every marker a client was told was stored, and open clients resync without duplicates', async () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const server = await startChildServer(dir)
    cleanups.push(() => server.kill())
    const room = await sessionWithPeople(server.baseUrl, 20)
    cleanups.push(room.close)
    const snap = await startRound(room.facilitator, { groupSize: 5, grouping: 'random' })
    const docOf = new Map(snap.groups.flatMap((g) => g.members.map((m) => [m.id, g.docName] as const)))

    const writers: Writer[] = []
    for (const phone of room.phones) {
      const open = openDoc(phone.socket, docOf.get(phone.id)!)
      cleanups.push(() => open.destroy())
      await open.synced
      const writer: Writer = { open, written: new Map(), confirmed: new Set() }
      open.tunnel.watch(open.provider.roomname, {
        stored: (stateVector) => {
          const stored = Y.decodeStateVector(stateVector).get(open.doc.clientID) ?? 0
          for (const [marker, clock] of writer.written) if (clock <= stored) writer.confirmed.add(marker)
        },
      })
      writers.push(writer)
    }

    const write = (round: number) => {
      writers.forEach((w, i) => {
        const marker = `m-${i}-${round}`
        w.open.doc.getArray<string>('markers').push([marker])
        w.written.set(marker, Y.getState(w.open.doc.store, w.open.doc.clientID))
      })
    }
    const killAt = 5 + Math.floor(Math.random() * 20)
    for (let round = 0; round < 40; round++) {
      write(round)
      if (round === killAt) {
        // Stored notices come at most twice a second: kill once some writes were confirmed, others still in flight.
        await eventually(() => expect(writers.some((w) => w.confirmed.size > 0)).toBe(true), 5000)
        await server.kill()
      }
      await new Promise((resolve) => setTimeout(resolve, 15))
    }
    const confirmedBeforeRestart = writers.reduce((n, w) => n + w.confirmed.size, 0)
    expect(confirmedBeforeRestart).toBeGreaterThan(0)

    await server.start()
    // Every writer resyncs and the server stores everything, including what was written while it was down.
    await eventually(() => {
      for (const w of writers) expect(w.confirmed.size).toBe(w.written.size)
    }, 30_000)

    const reader = await connect(server.baseUrl, room.created.facilitatorToken)
    cleanups.push(() => reader.close())
    for (const docName of new Set(docOf.values())) {
      const check = openDoc(reader, docName)
      cleanups.push(() => check.destroy())
      await check.synced
      const onServer = markers(check.doc)
      expect(new Set(onServer).size).toBe(onServer.length)
      for (const w of writers.filter((x) => x.open.provider.roomname === docName)) {
        for (const marker of w.written.keys()) expect(onServer).toContain(marker)
        const local = markers(w.open.doc)
        expect(new Set(local).size).toBe(local.length)
        expect(local.length).toBe(onServer.length)
      }
    }
  }, 90_000)
})
