import { ERROR_CODES } from '../../shared/errors.ts'
import { DomainError } from './errors.ts'

/** Where a round's clock stands. */
export type TimerStatus = 'running' | 'paused' | 'ended'

/**
 * A round's clock as stored deadlines, never intervals, so a restarted server or a reloaded page computes the same
 * remaining time from the state and the current time alone.
 */
export interface TimerState {
  status: TimerStatus
  /** Total time granted so far: the initial duration plus extensions, minus shortening. */
  durationMs: number
  /** When a running round reaches zero (server clock, epoch ms); null unless running. */
  endsAt: number | null
  /** Time left on a paused round; null unless paused. */
  remainingMs: number | null
  /** Auto-end this long after zero; null waits for the facilitator. */
  graceMs: number | null
}

/** The longest single round or extension a facilitator may set. */
export const MAX_TIMER_STEP_MS = 2 * 60 * 60 * 1000
/** The longest grace after zero before a round ends by itself. */
export const MAX_GRACE_MS = 60 * 60 * 1000

const conflict = (message: string) => new DomainError(ERROR_CODES.conflict, message)
const badRequest = (message: string) => new DomainError(ERROR_CODES.badRequest, message)

function checkSpan(ms: number, what: string): void {
  if (!Number.isFinite(ms) || ms <= 0 || ms > MAX_TIMER_STEP_MS) {
    throw badRequest(`${what} must be more than zero and at most two hours.`)
  }
}

/** Starts a round's clock at now. */
export function startTimer(durationMs: number, now: number, graceMs: number | null): TimerState {
  checkSpan(durationMs, 'A round')
  if (graceMs !== null && (!Number.isFinite(graceMs) || graceMs < 0 || graceMs > MAX_GRACE_MS)) {
    throw badRequest('The grace after time is up must be between zero and one hour.')
  }
  return { status: 'running', durationMs, endsAt: now + durationMs, remainingMs: null, graceMs }
}

/** Time left, never negative: 0 at and after the deadline, and once ended. */
export function remainingMs(s: TimerState, now: number): number {
  if (s.status === 'paused') return Math.max(0, s.remainingMs ?? 0)
  if (s.status === 'running') return Math.max(0, (s.endsAt ?? now) - now)
  return 0
}

/** Whether the round shows "Time's up": no time left, running at or past zero or ended. */
export function isTimeUp(s: TimerState, now: number): boolean {
  return remainingMs(s, now) === 0
}

/** Whether a running round has passed zero by its grace and should end by itself. */
export function shouldAutoEnd(s: TimerState, now: number): boolean {
  return s.status === 'running' && s.graceMs !== null && s.endsAt !== null && now >= s.endsAt + s.graceMs
}

/** Pauses a running round with time left; at zero there is nothing to pause (extend or end instead). */
export function pauseTimer(s: TimerState, now: number): TimerState {
  if (s.status !== 'running') throw conflict(`Only a running round can be paused; this one is ${s.status}.`)
  const left = remainingMs(s, now)
  if (left === 0) throw conflict("Time is up: extend the round or end it; there's nothing to pause.")
  return { ...s, status: 'paused', endsAt: null, remainingMs: left }
}

/** Resumes a paused round: the deadline is now plus the time that was left. */
export function resumeTimer(s: TimerState, now: number): TimerState {
  if (s.status !== 'paused') throw conflict(`Only a paused round can be resumed; this one is ${s.status}.`)
  return { ...s, status: 'running', endsAt: now + (s.remainingMs ?? 0), remainingMs: null }
}

/** Adds ms to a running or paused round; once time is up, the extension counts from now. */
export function extendTimer(s: TimerState, ms: number, now: number): TimerState {
  checkSpan(ms, 'An extension')
  if (s.status === 'ended') throw conflict('This round has ended and cannot be extended.')
  if (s.status === 'paused')
    return { ...s, durationMs: s.durationMs + ms, remainingMs: (s.remainingMs ?? 0) + ms }
  return { ...s, durationMs: s.durationMs + ms, endsAt: Math.max(s.endsAt ?? now, now) + ms }
}

/** Cuts the time left to ms (>= 0, less than what is left); for running late. */
export function shortenTo(s: TimerState, ms: number, now: number): TimerState {
  if (s.status === 'ended') throw conflict('This round has ended.')
  if (!Number.isFinite(ms) || ms < 0) throw badRequest('The time left cannot be negative.')
  const left = remainingMs(s, now)
  if (ms >= left) throw badRequest('Shortening must leave less time than there is; extend the round instead.')
  const durationMs = s.durationMs - (left - ms)
  if (s.status === 'paused') return { ...s, durationMs, remainingMs: ms }
  return { ...s, durationMs, endsAt: now + ms }
}

/** Ends the round now, whether running (before or after zero) or paused. */
export function endTimer(s: TimerState, _now: number): TimerState {
  if (s.status === 'ended') throw conflict('This round has already ended.')
  return { ...s, status: 'ended', endsAt: null, remainingMs: null }
}
