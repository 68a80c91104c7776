import { io } from 'socket.io-client'
import type { ClientSocket } from '../../client/src/net/docTunnel.ts'
import type { AckResult } from '../../shared/errors.ts'
import { PROTOCOL_VERSION, type RoomSnapshot } from '../../shared/protocol.ts'
import type { GroupingRuleName, RoomState } from '../../shared/rounds.ts'
import type { CreatedSession } from '../../shared/session.ts'
import { wireParser } from '../../shared/wireParser.ts'
import { joinByCode } from './clients.ts'
import { type ClientSpec, pool, withTimeout } from './common.ts'

/** A Convene session with its round running and everyone placed, as a facilitator sets it up. */
export interface ConveneSession {
  joinCode: string
  facilitatorToken: string
  /** The facilitator's live view: connected and listening to everything, for the whole scenario. */
  facilitator: ClientSocket
  participantTokens: string[]
  /** Events the facilitator's socket received, by name. */
  facilitatorEvents: Map<string, number>
}

async function ack<T>(socket: ClientSocket, event: string, ...args: unknown[]): Promise<T> {
  const emitter = socket.timeout(30_000) as unknown as {
    emitWithAck: (e: string, ...a: unknown[]) => Promise<AckResult<T>>
  }
  const result = await emitter.emitWithAck(event, ...args)
  if (!result.ok) throw new Error(`${event}: ${result.error.code} ${result.error.message}`)
  return result.data
}

/** Connects a facilitator (or any role) socket with the client's options. */
export async function connectSocket(baseUrl: string, token: string): Promise<ClientSocket> {
  const socket: ClientSocket = io(baseUrl, {
    auth: { token, protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    parser: wireParser,
    forceNew: true,
  })
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve())
      socket.once('connect_error', reject)
    }),
    30_000,
    'facilitator connect',
  )
  return socket
}

/** Creates a session through the API, as the create page does. */
export async function createSession(baseUrl: string): Promise<CreatedSession> {
  const res = await fetch(`${baseUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Benchmark hall', sectors: [] }),
  })
  if (res.status !== 201) throw new Error(`create session: ${res.status} ${await res.text()}`)
  return (await res.json()) as CreatedSession
}

/** Saves a one-round agenda and starts the round with the facilitator's socket. */
export async function startRound(
  facilitator: ClientSocket,
  groupSize: number,
  grouping: GroupingRuleName = 'random',
): Promise<void> {
  const before = await ack<RoomSnapshot>(facilitator, 'room:snapshot')
  const saved = await ack<RoomState>(facilitator, 'agenda:save', {
    expectedVersion: before.state.version,
    rounds: [
      {
        title: 'Benchmark round',
        prompts: ['What would make this neighbourhood safer?'],
        durationMinutes: 120,
        groupSize,
        grouping,
      },
    ],
  })
  const roundId = saved.rounds[0]?.id
  if (!roundId) throw new Error('agenda:save returned no round')
  await ack<RoomState>(facilitator, 'round:start', { expectedVersion: saved.version, roundId })
}

/**
 * Creates a session, joins `participants` through the API, and starts a round of `groupSize` groups with the
 * facilitator's socket. Participants need not be connected: the round groups everyone who joined.
 */
export async function setupSession(
  baseUrl: string,
  participants: number,
  groupSize: number,
): Promise<ConveneSession> {
  const created = await createSession(baseUrl)
  const participantTokens: string[] = []
  await pool(
    Array.from({ length: participants }, (_, i) => i),
    16,
    async () => {
      participantTokens.push(await joinByCode(baseUrl, created.joinCode))
    },
  )
  const facilitator = await connectSocket(baseUrl, created.facilitatorToken)
  const facilitatorEvents = new Map<string, number>()
  facilitator.onAny((event: string) => facilitatorEvents.set(event, (facilitatorEvents.get(event) ?? 0) + 1))
  await startRound(facilitator, groupSize)
  return {
    joinCode: created.joinCode,
    facilitatorToken: created.facilitatorToken,
    facilitator,
    participantTokens,
    facilitatorEvents,
  }
}

/** The simulated participants of a session: one per participant token, ids from 1. */
export function participantSpecs(session: ConveneSession, url: string): ClientSpec[] {
  return session.participantTokens.map((token, i) => ({ id: i + 1, target: 'convene', url, token }))
}
