import type { Logger } from '../logger.ts'
import type { SessionService } from '../services/sessionService.ts'
import { Coalescer } from './coalescer.ts'
import type { Presence } from './presence.ts'
import { type IoServer, rooms } from './types.ts'

/** Coalesce roster broadcasts: a hall joining at once costs a few broadcasts, not thousands. */
export const ROSTER_BROADCAST_MS = 250
/**
 * Head counts are a number a person reads, not a list: once a second is enough. They go to the screens watching the
 * room (facilitators, projectors, organizers); no phone shows one, so a hall arriving is not sent to every phone.
 */
export const ATTENDANCE_BROADCAST_MS = 1000

/**
 * Broadcasts the participant list to facilitators at most every ROSTER_BROADCAST_MS, and head counts to the screens
 * at most every ATTENDANCE_BROADCAST_MS; each the latest when sent.
 */
export function rosterBroadcaster(
  io: IoServer,
  sessions: SessionService,
  presence: Presence,
  logger: Logger,
) {
  const failed = (err: unknown) => logger.error({ err }, 'roster broadcast failed')
  const onlineIn = (sessionId: string) => (id: string) => presence.isOnline(sessionId, id)
  const lists = new Coalescer<null>(
    ROSTER_BROADCAST_MS,
    async (sessionId) => {
      const list = await sessions.participants(sessionId, onlineIn(sessionId))
      io.to(rooms.facilitators(sessionId)).emit('participants:changed', list)
    },
    failed,
  )
  const headCounts = new Coalescer<null>(
    ATTENDANCE_BROADCAST_MS,
    async (sessionId) => {
      const online = presence.onlineCount(sessionId)
      const attendance = await sessions.attendance(sessionId, online, onlineIn(sessionId))
      io.to(rooms.screens(sessionId)).emit('attendance:changed', attendance)
    },
    failed,
  )
  return {
    changed(sessionId: string): void {
      lists.push(sessionId, null)
      headCounts.push(sessionId, null)
    },
    stop(): void {
      lists.stop()
      headCounts.stop()
    },
  }
}
