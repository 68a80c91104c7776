import { parseDocName } from '../../shared/docNames.ts'
import type { Logger } from '../logger.ts'
import type { NotesService } from '../services/notesService.ts'
import type { DocRoom } from './docs/room.ts'
import { type IoServer, rooms } from './types.ts'

/** At most one preview per group this often: the live view stays current without a message per keystroke. */
export const PREVIEW_THROTTLE_MS = 1000

/** Pushes throttled previews of group notes to the session's facilitators. */
export function previewPublisher(io: IoServer, notes: () => NotesService, logger: Logger) {
  const pending = new Map<string, NodeJS.Timeout>()
  return {
    changed(room: DocRoom): void {
      notes().touched(room.name)
      if (pending.has(room.name)) return
      const timer = setTimeout(() => {
        pending.delete(room.name)
        const ref = parseDocName(room.name)
        if (!ref || room.destroyed) return
        try {
          io.to(rooms.facilitators(ref.sessionId)).emit('group:preview', notes().preview(room))
        } catch (err) {
          logger.error({ err }, 'group preview failed')
        }
      }, PREVIEW_THROTTLE_MS)
      timer.unref()
      pending.set(room.name, timer)
    },
    stop(): void {
      for (const timer of pending.values()) clearTimeout(timer)
      pending.clear()
    },
  }
}
