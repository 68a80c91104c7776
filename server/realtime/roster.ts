import type { Logger } from '../logger.ts'
import type { SessionService } from '../services/sessionService.ts'
import type { Presence } from './presence.ts'
import { type IoServer, rooms } from './types.ts'

/** Coalesce roster broadcasts: a hall joining at once costs a few broadcasts, not thousands. */
export const ROSTER_BROADCAST_MS = 250

/** Broadcasts the participant list to facilitators and head counts to everyone, at most every ROSTER_BROADCAST_MS. */
export function rosterBroadcaster(
  io: IoServer,
  sessions: SessionService,
  presence: Presence,
  logger: Logger,
) {
  const pending = new Map<string, NodeJS.Timeout>()
  const send = async (sessionId: string) => {
    const list = await sessions.participants(sessionId, (id) => presence.isOnline(sessionId, id))
    io.to(rooms.facilitators(sessionId)).emit('participants:changed', list)
    io.to(rooms.session(sessionId)).emit('attendance:changed', {
      joined: list.length,
      online: list.filter((p) => p.online).length,
    })
  }
  return {
    changed(sessionId: string): void {
      if (pending.has(sessionId)) return
      const timer = setTimeout(() => {
        pending.delete(sessionId)
        send(sessionId).catch((err: unknown) => logger.error({ err }, 'roster broadcast failed'))
      }, ROSTER_BROADCAST_MS)
      timer.unref()
      pending.set(sessionId, timer)
    },
    stop(): void {
      for (const timer of pending.values()) clearTimeout(timer)
      pending.clear()
    },
  }
}
