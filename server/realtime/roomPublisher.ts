import type { GroupView, RoomState } from '../../shared/rounds.ts'
import type { Logger } from '../logger.ts'
import type { RoomQueries } from '../services/roomQueries.ts'
import type { Regrouping, RoomChange } from '../services/roomService.ts'
import type { RoomStore } from '../store/types.ts'
import { Coalescer } from './coalescer.ts'
import type { DocHub } from './docs/hub.ts'
import type { NotesLocks } from './notesLocks.ts'
import type { Presence } from './presence.ts'
import { type IoServer, rooms } from './types.ts'

/**
 * Room broadcasts are coalesced per session: at most one room state, action log and groups list every
 * ROOM_BROADCAST_MS, each the latest. A hall arriving at once costs a few broadcasts, not one per arrival.
 */
export const ROOM_BROADCAST_MS = 250

/**
 * Sends a room change to whom it concerns: state to all, groups to facilitators and a self-select round's seat
 * counts to everyone else (coalesced), each person whose seat changed their own group at once.
 */
export function roomPublisher(
  io: IoServer,
  queries: RoomQueries,
  store: RoomStore,
  presence: Presence,
  hub: DocHub,
  locks: NotesLocks,
  logger: Logger,
) {
  const failed = (what: string) => (err: unknown) => logger.error({ err }, `${what} broadcast failed`)
  const onlineIn = (sessionId: string) => (id: string) => presence.isOnline(sessionId, id)
  const reauthorize = (sessionId: string, only?: string[]) =>
    hub
      .reauthorize(sessionId, only)
      .catch((err: unknown) => logger.error({ err }, 're-checking document access failed'))

  const states = new Coalescer<RoomState>(
    ROOM_BROADCAST_MS,
    (sessionId, state) => {
      io.to(rooms.session(sessionId)).emit('room:state', state)
    },
    failed('room state'),
    (waiting, pushed) => (pushed.version >= waiting.version ? pushed : waiting),
  )
  const actions = new Coalescer<null>(
    ROOM_BROADCAST_MS,
    async (sessionId) => {
      io.to(rooms.facilitators(sessionId)).emit('actions:changed', await store.listActions(sessionId, 50))
    },
    failed('action log'),
  )
  // Read when sent, so the groups of the current round as they are then: the latest, whatever was pushed.
  const groups = new Coalescer<null>(
    ROOM_BROADCAST_MS,
    async (sessionId) => {
      const round = await queries.currentRound(sessionId)
      if (!round) return
      const current = await queries.groups(sessionId, round.id, onlineIn(sessionId))
      const facilitators = rooms.facilitators(sessionId)
      io.to(facilitators).emit('groups:changed', current)
      // Those choosing a table see how full each is: a fraction of the list, and nobody's name.
      if (round.grouping === 'self-select')
        io.to(rooms.session(sessionId))
          .except(facilitators)
          .emit('seats:changed', await queries.seats(round.id))
    },
    failed('groups'),
  )

  /** Tells each participant whose seat changed (everyone in the round when `moved` is absent) where they sit. */
  const assign = async (sessionId: string, roundId: string, moved: string[] | undefined) => {
    const isOnline = onlineIn(sessionId)
    const tell = (participantId: string, group: GroupView | null) =>
      io.to(rooms.participant(participantId)).emit('group:assigned', { roundId, group })
    if (moved) {
      for (const id of moved) tell(id, await queries.groupOf(sessionId, roundId, id, isOnline))
      return
    }
    const current = await queries.groups(sessionId, roundId, isOnline)
    for (const group of current.groups) for (const member of group.members) tell(member.id, group)
    for (const person of current.unassigned) tell(person.id, null)
  }

  async function publish(sessionId: string, change: RoomChange | Regrouping): Promise<void> {
    if ('state' in change) {
      states.push(sessionId, change.state)
      actions.push(sessionId, null)
    }
    if (change.accessChanged) {
      // A move changes only the moved people's access; a round starting or ending, everyone's.
      void reauthorize(sessionId, change.moved)
      // Locked notes still take edits for a grace, so phones that were offline deliver; then lock them for real.
      locks.schedule(sessionId)
    }
    const roundId = change.regroupedRoundId
    if (!roundId) return
    groups.push(sessionId, null)
    await assign(sessionId, roundId, change.moved)
  }

  return {
    publish,
    /** Sends nothing more, for shutdown: the coalesced broadcasts still waiting are dropped. */
    stop(): void {
      states.stop()
      actions.stop()
      groups.stop()
    },
  }
}

/** The publish function's type. */
export type PublishRoomChange = ReturnType<typeof roomPublisher>['publish']
