/** The budgets of issue 7 (docs/PERFORMANCE.md), checked against what this run measured. */
import { round } from '../lib/common.ts'
import type { Results } from './results.ts'

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

/** Every budget whose scenario ran. */
export function checkBudgets(results: Results): Budget[] {
  const out: Budget[] = []
  const check = (scenario: string, budget: string, measured: string, ok: boolean | null) =>
    out.push({ scenario, budget, measured, ok })
  const hall = results.ours('hall')
  if (hall) {
    check('hall', 'p99 < 5 ms', `${hall.latencyMs.p99} ms`, hall.latencyMs.p99 < 5)
    const y = results.peer('hall', 'y-websocket')
    if (y)
      check(
        'hall',
        'p99 <= 1.25x y-websocket',
        versus(hall.latencyMs.p99, y.latencyMs.p99, ' ms'),
        hall.latencyMs.p99 <= 1.25 * y.latencyMs.p99,
      )
  }
  for (const [name, rssMax] of [
    ['summit-1000', 250],
    ['summit', 400],
  ] as const) {
    const s = results.ours(name)
    if (!s) continue
    const y = results.peer(name, 'y-websocket')
    const hs = results.peer(name, 'hocuspocus-sqlite')
    if (y)
      check(
        name,
        'p99 <= 1.25x y-websocket',
        versus(s.latencyMs.p99, y.latencyMs.p99, ' ms'),
        s.latencyMs.p99 <= 1.25 * y.latencyMs.p99,
      )
    if (hs)
      check(
        name,
        'p99 < 0.5x hocuspocus-sqlite',
        versus(s.latencyMs.p99, hs.latencyMs.p99, ' ms'),
        s.latencyMs.p99 < 0.5 * hs.latencyMs.p99,
      )
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
    const relay = results.peer('ceiling', 'ws-relay')
    const y = results.peer('ceiling', 'y-websocket')
    if (relay)
      check(
        'ceiling',
        '>= 60% of ws-relay',
        versus(ceiling.deliveredPerSec, relay.deliveredPerSec, '/s'),
        ceiling.deliveredPerSec >= 0.6 * relay.deliveredPerSec,
      )
    if (y)
      check(
        'ceiling',
        '>= y-websocket',
        versus(ceiling.deliveredPerSec, y.deliveredPerSec, '/s'),
        ceiling.deliveredPerSec >= y.deliveredPerSec,
      )
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
