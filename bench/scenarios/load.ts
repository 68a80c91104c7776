/**
 * The load scenarios (hall, summit, ceiling): one server, many clients typing in their groups, one or more steps of
 * typing, Convene first and then each peer on the same plan.
 */
import {
  type ClientSpec,
  type LoadResult,
  now,
  round,
  type Schedule,
  type SeenResult,
  sleep,
  type TargetName,
  withTimeout,
} from '../lib/common.ts'
import { type ConveneSession, participantSpecs, setupSession } from '../lib/convene.ts'
import { confirmedBySender, verifyStored } from '../lib/durability.ts'
import { cpuFiguresOf, latencyOf, limitOf } from '../lib/figures.ts'
import { fmt, log } from '../lib/log.ts'
import { CpuSplit } from '../lib/proc.ts'
import { type ServerProcess, withServer } from '../lib/servers.ts'
import { Workers } from '../lib/workers.ts'
import type { Figures, Measured } from '../report/results.ts'
import { medianTrial } from '../report/trials.ts'
import type { BenchContext } from './context.ts'

/** How the hall types: about 3 updates per second for 5 s, then a 10 s pause (each client at its own phase). */
export const HALL_TYPING: Schedule = { kind: 'bursts', ratePerClient: 3, onMs: 5000, offMs: 10_000 }

/** p99 above which the ceiling stops raising the rate. */
const P99_CEILING_MS = 250
/** Typing before the first step, at its rate, not measured (JIT, buffers). */
const WARMUP_MS = 3000

interface LoadDef {
  name: string
  participants: number
  groupSize: number
  steps: Schedule[]
  stepMs: number
  settleMs: number
  /** Stop raising the rate once p99 passes this (ceiling). */
  stopAboveP99Ms?: number
}

interface StepFigures extends Figures {
  schedule: Schedule
}

interface LoadOutcome {
  participants: number
  groups: number
  steps: StepFigures[]
  lostConfirmedEdits: number | null
  connectErrors: number
  errorSamples: string[]
  serverRssMbPeak: number
}

/** hall: 200 participants in groups of 7 typing in bursts for 30 s. */
export function hall(ctx: BenchContext): Promise<void> {
  return loadScenario(
    ctx,
    {
      name: 'hall',
      participants: ctx.participants(ctx.quick ? 100 : 200),
      groupSize: 7,
      steps: [HALL_TYPING],
      stepMs: ctx.quick ? 10_000 : 30_000,
      settleMs: 1500,
    },
    (steps) => steps[0],
  )
}

/** summit (2,000 participants) or summit-1000: groups of 8, one update per second each, 20 s. */
export function summit(ctx: BenchContext, name: 'summit' | 'summit-1000'): Promise<void> {
  return loadScenario(
    ctx,
    {
      name,
      participants: ctx.participants(name === 'summit' ? 2000 : 1000),
      groupSize: 8,
      steps: [{ kind: 'steady', ratePerClient: 1 }],
      stepMs: 20_000,
      settleMs: 3000,
    },
    (steps) => steps[0],
  )
}

/** ceiling: 200 clients in groups of 8, the rate raised step by step until p99 passes 250 ms; the best step held. */
export function ceiling(ctx: BenchContext): Promise<void> {
  // Convene allows 60 document messages per second per connection (LIMITS.docMessagesPerSecond): stay under it.
  const rates = ctx.quick ? [2, 8, 16] : [1, 2, 4, 8, 12, 16, 24, 32, 48]
  return loadScenario(
    ctx,
    {
      name: 'ceiling',
      participants: ctx.participants(ctx.quick ? 100 : 200),
      groupSize: 8,
      steps: rates.map((ratePerClient) => ({ kind: 'steady', ratePerClient })),
      stepMs: ctx.quick ? 3000 : 5000,
      settleMs: 1500,
      stopAboveP99Ms: P99_CEILING_MS,
    },
    (steps) =>
      steps
        .filter((s) => s.latencyMs.p99 <= P99_CEILING_MS)
        .sort((a, b) => b.deliveredPerSec - a.deliveredPerSec)[0],
  )
}

/**
 * Runs one load definition on Convene and each peer, `ctx.repeat` times, and records the median trial of each.
 * Every other trial runs the servers in reverse order, so a drift in the machine's load falls on all of them alike.
 */
async function loadScenario(
  ctx: BenchContext,
  def: LoadDef,
  pick: (steps: StepFigures[]) => StepFigures | undefined,
): Promise<void> {
  log(`\n== ${def.name}: ${def.participants} participants, groups of ${def.groupSize}`)
  const targets = ['convene', ...ctx.peers] as TargetName[]
  const trials = new Map<TargetName, Measured[]>(targets.map((t) => [t, []]))
  for (let trial = 0; trial < ctx.repeat; trial++) {
    if (ctx.repeat > 1) log(`  trial ${trial + 1} of ${ctx.repeat}`)
    for (const target of trial % 2 === 0 ? targets : [...targets].reverse())
      trials.get(target)?.push(await measure(ctx, target, def, pick))
  }
  const key = def.stopAboveP99Ms === undefined ? 'p99' : 'deliveredPerSec'
  for (const [target, measured] of trials) ctx.results.add(target, def.name, medianTrial(measured, key))
}

/** One run of one server: the step `pick` chooses, or the failure. */
async function measure(
  ctx: BenchContext,
  target: TargetName,
  def: LoadDef,
  pick: (steps: StepFigures[]) => StepFigures | undefined,
): Promise<Measured> {
  try {
    const outcome = await runLoad(ctx, target, def)
    const best = pick(outcome.steps) ?? outcome.steps[0]
    if (!best) throw new Error('no step ran')
    return measuredOf(outcome, best)
  } catch (error) {
    log(`  ${target} failed: ${String(error)}`)
    return {
      participants: 0,
      groups: 0,
      latencyMs: { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN },
      deliveredPerSec: 0,
      serverCpuPercent: 0,
      generatorCpuPercent: 0,
      otherCpuPercent: 0,
      stealCpuPercent: 0,
      serverRssMbPeak: 0,
      errors: 1,
      lostConfirmedEdits: null,
      sentPerSec: 0,
      serverCpuUsPerDelivery: 0,
      limit: 'failed',
      details: { failure: String(error).slice(0, 500) },
    }
  }
}

/** The figures of the chosen step, with the run's RSS, errors and durability, and every step when there were several. */
function measuredOf(outcome: LoadOutcome, step: StepFigures): Measured {
  const steps =
    outcome.steps.length > 1
      ? {
          steps: outcome.steps.map((s) => ({
            ratePerClient: s.schedule.ratePerClient,
            p99: s.latencyMs.p99,
            deliveredPerSec: s.deliveredPerSec,
            serverCpuPercent: s.serverCpuPercent,
            generatorCpuPercent: s.generatorCpuPercent,
            limit: s.limit,
          })),
        }
      : {}
  return {
    participants: outcome.participants,
    groups: outcome.groups,
    latencyMs: step.latencyMs,
    deliveredPerSec: step.deliveredPerSec,
    serverCpuPercent: step.serverCpuPercent,
    generatorCpuPercent: step.generatorCpuPercent,
    otherCpuPercent: step.otherCpuPercent,
    stealCpuPercent: step.stealCpuPercent,
    serverRssMbPeak: outcome.serverRssMbPeak,
    errors: outcome.connectErrors + outcome.steps.reduce((n, s) => n + s.errors, 0),
    lostConfirmedEdits: outcome.lostConfirmedEdits,
    sentPerSec: step.sentPerSec,
    serverCpuUsPerDelivery: step.serverCpuUsPerDelivery,
    limit: step.limit,
    details: { ...steps, ...(outcome.errorSamples.length ? { errorSamples: outcome.errorSamples } : {}) },
  }
}

/** The clients of a run: Convene's join a session with a running round; the peers' are dealt into rooms. */
function clientSpecs(
  target: TargetName,
  def: LoadDef,
  server: ServerProcess,
  session: ConveneSession | null,
) {
  if (session) return participantSpecs(session, server.clientUrl)
  const groups = Math.max(1, Math.round(def.participants / def.groupSize))
  return Array.from(
    { length: def.participants },
    (_, i): ClientSpec => ({ id: i + 1, target, url: server.clientUrl, room: `bench-group-${i % groups}` }),
  )
}

/** One server through every step of a load definition, then (Convene, Hocuspocus-SQLite) killed and read back. */
function runLoad(ctx: BenchContext, target: TargetName, def: LoadDef): Promise<LoadOutcome> {
  const { cpuProfDir } = ctx
  return withServer(target, target, { cpuProfDir }, async ({ server, rss }) => {
    let workers: Workers | null = null
    let session: ConveneSession | null = null
    try {
      if (target === 'convene') session = await setupSession(server.baseUrl, def.participants, def.groupSize)
      workers = await Workers.start(ctx.workers, ctx.cpuProfDir, target)
      const w = workers
      const connected = await w.connect(clientSpecs(target, def, server, session))
      const { docOf } = connected
      await sleep(1000)

      const steps = await typeSteps(target, def, w, server, docOf.size)
      // Durability: note what everyone had applied, kill the server as a crash would, and read it back.
      // V8 writes a CPU profile only when the process exits: a profiled server is stopped, not killed and read back.
      let lostConfirmedEdits: number | null = null
      const stores = target === 'convene' || target === 'hocuspocus-sqlite'
      if (stores && cpuProfDir)
        log(`  ${target}: --cpu-prof, so no kill and read-back (lost edits not checked)`)
      else if (stores) {
        const seen = await w.all<SeenResult>(() => ({ type: 'seen' }))
        const confirmed = confirmedBySender(seen, docOf)
        await server.kill()
        await w.close()
        workers = null
        session?.facilitator.close()
        await server.restart()
        const docs = [...new Set(docOf.values())]
        lostConfirmedEdits = await verifyStored(target, server, docs, confirmed, session?.facilitatorToken)
      }
      return {
        participants: docOf.size,
        groups: new Set(docOf.values()).size,
        steps,
        lostConfirmedEdits,
        connectErrors: connected.errors,
        errorSamples: connected.errorSamples,
        serverRssMbPeak: round(rss.stop(), 1),
      }
    } finally {
      session?.facilitator.close()
      await workers?.close()
    }
  })
}

/** The warm-up, then each step of typing measured in turn (stopping early once p99 passes the definition's limit). */
async function typeSteps(
  target: TargetName,
  def: LoadDef,
  w: Workers,
  server: ServerProcess,
  clients: number,
): Promise<StepFigures[]> {
  const steps: StepFigures[] = []
  const cpu = new CpuSplit(
    () => [server.pid],
    () => w.pids(),
  )
  const warm = def.steps[0]
  if (warm) {
    await w.all<LoadResult>(() => ({
      type: 'load',
      load: { schedule: warm, startAt: now() + 200, durationMs: WARMUP_MS, settleMs: 500 },
    }))
  }
  for (const schedule of def.steps) {
    const startAt = now() + 300
    const loads = w.all<LoadResult>(() => ({
      type: 'load',
      load: { schedule, startAt, durationMs: def.stepMs, settleMs: def.settleMs },
    }))
    await sleep(Math.max(0, startAt - now()))
    cpu.start()
    await sleep(def.stepMs)
    const reading = cpu.read()
    const done = await withTimeout(loads, def.stepMs + def.settleMs + 60_000, `${target} load step`)
    const seconds = def.stepMs / 1000
    const delivered = done.reduce((n, d) => n + d.delivered, 0)
    const sent = done.reduce((n, d) => n + d.sent, 0)
    const deliveredPerSec = delivered / seconds
    const step: StepFigures = {
      schedule,
      latencyMs: latencyOf(done.map((d) => d.latencies)),
      deliveredPerSec: round(deliveredPerSec, 0),
      sentPerSec: round(sent / seconds, 0),
      ...cpuFiguresOf(reading),
      serverRssMbPeak: 0,
      errors: done.reduce((n, d) => n + d.errors, 0),
      lostConfirmedEdits: null,
      serverCpuUsPerDelivery:
        deliveredPerSec > 0 ? round(((reading.server / 100) * 1e6) / deliveredPerSec, 1) : 0,
      limit: limitOf(reading, sent / seconds, targetRate(schedule, clients)),
    }
    steps.push(step)
    log(
      `  ${target.padEnd(18)} ${describe(schedule).padEnd(22)} p99 ${fmt(step.latencyMs.p99)} ms, ` +
        `${step.deliveredPerSec} delivered/s, server ${step.serverCpuPercent}% gen ${step.generatorCpuPercent}% ` +
        `other ${step.otherCpuPercent}% steal ${step.stealCpuPercent}%` +
        (step.limit === 'none' ? '' : `, limit: ${step.limit}`),
    )
    if (def.stopAboveP99Ms !== undefined && !(step.latencyMs.p99 <= def.stopAboveP99Ms)) break
    if (def.steps.length > 1) await sleep(1000)
  }
  return steps
}

/** Edits per second the plan asks of all clients together (bursts count their duty cycle). */
function targetRate(schedule: Schedule, clients: number): number {
  const duty = schedule.kind === 'bursts' ? schedule.onMs / (schedule.onMs + schedule.offMs) : 1
  return schedule.ratePerClient * clients * duty
}

function describe(schedule: Schedule): string {
  return schedule.kind === 'steady'
    ? `${schedule.ratePerClient}/s each`
    : `${schedule.ratePerClient}/s bursts ${schedule.onMs / 1000}s/${schedule.offMs / 1000}s`
}
