import type { Logger } from '../logger.ts'
import type { RoomQueries } from '../services/roomQueries.ts'
import type { RoomStore, RoundRecord } from '../store/types.ts'

/**
 * Locks a round's notes for real when their grace runs out. A round that ends with its notes locked still takes
 * edits for a grace, so phones that were offline can deliver; then every open connection is checked again. The
 * deadlines come from the store (a round's end plus the grace), and this keeps one timer per session pointing at
 * the next, rebuilt after a restart, so a restart during the grace does not leave the notes writable.
 */
export function notesLocks(
  store: RoomStore,
  queries: RoomQueries,
  reauthorize: (sessionId: string) => Promise<void>,
  logger: Logger,
) {
  const timers = new Map<string, NodeJS.Timeout>()
  let stopped = false
  const failed = (err: unknown) => logger.error({ err }, 'locking notes after their grace failed')

  const arm = (sessionId: string, rounds: RoundRecord[]) => {
    clearTimeout(timers.get(sessionId))
    timers.delete(sessionId)
    if (stopped) return
    const now = Date.now()
    const next = Math.min(...rounds.map((r) => queries.notesLockAt(r) ?? 0).filter((at) => at > now))
    if (!Number.isFinite(next)) return
    const timer = setTimeout(() => {
      timers.delete(sessionId)
      // Checked again afterwards: another round's grace may still be running.
      reauthorize(sessionId)
        .then(() => schedule(sessionId))
        .catch(failed)
    }, next - now)
    timer.unref()
    timers.set(sessionId, timer)
  }

  /** Points the session's timer at the next end of a grace, if any round's notes are in one. */
  const schedule = (sessionId: string): void => {
    if (stopped) return
    store
      .listRounds(sessionId)
      .then((rounds) => arm(sessionId, rounds))
      .catch(failed)
  }

  return {
    schedule,
    /** After a restart: the sessions whose rounds ended within the grace. */
    async restore(): Promise<void> {
      const recent = await store.listRoundsEndedSince(Date.now() - queries.notesLockGraceMs)
      for (const sessionId of new Set(recent.map((r) => r.sessionId))) schedule(sessionId)
    },
    stop(): void {
      stopped = true
      for (const timer of timers.values()) clearTimeout(timer)
      timers.clear()
    },
  }
}

/** The notes locks' handle. */
export type NotesLocks = ReturnType<typeof notesLocks>
