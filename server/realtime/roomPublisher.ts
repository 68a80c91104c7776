import { LIMITS } from '../../shared/limits.ts'
import type { Logger } from '../logger.ts'
import type { RoomQueries } from '../services/roomQueries.ts'
import type { RoomChange } from '../services/roomService.ts'
import type { RoomStore } from '../store/types.ts'
import type { DocHub } from './docs/hub.ts'
import type { Presence } from './presence.ts'
import { type IoServer, rooms } from './types.ts'

/** Sends a room change to whom it concerns: state to all, groups to facilitators, each person their own group. */
export function roomPublisher(
  io: IoServer,
  queries: RoomQueries,
  store: RoomStore,
  presence: Presence,
  hub: DocHub,
  logger: Logger,
) {
  const reauthorize = (sessionId: string) =>
    hub
      .reauthorize(sessionId)
      .catch((err: unknown) => logger.error({ err }, 're-checking document access failed'))

  return async function publish(sessionId: string, change: RoomChange): Promise<void> {
    io.to(rooms.session(sessionId)).emit('room:state', change.state)
    if (change.accessChanged) {
      void reauthorize(sessionId)
      // Locked notes still take edits for a grace, so phones that were offline deliver; then lock them for real.
      const timer = setTimeout(() => void reauthorize(sessionId), LIMITS.notesLockGraceMs + 1000)
      timer.unref()
    }
    store
      .listActions(sessionId, 50)
      .then((actions) => io.to(rooms.facilitators(sessionId)).emit('actions:changed', actions))
      .catch((err: unknown) => logger.error({ err }, 'action log broadcast failed'))
    const roundId = change.regroupedRoundId
    if (!roundId) return
    const current = await queries.groups(sessionId, roundId, (id) => presence.isOnline(sessionId, id))
    const round = change.state.rounds.find((r) => r.id === roundId)
    const audience =
      round?.grouping === 'self-select' ? rooms.session(sessionId) : rooms.facilitators(sessionId)
    io.to(audience).emit('groups:changed', current)
    const groupOf = new Map<string, (typeof current.groups)[number]>()
    for (const g of current.groups) for (const m of g.members) groupOf.set(m.id, g)
    const targets = change.moved ?? [...groupOf.keys(), ...current.unassigned.map((m) => m.id)]
    for (const participantId of targets) {
      io.to(rooms.participant(participantId)).emit('group:assigned', {
        roundId,
        group: groupOf.get(participantId) ?? null,
      })
    }
  }
}

/** The publish function's type. */
export type PublishRoomChange = ReturnType<typeof roomPublisher>
