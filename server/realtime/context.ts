import type { Logger } from '../logger.ts'
import type { SessionService } from '../services/sessionService.ts'
import type { DocHub } from './docs/hub.ts'
import type { Presence } from './presence.ts'
import type { IoServer } from './types.ts'

/** What every group of handlers needs. */
export interface RealtimeContext {
  io: IoServer
  sessions: SessionService
  hub: DocHub
  presence: Presence
  logger: Logger
  /** Tells facilitators and the room that who is here changed; coalesced per session. */
  rosterChanged(sessionId: string): void
}
