/** The readable report on stdout: every figure, the ratios against the peers, the phone's loads, the budgets. */
import { fmt, log } from '../lib/log.ts'
import { type Budget, ratio } from './budgets.ts'
import type { Measured, PhoneRun, Results } from './results.ts'
import { trialsOf } from './trials.ts'

/** Right-aligned columns, two spaces apart; the first row is the header. */
function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? []
  return rows.map((r) => r.map((cell, c) => cell.padStart(widths[c] ?? 0)).join('  ')).join('\n')
}

const FIGURE_COLUMNS = [
  'scenario',
  'server',
  'clients',
  'groups',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'deliv/s',
  'srv CPU%',
  'gen CPU%',
  'other%',
  'steal%',
  'us/deliv',
  'RSS MB',
  'errors',
  'lost',
  'limit',
]

function figureRow(scenario: string, server: string, f: Measured): string[] {
  return [
    scenario,
    server,
    String(f.participants),
    String(f.groups),
    fmt(f.latencyMs.p50),
    fmt(f.latencyMs.p95),
    fmt(f.latencyMs.p99),
    String(f.deliveredPerSec),
    fmt(f.serverCpuPercent),
    fmt(f.generatorCpuPercent),
    fmt(f.otherCpuPercent),
    fmt(f.stealCpuPercent),
    fmt(f.serverCpuUsPerDelivery),
    String(f.serverRssMbPeak),
    String(f.errors),
    f.lostConfirmedEdits === null ? '-' : String(f.lostConfirmedEdits),
    f.limit,
  ]
}

/** Every scenario but the phone's, which has its own table. */
function printFigures(results: Results): void {
  const rows: string[][] = [FIGURE_COLUMNS]
  for (const r of results.scenarios.filter((s) => s.name !== 'phone')) {
    rows.push(figureRow(r.name, 'convene', r))
    for (const p of results.peersIn(r.name)) rows.push(figureRow(r.name, p.peer, p))
  }
  if (rows.length === 1) return
  log('\n=== Results (CPU in % of one core; this machine has 2; "limit" says what held the figure back)')
  log(table(rows))
}

function printRatios(results: Results): void {
  const rows: string[][] = [['scenario', 'ours vs', 'p99', 'deliv/s', 'us/deliv', 'RSS']]
  for (const r of results.scenarios)
    for (const p of results.peersIn(r.name))
      rows.push([
        r.name,
        p.peer,
        ratio(r.latencyMs.p99, p.latencyMs.p99),
        ratio(r.deliveredPerSec, p.deliveredPerSec),
        ratio(r.serverCpuUsPerDelivery, p.serverCpuUsPerDelivery),
        ratio(r.serverRssMbPeak, p.serverRssMbPeak),
      ])
  if (rows.length === 1) return
  log('\n=== Ratios, Convene / peer (below 1x is better for p99, us/deliv and RSS; above 1x for deliv/s)')
  log(table(rows))
}

/** With --repeat: every trial's p99 and delivered/s, in the order they ran. */
function printTrials(results: Results): void {
  const rows: string[][] = [
    ['scenario', 'server', 'p99 ms by trial', 'deliv/s by trial', 'us/deliv by trial'],
  ]
  const add = (scenario: string, server: string, m: Measured) => {
    if (!m.details?.trials) return
    const trials = trialsOf(m)
    rows.push([
      scenario,
      server,
      trials.map((t) => fmt(t.p99)).join(', '),
      trials.map((t) => String(t.deliveredPerSec)).join(', '),
      trials.map((t) => fmt(t.serverCpuUsPerDelivery)).join(', '),
    ])
  }
  for (const r of results.scenarios) {
    add(r.name, 'convene', r)
    for (const p of results.peersIn(r.name)) add(r.name, p.peer, p)
  }
  if (rows.length === 1) return
  log("\n=== Trials (--repeat; the figures above are each server's median trial)")
  log(table(rows))
}

function printPhone(results: Results): void {
  const runs = results.ours('phone')?.details?.runs as PhoneRun[] | undefined
  if (!runs?.length) return
  log('\n=== Phone (Chromium 360x740, 1.5 Mbit/s down, 750 kbit/s up, 300 ms round trip, no cache)')
  log(
    table([
      [
        'run',
        'join usable ms',
        'join JS KB',
        'join all KB',
        'editor shown ms',
        'group JS KB',
        'group all KB',
      ],
      ...runs.map((r, i) => [
        String(i + 1),
        fmt(r.joinUsableMs),
        fmt(r.joinJsKb),
        fmt(r.joinAllKb),
        fmt(r.editorShownMs),
        fmt(r.groupJsKb),
        fmt(r.groupAllKb),
      ]),
    ]),
  )
}

function printBudgets(checks: Budget[]): void {
  if (!checks.length) return
  log('\n=== Budgets (docs/PERFORMANCE.md)')
  log(
    table([
      ['scenario', 'budget', 'measured', 'result'],
      ...checks.map((c) => [c.scenario, c.budget, c.measured, c.ok === null ? '-' : c.ok ? 'ok' : 'MISSED']),
    ]),
  )
}

/** Prints the whole report. */
export function printReport(results: Results, checks: Budget[]): void {
  printFigures(results)
  printRatios(results)
  printTrials(results)
  printPhone(results)
  printBudgets(checks)
  const generatorBound = [...results.scenarios, ...results.peers].filter((r) => r.limit.includes('generator'))
  if (generatorBound.length)
    log(
      `\nNote: ${generatorBound.length} figure(s) were limited by the load generator or by it sharing the cores, not by the server (see "limit").`,
    )
}
