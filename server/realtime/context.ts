import type { Logger } from '../logger.ts'
import type { ArchiveService } from '../services/archiveService.ts'
import type { NotesService } from '../services/notesService.ts'
import type { RetentionService } from '../services/retentionService.ts'
import type { RoomQueries } from '../services/roomQueries.ts'
import type { RoomService } from '../services/roomService.ts'
import type { SessionService } from '../services/sessionService.ts'
import type { Store } from '../store/types.ts'
import type { DocHub } from './docs/hub.ts'
import type { Presence } from './presence.ts'
import type { PublishRoomChange } from './roomPublisher.ts'
import type { IoServer } from './types.ts'

/** What every group of handlers needs. */
export interface RealtimeContext {
  io: IoServer
  store: Store
  sessions: SessionService
  rooms: RoomService
  queries: RoomQueries
  notes: NotesService
  publishRoom: PublishRoomChange
  /** Points the session's auto-end timer at its running round's current deadline. */
  scheduleRoundDeadline(sessionId: string): void
  hub: DocHub
  presence: Presence
  logger: Logger
  /** Tells facilitators and the room that who is here changed; coalesced per session. */
  rosterChanged(sessionId: string): void
  /** Exports, sharing and retention choices. */
  archive: ArchiveService
  /** Closing and purging sessions. */
  retention: RetentionService
}
