import type { ClientSocket } from '../../client/src/net/docTunnel.ts'
import type { RoomSnapshot } from '../../shared/protocol.ts'
import type { GroupingRuleName, RoomState } from '../../shared/rounds.ts'
import { connect, createSession, joinSession, request } from './clients.ts'
import { startTestServer } from './server.ts'

/** A session with a facilitator and `people` connected participants, ready to run rounds. */
export async function sessionWithPeople(
  baseUrl: string,
  people: number,
  sectors = ['Law enforcement', 'Faith-based'],
) {
  const created = await createSession(baseUrl, { sectors })
  const facilitator = await connect(baseUrl, created.facilitatorToken)
  const phones: { id: string; token: string; socket: ClientSocket }[] = []
  for (let i = 0; i < people; i++) {
    const joined = await joinSession(baseUrl, created.joinCode, { sector: sectors[i % sectors.length] })
    phones.push({
      id: joined.participantId,
      token: joined.participantToken,
      socket: await connect(baseUrl, joined.participantToken),
    })
  }
  return {
    created,
    facilitator,
    phones,
    close: () => {
      facilitator.close()
      for (const p of phones) p.socket.close()
    },
  }
}

/** Saves a one-round agenda and starts it; returns the room snapshot the facilitator sees. */
export async function startRound(
  facilitator: ClientSocket,
  options: { groupSize?: number; grouping?: GroupingRuleName; title?: string; prompt?: string } = {},
): Promise<RoomSnapshot> {
  const snapshot = async () => {
    const snap = await request<RoomSnapshot>(facilitator, 'room:snapshot')
    if (!snap.ok) throw new Error(snap.error.message)
    return snap.data
  }
  const { state } = await snapshot()
  const saved = await request<RoomState>(facilitator, 'agenda:save', {
    expectedVersion: state.version,
    rounds: [
      {
        title: options.title ?? 'Where next?',
        prompts: [options.prompt ?? 'What is working?'],
        durationMinutes: 20,
        groupSize: options.groupSize ?? 8,
        grouping: options.grouping ?? 'whole-room',
      },
    ],
  })
  if (!saved.ok) throw new Error(saved.error.message)
  const started = await request<RoomState>(facilitator, 'round:start', {
    expectedVersion: saved.data.version,
    roundId: saved.data.rounds[0]!.id,
  })
  if (!started.ok) throw new Error(started.error.message)
  return snapshot()
}

/**
 * A real server (with `serverOptions`), a session of `people` connected participants and a facilitator, and a round
 * started with `round`; the test's cleanups close them.
 */
export async function runningRound(
  cleanups: (() => unknown)[],
  people: number,
  round: Parameters<typeof startRound>[1] = {},
  serverOptions: Parameters<typeof startTestServer>[0] = {},
) {
  const server = await startTestServer(serverOptions)
  cleanups.push(() => server.close())
  const room = await sessionWithPeople(server.baseUrl, people)
  cleanups.push(room.close)
  const snap = await startRound(room.facilitator, round)
  return { server, room, snap }
}
