import { useEffect, useRef, useState } from 'react'
import { serverRemainingMs, TWO_MINUTE_WARNING_MS } from '../../../shared/clock.ts'
import type { RoundView } from '../../../shared/rounds.ts'

/** A round's clock as a screen shows it. */
export interface Countdown {
  /** Time left, never negative. */
  remainingMs: number
  running: boolean
  paused: boolean
  /** Running, and the deadline has passed on the server's clock. */
  timeUp: boolean
  /** Two minutes or less left (and not yet zero). */
  nearlyDone: boolean
}

const TICK_MS = 250

/**
 * Counts a round down from its server deadline, corrected by this device's clock offset. Everything is derived
 * from `endsAt` (or `remainingMs` while paused), so a reload, a reconnect or a restarted server show the same time.
 */
export function useCountdown(round: RoundView | null, offsetMs: number): Countdown {
  const running = round?.status === 'running' && round.endsAt !== null
  const [, setTick] = useState(0)

  useEffect(() => {
    if (!running) return
    const timer = setInterval(() => setTick((n) => n + 1), TICK_MS)
    return () => clearInterval(timer)
  }, [running])

  const paused = round?.status === 'paused'
  const remainingMs =
    running && round?.endsAt != null
      ? serverRemainingMs(round.endsAt, Date.now(), offsetMs)
      : paused
        ? Math.max(0, round?.remainingMs ?? 0)
        : round?.status === 'planned'
          ? round.durationMs
          : 0
  return {
    remainingMs,
    running,
    paused,
    timeUp: running && remainingMs <= 0,
    nearlyDone: (running || paused) && remainingMs > 0 && remainingMs <= TWO_MINUTE_WARNING_MS,
  }
}

/** A notice a round's clock gives once, when it crosses the mark: two minutes left, or time's up. */
export type ClockNotice = 'twoMinutes' | 'timeUp'

/**
 * Calls `onNotice` when the countdown crosses two minutes or zero while this screen watches — once per crossing,
 * never every second, and not on first load (the screen already shows where the clock stands).
 */
export function useClockNotices(
  roundId: string | null,
  countdown: Countdown,
  onNotice: (notice: ClockNotice) => void,
): void {
  const last = useRef<{ roundId: string | null; remainingMs: number; timeUp: boolean } | null>(null)
  const notify = useRef(onNotice)
  notify.current = onNotice
  const { remainingMs, timeUp, running } = countdown

  useEffect(() => {
    const prev = last.current
    last.current = { roundId, remainingMs, timeUp }
    if (!prev || prev.roundId !== roundId || !running) return
    if (!prev.timeUp && timeUp) notify.current('timeUp')
    else if (
      prev.remainingMs > TWO_MINUTE_WARNING_MS &&
      remainingMs <= TWO_MINUTE_WARNING_MS &&
      remainingMs > 0
    )
      notify.current('twoMinutes')
  }, [roundId, remainingMs, timeUp, running])
}
