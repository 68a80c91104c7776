/**
 * `npm run bench`: Convene's load harness. Starts each server as its own process, drives simulated participants
 * from worker processes through the real client stack, and compares Convene with the well-known Yjs servers in the
 * same run. See docs/PERFORMANCE.md for the scenarios, the budgets and the figures.
 *
 *   npm run bench                          every scenario, Convene and the four default peers (about 25 minutes)
 *   npm run bench -- --quick               a reduced hall and ceiling (about a minute)
 *   npm run bench -- --scenario=hall,summit --participants=500 --peers=y-websocket,ws-relay
 *   npm run bench -- --scenario=hall --peers=ws-relay,socketio-relay   the transport's own cost
 *   npm run bench -- --scenario=hall --peers=y-websocket,socketio-store   the least work the issue asks, on it
 *   npm run bench -- --scenario=summit-1000 --cpu-prof   CPU profiles of every server and generator, in
 *                                                       bench/results/profiles/{server,generator}/<server>/
 */
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { buildServer } from '../scripts/buildServer.mjs'
import { DEFAULT_PEERS, now, PEERS, type PeerName, round } from './lib/common.ts'
import { CORES } from './lib/figures.ts'
import { log } from './lib/log.ts'
import { children, ROOT } from './lib/servers.ts'
import { checkBudgets } from './report/budgets.ts'
import { writeResults } from './report/json.ts'
import { Results } from './report/results.ts'
import { printReport } from './report/table.ts'
import type { BenchContext } from './scenarios/context.ts'
import { joinStorm } from './scenarios/joinStorm.ts'
import { ceiling, hall, summit } from './scenarios/load.ts'
import { phone } from './scenarios/phone.ts'
import { restartStorm } from './scenarios/restartStorm.ts'

const SCENARIOS = [
  'hall',
  'summit-1000',
  'summit',
  'join-storm',
  'restart-storm',
  'ceiling',
  'phone',
] as const
type ScenarioName = (typeof SCENARIOS)[number]
const ALIASES: Record<string, ScenarioName> = { join: 'join-storm', restart: 'restart-storm' }

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scenario: { type: 'string' },
    participants: { type: 'string' },
    peers: { type: 'string' },
    workers: { type: 'string', default: '2' },
    repeat: { type: 'string', default: '1' },
    'cpu-prof': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results/latest.json' },
  },
})

const quick = args.quick === true
const selected: ScenarioName[] = args.scenario
  ? args.scenario.split(',').map((s) => {
      const name = ALIASES[s.trim()] ?? s.trim()
      if (!(SCENARIOS as readonly string[]).includes(name)) throw new Error(`unknown scenario ${s}`)
      return name as ScenarioName
    })
  : quick
    ? ['hall', 'ceiling']
    : [...SCENARIOS]
const peers: PeerName[] =
  args.peers === 'none'
    ? []
    : args.peers
      ? args.peers.split(',').map((p) => {
          if (!(PEERS as readonly string[]).includes(p)) throw new Error(`unknown peer ${p}`)
          return p as PeerName
        })
      : quick
        ? ['y-websocket', 'ws-relay']
        : [...DEFAULT_PEERS]
const participantsOverride = args.participants ? Number(args.participants) : null
const outFile = resolve(ROOT, args.out as string)

const ctx: BenchContext = {
  results: new Results(),
  workers: Math.max(1, Number(args.workers)),
  repeat: Math.max(1, Math.floor(Number(args.repeat)) || 1),
  peers,
  quick,
  cpuProfDir: args['cpu-prof'] ? join(ROOT, 'bench/results/profiles') : undefined,
  participants: (full) => participantsOverride ?? full,
}

const RUN: Record<ScenarioName, (ctx: BenchContext) => Promise<void>> = {
  hall,
  'summit-1000': (c) => summit(c, 'summit-1000'),
  summit: (c) => summit(c, 'summit'),
  'join-storm': (c) => joinStorm(c),
  'restart-storm': (c) => restartStorm(c),
  ceiling,
  phone,
}

/** Writes latest.json with what has been measured so far. */
function save(startedAt: number): void {
  writeResults(
    outFile,
    {
      durationSeconds: round((now() - startedAt) / 1000, 0),
      machine: { cores: CORES, node: process.version, workers: ctx.workers },
      options: { quick, scenarios: selected, peers, participants: participantsOverride, repeat: ctx.repeat },
    },
    ctx.results,
    checkBudgets(ctx.results),
  )
}

function stopChildren() {
  for (const child of children) child.kill('SIGKILL')
}
process.on('exit', stopChildren)
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    stopChildren()
    process.exit(130)
  })

async function main() {
  const startedAt = now()
  // Convene runs as `npm start` runs it: the bundled server on plain Node.
  await buildServer()
  for (const scenario of selected) {
    await RUN[scenario](ctx)
    save(startedAt)
  }
  printReport(ctx.results, checkBudgets(ctx.results))
  log(`\nwrote ${args.out}`)
}

const overall = setTimeout(() => {
  log('benchmark took over 90 minutes: stopping')
  stopChildren()
  process.exit(1)
}, 90 * 60_000)
overall.unref()

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    process.exit(1)
  },
)
