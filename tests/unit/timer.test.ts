import { describe, expect, it } from 'vitest'
import { DomainError } from '../../server/domain/errors.ts'
import {
  endTimer,
  extendTimer,
  isTimeUp,
  pauseTimer,
  remainingMs,
  resumeTimer,
  shortenTo,
  shouldAutoEnd,
  startTimer,
  type TimerState,
} from '../../server/domain/timer.ts'

const MINUTE = 60_000

/** A fake clock: time moves only when the test says so. */
function fakeClock(start = 1_700_000_000_000) {
  let now = start
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms
      return now
    },
  }
}

function expectCode(action: () => unknown, code: 'conflict' | 'bad_request') {
  expect(action).toThrow(DomainError)
  expect(action).toThrow(expect.objectContaining({ code }))
}

describe('round timer', () => {
  it('counts down from a stored deadline and stops at zero', () => {
    const clock = fakeClock()
    const s = startTimer(10 * MINUTE, clock.now(), null)
    expect(s).toEqual({
      status: 'running',
      durationMs: 10 * MINUTE,
      endsAt: clock.now() + 10 * MINUTE,
      remainingMs: null,
      graceMs: null,
    })
    expect(remainingMs(s, clock.advance(3 * MINUTE))).toBe(7 * MINUTE)
    expect(isTimeUp(s, clock.now())).toBe(false)
    expect(remainingMs(s, clock.advance(7 * MINUTE))).toBe(0)
    expect(isTimeUp(s, clock.now())).toBe(true)
    expect(remainingMs(s, clock.advance(MINUTE))).toBe(0)
  })

  it('survives a restart: the same state and time give the same remaining time', () => {
    const clock = fakeClock()
    const s = startTimer(5 * MINUTE, clock.now(), 30_000)
    clock.advance(123_456)
    const reloaded: TimerState = JSON.parse(JSON.stringify(s))
    expect(remainingMs(reloaded, clock.now())).toBe(remainingMs(s, clock.now()))
    expect(remainingMs(reloaded, clock.now())).toBe(5 * MINUTE - 123_456)
  })

  it('pauses and resumes, keeping the time that was left', () => {
    const clock = fakeClock()
    let s = startTimer(10 * MINUTE, clock.now(), null)
    clock.advance(4 * MINUTE)
    s = pauseTimer(s, clock.now())
    expect(s.status).toBe('paused')
    expect(s.endsAt).toBeNull()
    expect(remainingMs(s, clock.advance(30 * MINUTE))).toBe(6 * MINUTE)
    s = resumeTimer(s, clock.now())
    expect(s.endsAt).toBe(clock.now() + 6 * MINUTE)
    expect(remainingMs(s, clock.advance(MINUTE))).toBe(5 * MINUTE)
  })

  it('extends a running, a paused and a timed-out round', () => {
    const clock = fakeClock()
    const running = startTimer(10 * MINUTE, clock.now(), null)
    clock.advance(2 * MINUTE)
    const longer = extendTimer(running, 5 * MINUTE, clock.now())
    expect(remainingMs(longer, clock.now())).toBe(13 * MINUTE)
    expect(longer.durationMs).toBe(15 * MINUTE)

    const paused = extendTimer(pauseTimer(running, clock.now()), 2 * MINUTE, clock.now())
    expect(paused.remainingMs).toBe(10 * MINUTE)

    // Time ran out three minutes ago: an extension counts from now, not from the old deadline.
    clock.advance(11 * MINUTE)
    expect(isTimeUp(running, clock.now())).toBe(true)
    const revived = extendTimer(running, 2 * MINUTE, clock.now())
    expect(revived.endsAt).toBe(clock.now() + 2 * MINUTE)
    expect(isTimeUp(revived, clock.now())).toBe(false)
  })

  it('shortens the time left, running or paused', () => {
    const clock = fakeClock()
    const s = startTimer(20 * MINUTE, clock.now(), null)
    clock.advance(5 * MINUTE)
    const shorter = shortenTo(s, 3 * MINUTE, clock.now())
    expect(remainingMs(shorter, clock.now())).toBe(3 * MINUTE)
    expect(shorter.durationMs).toBe(8 * MINUTE)
    const pausedShorter = shortenTo(pauseTimer(s, clock.now()), MINUTE, clock.now())
    expect(pausedShorter).toMatchObject({ status: 'paused', remainingMs: MINUTE })
    expect(isTimeUp(shortenTo(s, 0, clock.now()), clock.now())).toBe(true)
  })

  it('ends by itself only after the chosen grace, and never without one', () => {
    const clock = fakeClock()
    const withGrace = startTimer(MINUTE, clock.now(), 30_000)
    const waits = startTimer(MINUTE, clock.now(), null)
    clock.advance(MINUTE)
    expect(isTimeUp(withGrace, clock.now())).toBe(true)
    expect(shouldAutoEnd(withGrace, clock.now())).toBe(false)
    clock.advance(29_999)
    expect(shouldAutoEnd(withGrace, clock.now())).toBe(false)
    clock.advance(1)
    expect(shouldAutoEnd(withGrace, clock.now())).toBe(true)
    expect(shouldAutoEnd(waits, clock.advance(10 * MINUTE))).toBe(false)
    // A paused round does not auto-end, and neither does one already ended.
    const paused = pauseTimer(startTimer(MINUTE, clock.now(), 0), clock.now())
    expect(shouldAutoEnd(paused, clock.advance(5 * MINUTE))).toBe(false)
    expect(shouldAutoEnd(endTimer(withGrace, clock.now()), clock.now())).toBe(false)
  })

  it('ends from running, after zero, or paused; an ended round shows no time left', () => {
    const clock = fakeClock()
    const s = startTimer(MINUTE, clock.now(), null)
    const ended = endTimer(s, clock.advance(10_000))
    expect(ended).toMatchObject({ status: 'ended', endsAt: null, remainingMs: null })
    expect(remainingMs(ended, clock.now())).toBe(0)
    expect(isTimeUp(ended, clock.now())).toBe(true)
    expect(endTimer(pauseTimer(s, clock.now()), clock.now()).status).toBe('ended')
    expect(endTimer(s, clock.advance(5 * MINUTE)).status).toBe('ended')
  })

  it('refuses invalid transitions with conflict', () => {
    const clock = fakeClock()
    const running = startTimer(MINUTE, clock.now(), null)
    const paused = pauseTimer(running, clock.now())
    const ended = endTimer(running, clock.now())
    expectCode(() => pauseTimer(paused, clock.now()), 'conflict')
    expectCode(() => resumeTimer(running, clock.now()), 'conflict')
    expectCode(() => pauseTimer(ended, clock.now()), 'conflict')
    expectCode(() => resumeTimer(ended, clock.now()), 'conflict')
    expectCode(() => extendTimer(ended, MINUTE, clock.now()), 'conflict')
    expectCode(() => shortenTo(ended, 0, clock.now()), 'conflict')
    expectCode(() => endTimer(ended, clock.now()), 'conflict')
    expectCode(() => pauseTimer(running, clock.advance(MINUTE)), 'conflict')
  })

  it('refuses bad amounts with bad_request', () => {
    const clock = fakeClock()
    const s = startTimer(10 * MINUTE, clock.now(), null)
    for (const ms of [0, -1, 2 * 60 * MINUTE + 1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expectCode(() => extendTimer(s, ms, clock.now()), 'bad_request')
      expectCode(() => startTimer(ms, clock.now(), null), 'bad_request')
    }
    expect(remainingMs(extendTimer(s, 2 * 60 * MINUTE, clock.now()), clock.now())).toBe(130 * MINUTE)
    expectCode(() => startTimer(MINUTE, clock.now(), -1), 'bad_request')
    expectCode(() => shortenTo(s, 10 * MINUTE, clock.now()), 'bad_request')
    expectCode(() => shortenTo(s, -1, clock.now()), 'bad_request')
  })
})
