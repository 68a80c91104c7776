import { describe, expect, it } from 'vitest'
import { JoinFailureLimiter } from '../../server/http/joinLimiter.ts'
import { LIMITS } from '../../shared/limits.ts'

/** A limiter on a clock the test moves by hand. */
function limiterWithClock(maxFailures = 3, windowMs = 60_000) {
  const clock = { now: 1_000_000 }
  const limiter = new JoinFailureLimiter(maxFailures, windowMs, () => clock.now)
  return { limiter, clock }
}

describe('JoinFailureLimiter', () => {
  it('lets an address fail up to the limit, then blocks it', () => {
    const { limiter } = limiterWithClock(3)
    for (let i = 0; i < 3; i++) {
      expect(limiter.isBlocked('10.0.0.1')).toBe(false)
      limiter.recordFailure('10.0.0.1')
    }
    expect(limiter.isBlocked('10.0.0.1')).toBe(true)
  })

  it('blocks only the address that failed', () => {
    const { limiter } = limiterWithClock(2)
    limiter.recordFailure('10.0.0.1')
    limiter.recordFailure('10.0.0.1')
    expect(limiter.isBlocked('10.0.0.1')).toBe(true)
    expect(limiter.isBlocked('10.0.0.2')).toBe(false)
  })

  it('never blocks an address that only checks, however often (successes are not recorded)', () => {
    const { limiter } = limiterWithClock(2)
    for (let i = 0; i < 1000; i++) expect(limiter.isBlocked('venue')).toBe(false)
  })

  it('unblocks when the window has passed', () => {
    const { limiter, clock } = limiterWithClock(2, 60_000)
    limiter.recordFailure('a')
    limiter.recordFailure('a')
    clock.now += 59_999
    expect(limiter.isBlocked('a')).toBe(true)
    clock.now += 1
    expect(limiter.isBlocked('a')).toBe(false)
  })

  it('starts a fresh window after the old one ends', () => {
    const { limiter, clock } = limiterWithClock(2, 60_000)
    limiter.recordFailure('a')
    clock.now += 60_000
    limiter.recordFailure('a')
    expect(limiter.isBlocked('a')).toBe(false)
    limiter.recordFailure('a')
    expect(limiter.isBlocked('a')).toBe(true)
  })

  it('counts failures in a window from its first failure, not its last', () => {
    const { limiter, clock } = limiterWithClock(2, 60_000)
    limiter.recordFailure('a')
    clock.now += 50_000
    limiter.recordFailure('a')
    expect(limiter.isBlocked('a')).toBe(true)
    clock.now += 10_000
    expect(limiter.isBlocked('a')).toBe(false)
  })

  it('says how long to wait, rounded up to whole seconds', () => {
    const { limiter, clock } = limiterWithClock(1, 60_000)
    expect(limiter.retryAfterSeconds('a')).toBe(0)
    limiter.recordFailure('a')
    expect(limiter.retryAfterSeconds('a')).toBe(60)
    clock.now += 30_500
    expect(limiter.retryAfterSeconds('a')).toBe(30)
    clock.now += 29_499
    expect(limiter.retryAfterSeconds('a')).toBe(1)
    clock.now += 1
    expect(limiter.retryAfterSeconds('a')).toBe(0)
  })

  it('defaults to the shared limits', () => {
    const clock = { now: 0 }
    const limiter = new JoinFailureLimiter(undefined, undefined, () => clock.now)
    for (let i = 0; i < LIMITS.joinFailuresPerWindow - 1; i++) limiter.recordFailure('a')
    expect(limiter.isBlocked('a')).toBe(false)
    limiter.recordFailure('a')
    expect(limiter.isBlocked('a')).toBe(true)
    clock.now += LIMITS.joinFailureWindowMs
    expect(limiter.isBlocked('a')).toBe(false)
  })

  it('keeps working past the pruning threshold', () => {
    const { limiter, clock } = limiterWithClock(1, 1000)
    for (let i = 0; i < 10_000; i++) limiter.recordFailure(`old-${i}`)
    clock.now += 1000
    limiter.recordFailure('new-1')
    limiter.recordFailure('new-2')
    expect(limiter.isBlocked('old-0')).toBe(false)
    expect(limiter.isBlocked('new-1')).toBe(true)
    expect(limiter.isBlocked('new-2')).toBe(true)
  })
})
