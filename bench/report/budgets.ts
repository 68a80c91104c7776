/** The budgets of issue 7 (docs/PERFORMANCE.md), checked against what this run measured. */
import { round } from '../lib/common.ts'
import type { Measured, Results } from './results.ts'
import {
  figuresOf,
  metIn,
  pairedMedian,
  pairsMet,
  type TrialFigures,
  type TrialKey,
  trialsOf,
} from './trials.ts'

/** One budget: what it asks, what was measured, and whether it held (null: could not be judged). */
export interface Budget {
  scenario: string
  budget: string
  measured: string
  ok: boolean | null
}

/** Join page usable on a throttled phone (see bench/scenarios/phone.ts). */
export const JOIN_USABLE_BUDGET_MS = 3000

/** `a / b` as `1.23x`, or `-` when either is not a number. */
export function ratio(a: number, b: number): string {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${round(a / b, 2)}x` : '-'
}

/** `ours vs theirs unit (ratio)`. */
function versus(ours: number, theirs: number, unit: string): string {
  return `${ours} vs ${theirs}${unit} (${ratio(ours, theirs)})`
}

/** A budget against a peer: `holds` is judged on the reported (median) figures and on each pair of trials. */
interface PeerBudget {
  budget: string
  figure: TrialKey
  holds: (ours: number, theirs: number) => boolean
}

/**
 * A p99 counts only the updates delivered before the step's settle time ends. A server that falls behind a saturated
 * machine's load leaves its slowest updates out, so its p99 is compared only when it delivered nearly as many
 * updates a second as the peer (this share of them).
 */
const DELIVERED_FOR_P99 = 0.95

/** Our trial's delivered updates a second as a share of the peer's (a peer's failed trial asks nothing of ours). */
const deliveredShare = (ours: TrialFigures, theirs: TrialFigures): number =>
  theirs.deliveredPerSec > 0 ? ours.deliveredPerSec / theirs.deliveredPerSec : Number.POSITIVE_INFINITY

/** Whether our trial delivered enough, against the peer's trial, for its p99 to be compared. */
const keptUp = (ours: TrialFigures, theirs: TrialFigures): boolean =>
  deliveredShare(ours, theirs) >= DELIVERED_FOR_P99

const P99_WITHIN_125: Omit<PeerBudget, 'budget'> = { figure: 'p99', holds: (o, t) => o <= 1.25 * t }

/** Every budget whose scenario ran. */
export function checkBudgets(results: Results): Budget[] {
  const out: Budget[] = []
  const check = (scenario: string, budget: string, measured: string, ok: boolean | null) =>
    out.push({ scenario, budget, measured, ok })
  const againstPeer = (scenario: string, ours: Measured, theirs: Measured | undefined, b: PeerBudget) => {
    if (!theirs) return
    const latency = b.figure === 'p99'
    // Every p99 budget also asks that Convene kept up (see DELIVERED_FOR_P99).
    const holds = (x: TrialFigures, y: TrialFigures) =>
      b.holds(x[b.figure], y[b.figure]) && (!latency || keptUp(x, y))
    const [o, t] = [figuresOf(ours), figuresOf(theirs)]
    // Each server's median trial is picked by its own p99, often from different rounds: whether Convene kept up is
    // asked of trials run side by side, where a slow moment of the machine slowed both (see pairedMedian).
    const share = latency ? pairedMedian(ours, theirs, deliveredShare) : 1
    const behind =
      share < DELIVERED_FOR_P99 ? `; delivered only ${Math.round(share * 100)}% of the peer's updates/s` : ''
    check(
      scenario,
      b.budget,
      versus(o[b.figure], t[b.figure], latency ? ' ms' : '/s') + behind + pairsMet(ours, theirs, holds),
      b.holds(o[b.figure], t[b.figure]) && share >= DELIVERED_FOR_P99,
    )
  }
  const hall = results.ours('hall')
  if (hall) {
    const trials = trialsOf(hall)
    const under = metIn(trials.filter((t) => t.p99 < 5).length, trials.length)
    check('hall', 'p99 < 5 ms', `${hall.latencyMs.p99} ms${under}`, hall.latencyMs.p99 < 5)
    againstPeer('hall', hall, results.peer('hall', 'y-websocket'), {
      budget: 'p99 <= 1.25x y-websocket',
      ...P99_WITHIN_125,
    })
  }
  for (const [name, rssMax] of [
    ['summit-1000', 250],
    ['summit', 400],
  ] as const) {
    const s = results.ours(name)
    if (!s) continue
    againstPeer(name, s, results.peer(name, 'y-websocket'), {
      budget: 'p99 <= 1.25x y-websocket',
      ...P99_WITHIN_125,
    })
    againstPeer(name, s, results.peer(name, 'hocuspocus-sqlite'), {
      budget: 'p99 < 0.5x hocuspocus-sqlite',
      figure: 'p99',
      holds: (o, t) => o < 0.5 * t,
    })
    check(name, `RSS < ${rssMax} MB`, `${s.serverRssMbPeak} MB`, s.serverRssMbPeak < rssMax)
    check(name, 'no errors', `${s.errors}`, s.errors === 0)
  }
  const join = results.ours('join-storm')
  if (join) check('join-storm', 'p95 < 1500 ms', `${join.latencyMs.p95} ms`, join.latencyMs.p95 < 1500)
  const restart = results.ours('restart-storm')
  if (restart) {
    const ms = Number(restart.details?.everyoneResyncedMs)
    check('restart-storm', 'every client resynced < 15 s', `${ms} ms`, ms < 15_000)
    check(
      'restart-storm',
      '0 confirmed edits lost',
      `${restart.lostConfirmedEdits}`,
      restart.lostConfirmedEdits === 0,
    )
  }
  const ceiling = results.ours('ceiling')
  if (ceiling) {
    againstPeer('ceiling', ceiling, results.peer('ceiling', 'ws-relay'), {
      budget: '>= 60% of ws-relay',
      figure: 'deliveredPerSec',
      holds: (o, t) => o >= 0.6 * t,
    })
    againstPeer('ceiling', ceiling, results.peer('ceiling', 'y-websocket'), {
      budget: '>= y-websocket',
      figure: 'deliveredPerSec',
      holds: (o, t) => o >= t,
    })
  }
  const phone = results.ours('phone')
  if (phone) {
    const ms = Number(phone.details?.joinUsableMsMax)
    check(
      'phone',
      `join page usable <= ${JOIN_USABLE_BUDGET_MS} ms`,
      `${ms} ms (slowest run)`,
      ms <= JOIN_USABLE_BUDGET_MS,
    )
  }
  return out
}
