import { describe, expect, it } from 'vitest'
import { checkBudgets } from '../../bench/report/budgets.ts'
import { type Measured, Results } from '../../bench/report/results.ts'
import { medianTrial, pairsMet, trialsOf } from '../../bench/report/trials.ts'

function run(p99: number, deliveredPerSec: number, extra: Partial<Measured> = {}): Measured {
  return {
    participants: 200,
    groups: 29,
    latencyMs: { p50: p99 / 4, p95: p99 / 2, p99 },
    deliveredPerSec,
    serverCpuPercent: 20,
    generatorCpuPercent: 30,
    otherCpuPercent: 1,
    stealCpuPercent: 0,
    serverRssMbPeak: 150,
    errors: 0,
    lostConfirmedEdits: 0,
    sentPerSec: 200,
    serverCpuUsPerDelivery: 80,
    limit: 'none',
    ...extra,
  }
}

describe('repeated benchmark trials', () => {
  it('returns a single trial as it is', () => {
    const only = run(6, 1200)
    expect(medianTrial([only], 'p99')).toBe(only)
  })

  it('reports the median trial by p99, with every trial beside it', () => {
    const median = medianTrial([run(9, 1200), run(5, 1210), run(6, 1190)], 'p99')
    expect(median.latencyMs.p99).toBe(6)
    expect(median.deliveredPerSec).toBe(1190)
    expect(trialsOf(median).map((t) => t.p99)).toEqual([9, 5, 6])
  })

  it('takes the worse of the middle two when the count is even', () => {
    expect(medianTrial([run(5, 1), run(8, 1), run(6, 1), run(7, 1)], 'p99').latencyMs.p99).toBe(7)
    expect(
      medianTrial([run(1, 100), run(1, 400), run(1, 200), run(1, 300)], 'deliveredPerSec').deliveredPerSec,
    ).toBe(200)
  })

  it('counts a failed trial as the worst', () => {
    const failed = run(Number.NaN, 0, { errors: 1, limit: 'failed' })
    expect(medianTrial([run(5, 1), failed, run(6, 1)], 'p99').latencyMs.p99).toBe(6)
    expect(medianTrial([run(1, 500), failed, run(1, 600)], 'deliveredPerSec').deliveredPerSec).toBe(500)
  })

  it('keeps the highest memory, every error and every lost edit of all trials', () => {
    const median = medianTrial(
      [run(5, 1, { serverRssMbPeak: 300, errors: 2 }), run(6, 1, { lostConfirmedEdits: 1 }), run(7, 1)],
      'p99',
    )
    expect(median.serverRssMbPeak).toBe(300)
    expect(median.errors).toBe(2)
    expect(median.lostConfirmedEdits).toBe(1)
    expect(
      medianTrial([run(5, 1), run(6, 1, { lostConfirmedEdits: null })], 'p99').lostConfirmedEdits,
    ).toBeNull()
  })

  it('counts the paired trials that met a budget', () => {
    const ours = medianTrial([run(6, 1), run(9, 1), run(5, 1)], 'p99')
    const theirs = medianTrial([run(5, 1), run(6, 1), run(5, 1)], 'p99')
    expect(pairsMet(ours, theirs, (o, t) => o.p99 <= 1.25 * t.p99)).toBe('; met in 2 of 3 trials')
    expect(pairsMet(run(6, 1), run(5, 1), (o, t) => o.p99 <= t.p99)).toBe('')
  })

  it('compares p99s only when Convene delivered nearly as many updates a second as the peer', () => {
    const summit = (ours: Measured) => {
      const results = new Results()
      results.add('convene', 'summit', ours)
      results.add('y-websocket', 'summit', run(3400, 13_716))
      return checkBudgets(results).find((b) => b.budget === 'p99 <= 1.25x y-websocket')
    }
    // Saturated: a lower p99, but over a quarter fewer updates delivered, the slowest of them left out.
    expect(summit(run(2960, 10_523))).toMatchObject({
      ok: false,
      measured: "2960 vs 3400 ms (0.87x); delivered only 77% of the peer's updates/s",
    })
    expect(summit(run(2960, 13_500))).toMatchObject({ ok: true, measured: '2960 vs 3400 ms (0.87x)' })
  })

  it('asks whether Convene kept up of the trials run side by side, not of the two median trials', () => {
    const summit = (ours: Measured[], theirs: Measured[]) => {
      const results = new Results()
      results.add('convene', 'summit', medianTrial(ours, 'p99'))
      results.add('y-websocket', 'summit', medianTrial(theirs, 'p99'))
      return checkBudgets(results).find((b) => b.budget === 'p99 <= 1.25x y-websocket')
    }
    // Our median trial ran in the round that was slow for both; theirs in a faster one. Side by side, we kept up.
    expect(
      summit(
        [run(2109, 12_041), run(2465, 13_430), run(1916, 13_100)],
        [run(3891, 12_290), run(3615, 13_538), run(3497, 13_400)],
      ),
    ).toMatchObject({ ok: true, measured: '2109 vs 3615 ms (0.58x); met in 3 of 3 trials' })
    // Both median trials delivered alike, but in two rounds of three we fell far behind the peer.
    expect(
      summit(
        [run(100, 10_000), run(200, 9_000), run(150, 13_000)],
        [run(120, 13_000), run(300, 13_000), run(200, 13_000)],
      ),
    ).toMatchObject({
      ok: false,
      measured: "150 vs 200 ms (0.75x); delivered only 77% of the peer's updates/s; met in 1 of 3 trials",
    })
  })
})
