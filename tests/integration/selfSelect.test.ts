import { afterEach, describe, expect, it } from 'vitest'
import type { ClientSocket } from '../../client/src/net/docTunnel.ts'
import { ERROR_CODES, type ErrorBody } from '../../shared/errors.ts'
import type { GroupsChanged, RoomSnapshot, SeatsChanged } from '../../shared/protocol.ts'
import { connect, createSession, joinSession, nextEvent, openDoc, request } from '../helpers/clients.ts'
import { startRound } from '../helpers/rooms.ts'
import { startTestServer } from '../helpers/server.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

const PEOPLE = ['Alice Moreno', 'Bruno Keller', 'Chen Wei']

async function ok<T>(socket: ClientSocket, event: string, payload?: unknown): Promise<T> {
  const result = await (payload === undefined
    ? request<T>(socket, event)
    : request<T>(socket, event, payload))
  if (!result.ok) throw new Error(`${event}: ${result.error.code} ${result.error.message}`)
  return result.data
}

/** A session where names are shown, three phones connected, and a self-select round of two-seat tables running. */
async function selfSelectRound() {
  const server = await startTestServer()
  cleanups.push(() => server.close())
  const created = await createSession(server.baseUrl, { anonymity: 'named' })
  const facilitator = await connect(server.baseUrl, created.facilitatorToken)
  cleanups.push(() => facilitator.close())
  const phones: { id: string; name: string; socket: ClientSocket }[] = []
  for (const name of PEOPLE) {
    const joined = await joinSession(server.baseUrl, created.joinCode, { displayName: name })
    const socket = await connect(server.baseUrl, joined.participantToken)
    cleanups.push(() => socket.close())
    phones.push({ id: joined.participantId, name, socket })
  }
  const { state } = await startRound(facilitator, { grouping: 'self-select', groupSize: 2 })
  return { facilitator, phones, roundId: state.currentRoundId as string }
}

describe('a self-select round', () => {
  it('shows participants how full each table is, never who sits there; facilitators see everyone', async () => {
    const { facilitator, phones, roundId } = await selfSelectRound()
    const [watcher, chooser] = phones as [(typeof phones)[0], (typeof phones)[0]]
    const fullListsToWatcher: GroupsChanged[] = []
    watcher.socket.on('groups:changed', (change) => fullListsToWatcher.push(change))
    const seated = (s: SeatsChanged) => s.groups.some((g) => g.seated > 0)
    const watcherSees = nextEvent<SeatsChanged>(watcher.socket, 'seats:changed', seated)
    const facilitatorSees = nextEvent<GroupsChanged>(facilitator, 'groups:changed', (c) =>
      c.groups.some((g) => g.members.length > 0),
    )

    const before = await ok<RoomSnapshot>(watcher.socket, 'room:snapshot')
    expect(before.groups).toEqual([])
    const [table1, table2] = before.seats?.groups ?? []
    expect(before.seats).toEqual({
      roundId,
      groups: [
        { id: table1?.id, number: 1, name: 'Table 1', seated: 0 },
        { id: table2?.id, number: 2, name: 'Table 2', seated: 0 },
      ],
    })

    await ok(chooser.socket, 'group:choose', { groupId: table1?.id })

    const seats = await watcherSees
    expect(seats).toEqual({
      roundId,
      groups: [
        { id: table1?.id, number: 1, name: 'Table 1', seated: 1 },
        { id: table2?.id, number: 2, name: 'Table 2', seated: 0 },
      ],
    })
    // Whoever sat down, the phones cannot tell: no name, no id, and the full list never reached them.
    const wire = JSON.stringify(seats)
    for (const person of phones) {
      expect(wire).not.toContain(person.id)
      expect(wire).not.toContain(person.name)
    }
    expect(fullListsToWatcher).toEqual([])
    const after = await ok<RoomSnapshot>(watcher.socket, 'room:snapshot')
    expect(after.groups).toEqual([])
    expect(after.seats).toEqual(seats)

    const full = await facilitatorSees
    expect(full.roundId).toBe(roundId)
    expect(full.groups.map((g) => g.members.map((m) => [m.id, m.label]))).toEqual([
      [[chooser.id, chooser.name]],
      [],
    ])
    expect(full.unassigned.map((m) => m.id).sort()).toEqual(
      phones
        .filter((p) => p !== chooser)
        .map((p) => p.id)
        .sort(),
    )
    const facilitatorSnapshot = await ok<RoomSnapshot>(facilitator, 'room:snapshot')
    expect(facilitatorSnapshot.groups).toEqual(full.groups)
    expect(facilitatorSnapshot.seats).toBeNull()
  })

  it('frees the seat of someone removed from the session, as the counts show', async () => {
    const { facilitator, phones } = await selfSelectRound()
    const [alice, bruno, chen] = phones as [(typeof phones)[0], (typeof phones)[0], (typeof phones)[0]]
    const snapshot = await ok<RoomSnapshot>(chen.socket, 'room:snapshot')
    const table = snapshot.seats?.groups[0]?.id
    await ok(alice.socket, 'group:choose', { groupId: table })
    await ok(bruno.socket, 'group:choose', { groupId: table })
    const refused = await request(chen.socket, 'group:choose', { groupId: table })
    expect(refused.ok ? null : refused.error.message).toMatch(/full/)

    const freed = nextEvent<SeatsChanged>(chen.socket, 'seats:changed', (s) => s.groups[0]?.seated === 1)
    await ok(facilitator, 'participant:remove', { participantId: bruno.id })
    await freed
    await ok(chen.socket, 'group:choose', { groupId: table })
  })

  it('closes the notes of the table someone left for another', async () => {
    const { phones } = await selfSelectRound()
    const chooser = phones[0]!.socket
    const tables = (await ok<RoomSnapshot>(chooser, 'room:snapshot')).seats?.groups ?? []
    await ok(chooser, 'group:choose', { groupId: tables[0]?.id })
    const first = (await ok<RoomSnapshot>(chooser, 'room:snapshot')).myGroup
    if (!first) throw new Error('not seated')
    const open = openDoc(chooser, first.docName)
    cleanups.push(() => open.destroy())
    await open.synced

    const closed = nextEvent<{ doc: string; reason: ErrorBody }>(
      chooser,
      'doc:closed',
      (c) => c.doc === first.docName,
    )
    await ok(chooser, 'group:choose', { groupId: tables[1]?.id })
    expect((await closed).reason.code).toBe(ERROR_CODES.forbidden)
  })
})
