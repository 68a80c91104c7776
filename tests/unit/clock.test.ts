import { describe, expect, it } from 'vitest'
import {
  estimateOffset,
  formatCountdown,
  serverRemainingMs,
  TWO_MINUTE_WARNING_MS,
} from '../../shared/clock.ts'

describe('clock offset', () => {
  it('takes the server reading to be from the midpoint of the round trip', () => {
    // Phone is 5 s behind the server; the request took 200 ms each way.
    expect(estimateOffset(1_000, 6_200, 1_400)).toBe(5_000)
    // Phone is 3 s ahead of the server.
    expect(estimateOffset(10_000, 7_050, 10_100)).toBe(-3_000)
    expect(estimateOffset(500, 500, 500)).toBe(0)
  })

  it('gives the same remaining time on devices with different clocks', () => {
    const serverNow = 1_700_000_000_000
    const endsAt = serverNow + 90_000
    const behind = serverNow - 42_000
    const ahead = serverNow + 7_000
    expect(serverRemainingMs(endsAt, behind, estimateOffset(behind - 50, serverNow, behind + 50))).toBe(
      90_000,
    )
    expect(serverRemainingMs(endsAt, ahead, estimateOffset(ahead - 50, serverNow, ahead + 50))).toBe(90_000)
    expect(serverRemainingMs(endsAt, ahead, 0)).toBe(83_000)
  })

  it('never counts below zero', () => {
    expect(serverRemainingMs(1_000, 5_000, 0)).toBe(0)
    expect(serverRemainingMs(1_000, 1_000, 0)).toBe(0)
    expect(serverRemainingMs(1_000, 500, 600)).toBe(0)
  })
})

describe('formatCountdown', () => {
  it.each([
    [0, '0:00'],
    [1, '0:01'],
    [999, '0:01'],
    [1_000, '0:01'],
    [1_001, '0:02'],
    [59_999, '1:00'],
    [60_000, '1:00'],
    [TWO_MINUTE_WARNING_MS, '2:00'],
    [599_001, '10:00'],
    [3_599_999, '1:00:00'],
    [3_600_000, '1:00:00'],
    [3_600_001, '1:00:01'],
    [7_265_000, '2:01:05'],
    [-5_000, '0:00'],
    [Number.NaN, '0:00'],
  ])('%d ms shows %s', (ms, shown) => {
    expect(formatCountdown(ms)).toBe(shown)
  })

  it('shows 0:00 only at zero', () => {
    for (let ms = 1; ms < 5_000; ms += 7) expect(formatCountdown(ms)).not.toBe('0:00')
  })
})
