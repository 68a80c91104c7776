import type { TimerState } from '../domain/timer.ts'
import type { RoundRecord } from '../store/types.ts'

/** A stored round's clock as the timer rules see it. */
export function timerOf(r: RoundRecord): TimerState {
  const status = r.status === 'paused' ? 'paused' : r.status === 'ended' ? 'ended' : 'running'
  return {
    status,
    durationMs: r.durationMs,
    endsAt: r.endsAt,
    remainingMs: r.remainingMs,
    graceMs: r.graceMs,
  }
}

/** The round fields a timer state sets. */
export function timerFields(t: TimerState): Pick<RoundRecord, 'status' | 'endsAt' | 'remainingMs'> {
  return { status: t.status, endsAt: t.endsAt, remainingMs: t.remainingMs }
}
