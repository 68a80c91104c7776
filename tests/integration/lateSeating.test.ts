import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Identity } from '../../server/domain/identity.ts'
import { RoomService } from '../../server/services/roomService.ts'
import { SessionService } from '../../server/services/sessionService.ts'
import { createSqliteStore } from '../../server/store/sqlite/index.ts'
import { tempDir } from '../helpers/server.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

/** The services over a SQLite file, with a session whose `people` joined and a 2-person round running. */
async function runningRound(people: number) {
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  const store = createSqliteStore(join(dir, 'convene.sqlite'))
  cleanups.push(() => store.close())
  const sessions = new SessionService(store, { publicBaseUrl: () => 'http://localhost' })
  const rooms = new RoomService(store)
  const created = await sessions.create({ title: 'Seating', sectors: [] })
  const arrive = async () => (await sessions.join({ joinCode: created.joinCode })).participantId
  for (let i = 0; i < people; i++) await arrive()
  const facilitator: Identity = {
    sessionId: created.sessionId,
    role: 'facilitator',
    id: 'f',
    displayName: null,
    sector: null,
  }
  const agenda = await rooms.saveAgenda(facilitator, 0, [
    { title: 'Pairs', prompts: ['Why?'], durationMinutes: 10, groupSize: 2, grouping: 'random' },
  ])
  const roundId = agenda.state.rounds[0]!.id
  const started = await rooms.startRound(facilitator, agenda.state.version, roundId)
  /** Table number of each participant, and the people at each table number. */
  const tables = async () => {
    const groups = await store.rooms.listGroups(roundId)
    const number = new Map(groups.map((g) => [g.id, g.number]))
    const members = await store.rooms.listMemberships(roundId)
    const at = new Map<number, string[]>(groups.map((g) => [g.number, []]))
    for (const m of members) at.get(number.get(m.groupId)!)!.push(m.participantId)
    return { tableOf: (id: string) => number.get(members.find((m) => m.participantId === id)!.groupId), at }
  }
  const seatLate = async () => {
    const id = await arrive()
    expect(await rooms.placeLateJoiner(created.sessionId, id)).toEqual({
      regroupedRoundId: roundId,
      moved: [id],
    })
    return id
  }
  return { store, rooms, facilitator, roundId, version: started.state.version, tables, seatLate }
}

describe('seating late joiners', () => {
  it('sees a move made between arrivals, and opens tables numbered in order', async () => {
    const r = await runningRound(4)
    // Two tables of two: each takes one more (a table is open up to its size plus one).
    await r.seatLate()
    await r.seatLate()
    let { at } = await r.tables()
    expect([...at.values()].map((ids) => ids.length)).toEqual([3, 3])
    // The facilitator moves someone from table 1 to table 2: table 1 now has room again.
    const moved = at.get(1)![0]!
    const groups = await r.store.rooms.listGroups(r.roundId)
    await r.rooms.move(r.facilitator, r.version, moved, groups.find((g) => g.number === 2)!.id)
    const next = await r.seatLate()
    expect((await r.tables()).tableOf(next)).toBe(1)
    // Every table is full now, so each arrival opens the next table number, then fills it.
    const more = [await r.seatLate(), await r.seatLate(), await r.seatLate()]
    ;({ at } = await r.tables())
    expect([...at.keys()]).toEqual([1, 2, 3])
    expect(at.get(3)!.sort()).toEqual(more.sort())
  })

  it('seats nobody twice and leaves the room version alone', async () => {
    const r = await runningRound(2)
    const id = await r.seatLate()
    expect(await r.rooms.placeLateJoiner(r.facilitator.sessionId, id)).toBeNull()
    expect((await r.rooms.state(r.facilitator.sessionId)).version).toBe(r.version)
  })
})
