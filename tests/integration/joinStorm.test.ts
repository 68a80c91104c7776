import { afterEach, describe, expect, it } from 'vitest'
import type { ClientSocket } from '../../client/src/net/docTunnel.ts'
import type { AckResult } from '../../shared/errors.ts'
import type { GroupsChanged, RoomSnapshot, SessionSnapshot } from '../../shared/protocol.ts'
import type { GroupView, RoomState } from '../../shared/rounds.ts'
import type { Attendance } from '../../shared/session.ts'
import { connect, eventually, joinSession, nextEvent, request } from '../helpers/clients.ts'
import { sessionWithPeople, startRound } from '../helpers/rooms.ts'
import { startTestServer } from '../helpers/server.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

const LATE_JOINERS = 40

async function data<T>(pending: Promise<AckResult<T>>): Promise<T> {
  const result = await pending
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.data
}

/** A running round of 3-person tables with a facilitator and one phone already seated, watching. */
async function runningRound() {
  const server = await startTestServer()
  cleanups.push(() => server.close())
  const room = await sessionWithPeople(server.baseUrl, 3)
  cleanups.push(room.close)
  const bystander = room.phones[0]!.socket
  const running = (s: RoomState) => s.rounds.some((r) => r.status === 'running')
  // The start may reach phones at the end of a broadcast window: wait for it before counting anything.
  const started = nextEvent<RoomState>(bystander, 'room:state', running)
  const snapshot = await startRound(room.facilitator, { groupSize: 3, grouping: 'random' })
  await started
  return { server, ...room, bystander, snapshot }
}

/** Joins by code and connects, listening for the seat before the connection opens, as the client does. */
async function joinLate(baseUrl: string, joinCode: string, cleanup: (() => unknown)[]) {
  const joined = await joinSession(baseUrl, joinCode)
  let assigned: Promise<{ roundId: string; group: GroupView | null }> | undefined
  const socket: ClientSocket = await connect(baseUrl, joined.participantToken, {
    beforeConnect: (s) => {
      assigned = nextEvent(s, 'group:assigned')
    },
  })
  cleanup.push(() => socket.close())
  return { id: joined.participantId, socket, assigned: assigned! }
}

describe('a hall joining during a round', () => {
  it('seats every late joiner at once, converges the facilitator and does not flood bystanders', async () => {
    const r = await runningRound()
    let roomStates = 0
    r.bystander.on('room:state', () => roomStates++)
    let latestGroups: GroupsChanged | null = null
    let groupBroadcasts = 0
    r.facilitator.on('groups:changed', (change) => {
      latestGroups = change
      groupBroadcasts++
    })

    const late = await Promise.all(
      Array.from({ length: LATE_JOINERS }, () => joinLate(r.server.baseUrl, r.created.joinCode, cleanups)),
    )

    // Every phone learns its own table, with itself at it, straight from the server.
    for (const person of late) {
      const { group } = await person.assigned
      expect(group?.members.map((m) => m.id)).toContain(person.id)
    }
    // The facilitator's live view ends up with everyone seated, in one table each and none over size.
    const everyone = [...r.phones.map((p) => p.id), ...late.map((p) => p.id)].sort()
    const seated = await eventually(() => {
      const ids = (latestGroups?.groups ?? []).flatMap((g) => g.members.map((m) => m.id))
      expect([...ids].sort()).toEqual(everyone)
      return latestGroups as GroupsChanged | null
    })
    expect(seated?.unassigned).toEqual([])
    for (const group of seated?.groups ?? []) expect(group.members.length).toBeLessThanOrEqual(4)
    // Coalesced: far fewer group broadcasts than arrivals, and no room state at all, since a seat changes nothing
    // else anyone sees; the room's version stays, so a facilitator's command made meanwhile still applies.
    expect(groupBroadcasts).toBeLessThan(LATE_JOINERS / 2)
    expect(roomStates).toBe(0)
    const after = await data(request<RoomSnapshot>(r.facilitator, 'room:snapshot'))
    expect(after.state.version).toBe(r.snapshot.state.version)
    // A snapshot shows a phone its own table only, the same one it was told about.
    const mine = await data(request<RoomSnapshot>(late[0]!.socket, 'room:snapshot'))
    expect(mine.groups).toEqual([])
    expect(mine.myGroup?.id).toBe((await late[0]!.assigned).group?.id)
  })

  it('counts heads on the screens as people arrive, and for a phone when it asks, without the list', async () => {
    const r = await runningRound()
    const projector = await connect(r.server.baseUrl, r.created.projectorUrl.split('#')[1] as string)
    cleanups.push(() => projector.close())
    let phoneCounts = 0
    r.bystander.on('attendance:changed', () => phoneCounts++)
    const total = r.phones.length + 5
    const projectorCounts = nextEvent<Attendance>(
      projector,
      'attendance:changed',
      (a) => a.joined === total && a.online === total - 1,
    )
    const late = await Promise.all(
      Array.from({ length: 5 }, () => joinLate(r.server.baseUrl, r.created.joinCode, cleanups)),
    )
    await Promise.all(late.map((p) => p.assigned))
    late[0]!.socket.close()
    // The projector's count follows the room; the phones are not sent a count for every arrival.
    await projectorCounts
    await data(request<SessionSnapshot>(r.bystander, 'session:snapshot'))
    expect(phoneCounts).toBe(0)
    await eventually(async () => {
      const phone = await data(request<SessionSnapshot>(r.bystander, 'session:snapshot'))
      const facilitator = await data(request<SessionSnapshot>(r.facilitator, 'session:snapshot'))
      expect(phone.participants).toEqual([])
      expect(phone.attendance).toEqual({ joined: total, online: total - 1 })
      expect(facilitator.attendance).toEqual(phone.attendance)
      expect(facilitator.participants.filter((p) => p.online)).toHaveLength(total - 1)
    })
  })

  it('sends a burst of commands to the room as a few states, the last one the latest', async () => {
    const r = await runningRound()
    let roomStates = 0
    r.bystander.on('room:state', () => roomStates++)
    const texts = Array.from({ length: 10 }, (_, i) => `Announcement ${i + 1}`)
    const last = (s: RoomState) => s.broadcasts.length === texts.length
    const heard = nextEvent<RoomState>(r.bystander, 'room:state', last)
    const acks = await Promise.all(
      texts.map((text) => data(request<RoomState>(r.facilitator, 'broadcast:send', { text, groupId: null }))),
    )
    const latest = Math.max(...acks.map((s) => s.version))
    expect((await heard).version).toBe(latest)
    expect(roomStates).toBeLessThan(texts.length)
  })
})
