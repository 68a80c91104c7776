import type { Logger } from '../logger.ts'
import type { NotesService } from '../services/notesService.ts'
import type { DocRoom } from './docs/room.ts'
import { type IoServer, rooms } from './types.ts'

/** At most one batch of previews per session this often: the live view stays current without a message per keystroke. */
export const PREVIEW_THROTTLE_MS = 1000

/**
 * Pushes throttled previews of group notes to the session's facilitators: every group that changed since the last
 * batch, in one message. At a summit 250 tables type at once; one message a second (not 250) keeps the live view's
 * page to one update a second.
 */
export function previewPublisher(io: IoServer, notes: () => NotesService, logger: Logger) {
  const pending = new Map<string, { timer: NodeJS.Timeout; changed: Set<DocRoom> }>()

  const publish = (sessionId: string) => {
    const batch = pending.get(sessionId)
    pending.delete(sessionId)
    if (!batch) return
    try {
      const previews = [...batch.changed]
        .filter((room) => !room.destroyed)
        .map((room) => notes().preview(room))
      if (previews.length > 0) io.to(rooms.facilitators(sessionId)).emit('group:previews', previews)
    } catch (err) {
      logger.error({ err }, 'group previews failed')
    }
  }

  return {
    /** A group's notes changed; `sessionId` is the session the document belongs to. */
    changed(room: DocRoom, sessionId: string): void {
      notes().touched(room.name)
      const batch = pending.get(sessionId)
      if (batch) {
        batch.changed.add(room)
        return
      }
      const timer = setTimeout(() => publish(sessionId), PREVIEW_THROTTLE_MS)
      timer.unref()
      pending.set(sessionId, { timer, changed: new Set([room]) })
    },
    stop(): void {
      for (const batch of pending.values()) clearTimeout(batch.timer)
      pending.clear()
    },
  }
}
