import type { Identity } from '../domain/identity.ts'
import { shouldAutoEnd } from '../domain/timer.ts'
import type { Logger } from '../logger.ts'
import type { RoomService } from '../services/roomService.ts'
import { timerOf } from '../services/roundClock.ts'
import type { RoomStore, RoundRecord } from '../store/types.ts'
import type { PublishRoomChange } from './roomPublisher.ts'

/**
 * Ends rounds whose grace after zero ran out. Deadlines live in the store; this only keeps one timer per session
 * pointing at the next one, and rebuilds them all after a restart.
 */
export function roundDeadlines(
  store: RoomStore,
  rooms: RoomService,
  publish: PublishRoomChange,
  logger: Logger,
) {
  const timers = new Map<string, NodeJS.Timeout>()
  const system = (sessionId: string): Identity => ({
    sessionId,
    role: 'facilitator',
    id: 'system',
    displayName: 'Timer',
    sector: null,
  })

  const arm = (round: RoundRecord) => {
    clearTimeout(timers.get(round.sessionId))
    timers.delete(round.sessionId)
    if (round.status !== 'running' || round.graceMs === null || round.endsAt === null) return
    const dueInMs = Math.max(0, round.endsAt + round.graceMs - Date.now())
    const timer = setTimeout(() => {
      timers.delete(round.sessionId)
      fire(round.sessionId, round.id).catch((err: unknown) =>
        logger.error({ err }, 'auto-ending a round failed'),
      )
    }, dueInMs)
    timer.unref()
    timers.set(round.sessionId, timer)
  }

  const fire = async (sessionId: string, roundId: string) => {
    const round = (await store.listRounds(sessionId)).find((r) => r.id === roundId)
    if (!round) return
    if (!shouldAutoEnd(timerOf(round), Date.now())) return arm(round)
    await publish(sessionId, await rooms.end(system(sessionId), null, roundId))
  }

  return {
    /** Re-reads the session's running round and points its timer at the new deadline. */
    schedule(sessionId: string): void {
      store
        .listRounds(sessionId)
        .then((rounds) => {
          const running = rounds.find((r) => r.status === 'running' || r.status === 'paused')
          if (running) return arm(running)
          clearTimeout(timers.get(sessionId))
          timers.delete(sessionId)
        })
        .catch((err: unknown) => logger.error({ err }, 'scheduling a deadline failed'))
    },
    /** After a restart: every running round's deadline. */
    async restore(): Promise<void> {
      for (const round of await store.listRunningRounds()) arm(round)
    },
    stop(): void {
      for (const timer of timers.values()) clearTimeout(timer)
      timers.clear()
    },
  }
}
