/**
 * Repeated trials of a load scenario (`--repeat=N`): one figure per server is reported, the median trial, with
 * every trial kept beside it. On this 2-core machine the swing between two runs of the same server is larger than
 * some budgets' margins, so a single run can meet a ratio and the next miss it; the median of interleaved trials,
 * with the count of trials that met it, says which way it really goes.
 */
import type { Measured } from './results.ts'

/** What is kept of each trial in `details.trials`. */
export interface TrialFigures {
  p50: number
  p95: number
  p99: number
  deliveredPerSec: number
  serverCpuPercent: number
  generatorCpuPercent: number
  otherCpuPercent: number
  stealCpuPercent: number
  serverCpuUsPerDelivery: number
  serverRssMbPeak: number
  limit: string
}

/** Which figure decides the median trial: p99 for latency scenarios, delivered per second for the ceiling. */
export type TrialKey = 'p99' | 'deliveredPerSec'

/** The figures of one result, as a trial is kept. */
export function figuresOf(m: Measured): TrialFigures {
  return {
    ...m.latencyMs,
    deliveredPerSec: m.deliveredPerSec,
    serverCpuPercent: m.serverCpuPercent,
    generatorCpuPercent: m.generatorCpuPercent,
    otherCpuPercent: m.otherCpuPercent,
    stealCpuPercent: m.stealCpuPercent,
    serverCpuUsPerDelivery: m.serverCpuUsPerDelivery,
    serverRssMbPeak: m.serverRssMbPeak,
    limit: m.limit,
  }
}

/** Worst first: a failed trial (no figure) sorts as the worst. */
function worstFirst(key: TrialKey): (a: Measured, b: Measured) => number {
  const value = (m: Measured) => (key === 'p99' ? m.latencyMs.p99 : m.deliveredPerSec)
  const worst = key === 'p99' ? Number.POSITIVE_INFINITY : 0
  const sign = key === 'p99' ? -1 : 1
  return (a, b) =>
    sign * ((Number.isFinite(value(a)) ? value(a) : worst) - (Number.isFinite(value(b)) ? value(b) : worst))
}

/**
 * The median trial's figures (with an even count, the worse of the middle two), the highest RSS of any trial, the
 * errors and lost edits of all of them, and every trial in `details.trials`. One trial is returned as it is.
 */
export function medianTrial(trials: readonly Measured[], key: TrialKey): Measured {
  if (trials.length <= 1) {
    const [only] = trials
    if (!only) throw new Error('no trial ran')
    return only
  }
  const median = [...trials].sort(worstFirst(key))[Math.floor((trials.length - 1) / 2)] as Measured
  const lost = trials.map((t) => t.lostConfirmedEdits)
  return {
    ...median,
    serverRssMbPeak: Math.max(...trials.map((t) => t.serverRssMbPeak)),
    errors: trials.reduce((n, t) => n + t.errors, 0),
    lostConfirmedEdits: lost.some((l) => l === null) ? null : lost.reduce((n: number, l) => n + (l ?? 0), 0),
    details: { ...median.details, trials: trials.map(figuresOf) },
  }
}

/** The trials recorded with a result, or the result itself as its one trial. */
export function trialsOf(m: Measured): TrialFigures[] {
  const trials = m.details?.trials as TrialFigures[] | undefined
  return trials ?? [figuresOf(m)]
}

/** Our trials paired with the peer's of the same round, run next to each other. */
function pairs(ours: Measured, theirs: Measured): [TrialFigures, TrialFigures][] {
  const b = trialsOf(theirs)
  return trialsOf(ours)
    .slice(0, b.length)
    .map((trial, i) => [trial, b[i] as TrialFigures])
}

/** How many paired trials met a budget, as `k of n trials`; empty when there was one trial. */
export function pairsMet(
  ours: Measured,
  theirs: Measured,
  holds: (ours: TrialFigures, theirs: TrialFigures) => boolean,
): string {
  const paired = pairs(ours, theirs)
  return metIn(paired.filter(([o, t]) => holds(o, t)).length, paired.length)
}

/**
 * The median over paired trials of a figure comparing ours with the peer's (with an even count, the lower of the
 * middle two). The trials of a round run next to each other, so the machine's swings between rounds cancel out.
 */
export function pairedMedian(
  ours: Measured,
  theirs: Measured,
  compare: (ours: TrialFigures, theirs: TrialFigures) => number,
): number {
  const values = pairs(ours, theirs)
    .map(([o, t]) => compare(o, t))
    .sort((x, y) => x - y)
  return values[Math.floor((values.length - 1) / 2)] as number
}

/** `; met in k of n trials`, or empty for a single trial. */
export function metIn(met: number, trials: number): string {
  return trials > 1 ? `; met in ${met} of ${trials} trials` : ''
}
