import { afterEach, describe, expect, it } from 'vitest'
import type { ClientSocket } from '../../client/src/net/docTunnel.ts'
import type { CreatedInvite, RoomSnapshot } from '../../shared/protocol.ts'
import type { GroupView, RoomState } from '../../shared/rounds.ts'
import { connect, createSession, joinSession, nextEvent, openDoc, request } from '../helpers/clients.ts'
import { restartableServer } from '../helpers/server.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

const SECTORS = ['Law enforcement', 'Faith-based', 'Nonprofit services']

async function room(people = 6) {
  const live = await restartableServer(cleanups)
  const { server } = live
  const created = await createSession(server.baseUrl, { sectors: SECTORS })
  const facilitator = await connect(server.baseUrl, created.facilitatorToken)
  cleanups.push(() => facilitator.close())
  const phones: { id: string; token: string; socket: ClientSocket }[] = []
  for (let i = 0; i < people; i++) {
    const joined = await joinSession(server.baseUrl, created.joinCode, { sector: SECTORS[i % 3] })
    const socket = await connect(server.baseUrl, joined.participantToken)
    cleanups.push(() => socket.close())
    phones.push({ id: joined.participantId, token: joined.participantToken, socket })
  }
  const state = async (socket = facilitator) => {
    const snap = await request<RoomSnapshot>(socket, 'room:snapshot')
    if (!snap.ok) throw new Error(snap.error.message)
    return snap.data
  }
  const ok = async <T>(socket: ClientSocket, event: string, payload: unknown) => {
    const result = await request<T>(socket, event, payload)
    if (!result.ok) throw new Error(`${event}: ${result.error.code} ${result.error.message}`)
    return result.data
  }
  const saveAgenda = async () => {
    const { state: s } = await state()
    return ok<RoomState>(facilitator, 'agenda:save', {
      expectedVersion: s.version,
      rounds: [
        {
          title: 'Where next?',
          prompts: ['What is working?'],
          durationMinutes: 20,
          groupSize: 3,
          grouping: 'sector-balanced',
        },
      ],
    })
  }
  return {
    get server() {
      return live.server
    },
    restart: live.restart,
    created,
    facilitator,
    phones,
    state,
    ok,
    saveAgenda,
  }
}

describe('breakout rounds', () => {
  it('sends every participant its own group, and only its own, when a round starts', async () => {
    const r = await room(6)
    const agenda = await r.saveAgenda()
    const round = agenda.rounds[0]!
    const assigned = r.phones.map((p) => nextEvent<{ group: GroupView }>(p.socket, 'group:assigned'))
    const started = await r.ok<RoomState>(r.facilitator, 'round:start', {
      expectedVersion: agenda.version,
      roundId: round.id,
    })
    expect(started.rounds[0]!.status).toBe('running')
    expect(started.rounds[0]!.endsAt).toBeGreaterThan(Date.now() + 19 * 60_000)
    const groups = await Promise.all(assigned)
    groups.forEach(({ group }, i) => {
      expect(group.members.map((m) => m.id)).toContain(r.phones[i]!.id)
    })
    expect(new Set(groups.map((g) => g.group.id)).size).toBe(2)
    for (const { group } of groups) expect(new Set(group.members.map((m) => m.sector)).size).toBe(3)
    const mine = await r.state(r.phones[0]!.socket)
    expect(mine.groups).toEqual([])
    expect(mine.myGroup?.id).toBe(groups[0]!.group.id)
    // Group notes open to members and stay closed to others.
    const own = openDoc(r.phones[0]!.socket, groups[0]!.group.docName)
    cleanups.push(() => own.destroy())
    await own.synced
    const other = groups.find((g) => g.group.id !== groups[0]!.group.id)!.group
    const foreign = openDoc(r.phones[0]!.socket, other.docName)
    cleanups.push(() => foreign.destroy())
    const closed = await new Promise<{ code: number }>((resolve) =>
      foreign.provider.on('closed', (e) => resolve(e)),
    )
    expect(closed.code).toBe(4403)
  })

  it('delivers broadcasts to everyone and a move switches the person live', async () => {
    const r = await room(6)
    const agenda = await r.saveAgenda()
    await r.ok<RoomState>(r.facilitator, 'round:start', {
      expectedVersion: agenda.version,
      roundId: agenda.rounds[0]!.id,
    })
    const said = (s: RoomState) => s.broadcasts.length > 0
    const heard = r.phones.map((p) => nextEvent<RoomState>(p.socket, 'room:state', said))
    await r.ok(r.facilitator, 'broadcast:send', {
      text: 'Five minutes left, pick your top idea',
      groupId: null,
    })
    for (const state of await Promise.all(heard)) {
      expect(state.broadcasts.map((b) => b.text)).toContain('Five minutes left, pick your top idea')
    }
    const snap = await r.state()
    const mover = r.phones[0]!
    const target = snap.groups.find((g) => !g.members.some((m) => m.id === mover.id))!
    const switched = nextEvent<{ group: GroupView }>(mover.socket, 'group:assigned')
    await r.ok(r.facilitator, 'group:move', {
      expectedVersion: snap.state.version,
      participantId: mover.id,
      groupId: target.id,
    })
    const moved = (await switched).group
    expect(moved.id).toBe(target.id)
    // The phone is told of its table as the facilitator sees it: the same people, labels and sectors.
    const seen = (await r.state()).groups.find((g) => g.id === target.id)
    expect(moved.members.map((m) => m.id)).toContain(mover.id)
    expect(moved).toEqual(seen)
  })

  it('keeps groups and the deadline across a restart mid-round', async () => {
    const r = await room(4)
    const agenda = await r.saveAgenda()
    const started = await r.ok<RoomState>(r.facilitator, 'round:start', {
      expectedVersion: agenda.version,
      roundId: agenda.rounds[0]!.id,
    })
    const before = await r.state()
    const server = await r.restart()
    const facilitator = await connect(server.baseUrl, r.created.facilitatorToken)
    cleanups.push(() => facilitator.close())
    const after = await r.state(facilitator)
    expect(after.state.rounds[0]!.endsAt).toBe(started.rounds[0]!.endsAt)
    expect(after.groups.map((g) => g.members.map((m) => m.id).sort())).toEqual(
      before.groups.map((g) => g.members.map((m) => m.id).sort()),
    )
  })

  it('gives one success and one conflict when two facilitators act on the same state', async () => {
    const r = await room(2)
    const invite = await r.ok<CreatedInvite>(r.facilitator, 'invite:create', {
      role: 'cofacilitator',
      label: 'Co',
    })
    const co = await connect(r.server.baseUrl, invite.url.split('#')[1]!)
    cleanups.push(() => co.close())
    const agenda = await r.saveAgenda()
    const roundId = agenda.rounds[0]!.id
    await r.ok(r.facilitator, 'round:start', { expectedVersion: agenda.version, roundId })
    const { state } = await r.state()
    const [a, b] = await Promise.all([
      request<RoomState>(r.facilitator, 'round:extend', {
        expectedVersion: state.version,
        roundId,
        minutes: 5,
      }),
      request<RoomState>(co, 'round:pause', { expectedVersion: state.version, roundId }),
    ])
    const results = [a, b]
    expect(results.filter((x) => x.ok)).toHaveLength(1)
    const refused = results.find((x) => !x.ok)
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } })
    if (refused && !refused.ok)
      expect((refused.error.details as { state: RoomState }).state.version).toBe(state.version + 1)
  })

  it('forbids participants from starting rounds, moving people or broadcasting', async () => {
    const r = await room(2)
    const agenda = await r.saveAgenda()
    const phone = r.phones[0]!.socket
    const start = await request(phone, 'round:start', {
      expectedVersion: agenda.version,
      roundId: agenda.rounds[0]!.id,
    })
    const move = await request(phone, 'group:move', {
      expectedVersion: agenda.version,
      participantId: 'x',
      groupId: 'y',
    })
    const say = await request(phone, 'broadcast:send', { text: 'hello', groupId: null })
    for (const result of [start, move, say])
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('places a late joiner in a group at once', async () => {
    const r = await room(4)
    const agenda = await r.saveAgenda()
    await r.ok(r.facilitator, 'round:start', {
      expectedVersion: agenda.version,
      roundId: agenda.rounds[0]!.id,
    })
    const late = await joinSession(r.server.baseUrl, r.created.joinCode, { sector: 'Faith-based' })
    let assignment: Promise<{ group: GroupView | null }> | undefined
    const socket = await connect(r.server.baseUrl, late.participantToken, {
      // Listen before connecting: the server places a late joiner as soon as the connection opens.
      beforeConnect: (s) => {
        assignment = nextEvent(s, 'group:assigned')
      },
    })
    cleanups.push(() => socket.close())
    const assigned = await assignment!
    expect(assigned.group?.members.map((m) => m.id)).toContain(late.participantId)
  })

  it('seats someone who scanned a table card at that table', async () => {
    const r = await room(6)
    const agenda = await r.saveAgenda()
    await r.ok(r.facilitator, 'round:start', {
      expectedVersion: agenda.version,
      roundId: agenda.rounds[0]!.id,
    })
    for (const table of [2, 1]) {
      const late = await joinSession(r.server.baseUrl, r.created.joinCode, { table })
      let assignment: Promise<{ group: GroupView | null }> | undefined
      const socket = await connect(r.server.baseUrl, late.participantToken, {
        beforeConnect: (s) => {
          assignment = nextEvent(s, 'group:assigned')
        },
      })
      cleanups.push(() => socket.close())
      expect((await assignment!).group?.number).toBe(table)
    }
  })
})
