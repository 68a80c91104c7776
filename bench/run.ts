/**
 * `npm run bench`: Convene's load harness. Starts each server as its own process, drives simulated participants
 * from worker processes through the real client stack, and compares Convene with the well-known Yjs servers in the
 * same run. See docs/PERFORMANCE.md for the scenarios, the budgets and the figures.
 *
 *   npm run bench                          every scenario, Convene and all peers (about 25 minutes)
 *   npm run bench -- --quick               a reduced hall and ceiling (about a minute)
 *   npm run bench -- --scenario=hall,summit --participants=500 --peers=y-websocket,ws-relay
 *   npm run bench -- --scenario=summit-1000 --cpu-prof   writes the server's CPU profile to bench/results/profiles
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { BenchClient, type DeliverySink } from './lib/clients.ts'
import {
  type ClientSpec,
  type ConnectResult,
  type JoinStormResult,
  type LoadResult,
  now,
  PEERS,
  type PeerName,
  percentile,
  pool,
  round,
  type Schedule,
  type SeenResult,
  sleep,
  type TargetName,
  withTimeout,
} from './lib/common.ts'
import { type ConveneSession, connectSocket, setupSession } from './lib/convene.ts'
import { CpuMeter, MachineCpuMeter, RssPeak } from './lib/proc.ts'
import { children, freePort, ROOT, ServerProcess } from './lib/servers.ts'
import { Workers } from './lib/workers.ts'

// ---------------------------------------------------------------------------------------------------------------
// Options

const SCENARIOS = ['hall', 'summit-1000', 'summit', 'join-storm', 'restart-storm', 'ceiling'] as const
type ScenarioName = (typeof SCENARIOS)[number]

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scenario: { type: 'string' },
    participants: { type: 'string' },
    peers: { type: 'string' },
    workers: { type: 'string', default: '2' },
    'cpu-prof': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results/latest.json' },
  },
})

const QUICK = args.quick === true
const selected: ScenarioName[] = args.scenario
  ? args.scenario.split(',').map((s) => {
      const name = s.trim() === 'join' ? 'join-storm' : s.trim() === 'restart' ? 'restart-storm' : s.trim()
      if (!(SCENARIOS as readonly string[]).includes(name)) throw new Error(`unknown scenario ${s}`)
      return name as ScenarioName
    })
  : QUICK
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
      : QUICK
        ? ['y-websocket', 'ws-relay']
        : [...PEERS]
const participantsOverride = args.participants ? Number(args.participants) : null
const WORKERS = Math.max(1, Number(args.workers))
const CORES = 2
const CPU_PROF_DIR = args['cpu-prof'] ? join(ROOT, 'bench/results/profiles') : undefined
const P99_CEILING_MS = 250
const WARMUP_MS = 3000

// ---------------------------------------------------------------------------------------------------------------
// Results

interface Figures {
  latencyMs: { p50: number; p95: number; p99: number }
  deliveredPerSec: number
  serverCpuPercent: number
  generatorCpuPercent: number
  /** CPU used meanwhile by processes outside the benchmark (other work on the machine), in % of one core. */
  otherCpuPercent: number
  serverRssMbPeak: number
  errors: number
  /** Edits every other member had applied (so the server had stored them) and that the server lost; null: it keeps nothing. */
  lostConfirmedEdits: number | null
  sentPerSec: number
  serverCpuUsPerDelivery: number
  /** What limited this measurement: none, server, generator or machine (both cores busy). */
  limit: string
}

interface ScenarioResult extends Figures {
  name: string
  participants: number
  groups: number
  details?: Record<string, unknown>
  notes: string[]
}

interface PeerResult extends Figures {
  peer: PeerName
  scenario: string
  participants: number
  groups: number
  details?: Record<string, unknown>
}

const results: ScenarioResult[] = []
const peerResults: PeerResult[] = []

// ---------------------------------------------------------------------------------------------------------------
// Load scenarios (hall, summit, ceiling): one server, many clients, one or more steps of typing

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

function groupCount(people: number, groupSize: number): number {
  return Math.max(1, Math.round(people / groupSize))
}

function splitAmong<T>(items: T[], parts: number): T[][] {
  const out: T[][] = Array.from({ length: parts }, () => [])
  items.forEach((item, i) => {
    out[i % parts]?.push(item)
  })
  return out
}

function latencyOf(all: Float64Array[]): Figures['latencyMs'] {
  const total = all.reduce((n, a) => n + a.length, 0)
  const merged = new Float64Array(total)
  let offset = 0
  for (const a of all) {
    merged.set(a, offset)
    offset += a.length
  }
  merged.sort()
  return {
    p50: round(percentile(merged, 50)),
    p95: round(percentile(merged, 95)),
    p99: round(percentile(merged, 99)),
  }
}

function limitOf(
  serverCpu: number,
  generatorCpu: number,
  sentPerSec: number,
  targetPerSec: number,
  otherCpu = 0,
): string {
  if (serverCpu >= 90) return 'server'
  if (serverCpu + generatorCpu + otherCpu >= 0.9 * CORES * 100) {
    if (otherCpu > Math.max(serverCpu, generatorCpu)) return 'machine (other processes)'
    return generatorCpu > serverCpu ? 'machine (generator uses more CPU)' : 'machine'
  }
  if (sentPerSec < 0.9 * targetPerSec) return 'generator'
  return 'none'
}

function targetRate(schedule: Schedule, clients: number): number {
  const duty = schedule.kind === 'bursts' ? schedule.onMs / (schedule.onMs + schedule.offMs) : 1
  return schedule.ratePerClient * clients * duty
}

/**
 * Confirmed edits, sender → highest seq: applied by every other member of the group (the server stores before it
 * broadcasts), or covered by a 'doc:stored' notice the sender received.
 */
function confirmedBySender(seen: SeenResult[], docOf: Map<number, string>): Map<number, number> {
  const members = new Map<string, number[]>()
  for (const [id, doc] of docOf) members.set(doc, [...(members.get(doc) ?? []), id])
  const lastSeen = new Map<string, number>()
  for (const s of seen) for (const [r, sender, seq] of s.seen) lastSeen.set(`${r}:${sender}`, seq)
  const confirmed = new Map<number, number>()
  for (const ids of members.values()) {
    if (ids.length < 2) continue
    for (const sender of ids) {
      let min = Number.POSITIVE_INFINITY
      for (const r of ids) if (r !== sender) min = Math.min(min, lastSeen.get(`${r}:${sender}`) ?? 0)
      if (min > 0) confirmed.set(sender, min)
    }
  }
  // The server's own word ('doc:stored') confirms too.
  for (const s of seen)
    for (const [id, seq] of s.stored) if (seq > (confirmed.get(id) ?? 0)) confirmed.set(id, seq)
  return confirmed
}

/** Edits sent that some other member of the group never applied. */
function unconverged(seen: SeenResult[], docOf: Map<number, string>): number {
  const sent = new Map<number, number>()
  const lastSeen = new Map<string, number>()
  for (const s of seen) {
    for (const [id, seq] of s.sent) sent.set(id, seq)
    for (const [r, sender, seq] of s.seen) lastSeen.set(`${r}:${sender}`, seq)
  }
  const members = new Map<string, number[]>()
  for (const [id, doc] of docOf) members.set(doc, [...(members.get(doc) ?? []), id])
  let missing = 0
  for (const ids of members.values())
    for (const sender of ids)
      for (const r of ids)
        if (r !== sender)
          missing += Math.max(0, (sent.get(sender) ?? 0) - (lastSeen.get(`${r}:${sender}`) ?? 0))
  return missing
}

const quietSink: DeliverySink = { deliver() {}, error() {} }

/**
 * Opens every group document fresh from a server and counts confirmed edits it no longer has. Convene is read with
 * the facilitator's token over the tunnel; Hocuspocus with its provider.
 */
async function verifyStored(
  target: TargetName,
  server: ServerProcess,
  docs: string[],
  confirmed: Map<number, number>,
  facilitatorToken?: string,
): Promise<number> {
  const stored = new Map<number, number>()
  await pool(docs, 8, async (doc) => {
    const client = new BenchClient(
      { id: 0, target, url: server.clientUrl, room: doc, token: facilitatorToken },
      quietSink,
    )
    const socket =
      target === 'convene' ? await connectSocket(server.baseUrl, facilitatorToken as string) : null
    try {
      if (socket) await client.openConveneDoc(doc, 20_000, socket)
      else await client.open(20_000)
      for (const [key, [seq]] of client.marks) stored.set(Number(key), seq)
    } finally {
      client.destroy()
      socket?.close()
    }
  })
  let lost = 0
  for (const [sender, seq] of confirmed) lost += Math.max(0, seq - (stored.get(sender) ?? 0))
  return lost
}

async function runLoad(target: TargetName, def: LoadDef): Promise<LoadOutcome> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), `convene-bench-${target}-`))
  const server = await ServerProcess.start(target, {
    port,
    dataDir,
    cpuProfDir: target === 'convene' ? CPU_PROF_DIR : undefined,
  })
  const rss = new RssPeak(() => server.pid)
  rss.start()
  let workers: Workers | null = null
  let session: ConveneSession | null = null
  try {
    let specs: ClientSpec[]
    if (target === 'convene') {
      session = await setupSession(server.baseUrl, def.participants, def.groupSize)
      const s = session
      specs = s.participantTokens.map((token, i) => ({ id: i + 1, target, url: server.clientUrl, token }))
    } else {
      const groups = groupCount(def.participants, def.groupSize)
      specs = Array.from({ length: def.participants }, (_, i) => ({
        id: i + 1,
        target,
        url: server.clientUrl,
        room: `bench-group-${i % groups}`,
      }))
    }
    workers = Workers.start(WORKERS)
    const w = workers
    const parts = splitAmong(specs, w.count)
    const connected = await withTimeout(
      w.all<ConnectResult>((i) => ({
        type: 'connect',
        clients: parts[i] ?? [],
        concurrency: 20,
        timeoutMs: 30_000,
      })),
      300_000,
      `${target} connecting ${def.participants} clients`,
    )
    const docOf = new Map<number, string>()
    for (const c of connected) for (const [id, doc] of c.docs) docOf.set(id, doc)
    const connectErrors = connected.reduce((n, c) => n + c.errors, 0)
    const errorSamples = connected.flatMap((c) => c.errorSamples).slice(0, 5)
    const groups = new Set(docOf.values()).size
    await sleep(1000)

    const steps: StepFigures[] = []
    const serverCpu = new CpuMeter(() => [server.pid])
    const generatorCpu = new CpuMeter(() => w.pids())
    const machineCpu = new MachineCpuMeter()
    // Warm up (JIT, buffers) at the first step's rate; not measured.
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
      serverCpu.start()
      generatorCpu.start()
      machineCpu.start()
      await sleep(def.stepMs)
      const srv = serverCpu.read()
      const gen = generatorCpu.read()
      const other = Math.max(0, machineCpu.read() - srv - gen)
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
        serverCpuPercent: round(srv, 1),
        generatorCpuPercent: round(gen, 1),
        otherCpuPercent: round(other, 1),
        serverRssMbPeak: 0,
        errors: done.reduce((n, d) => n + d.errors, 0),
        lostConfirmedEdits: null,
        serverCpuUsPerDelivery: deliveredPerSec > 0 ? round(((srv / 100) * 1e6) / deliveredPerSec, 1) : 0,
        limit: limitOf(srv, gen, sent / seconds, targetRate(schedule, docOf.size), other),
      }
      steps.push(step)
      log(
        `  ${target.padEnd(18)} ${describe(schedule).padEnd(22)} p99 ${fmt(step.latencyMs.p99)} ms, ` +
          `${step.deliveredPerSec} delivered/s, server ${step.serverCpuPercent}% gen ${step.generatorCpuPercent}% ` +
          `other ${step.otherCpuPercent}%` +
          (step.limit === 'none' ? '' : `, limit: ${step.limit}`),
      )
      if (def.stopAboveP99Ms !== undefined && !(step.latencyMs.p99 <= def.stopAboveP99Ms)) break
      if (def.steps.length > 1) await sleep(1000)
    }

    // Durability: note what everyone had applied, kill the server as a crash would, and read it back.
    let lostConfirmedEdits: number | null = null
    if (target === 'convene' || target === 'hocuspocus-sqlite') {
      const seen = await w.all<SeenResult>(() => ({ type: 'seen' }))
      const confirmed = confirmedBySender(seen, docOf)
      await server.kill()
      await w.close()
      workers = null
      session?.facilitator.close()
      await server.restart()
      lostConfirmedEdits = await verifyStored(
        target,
        server,
        [...new Set(docOf.values())],
        confirmed,
        session?.facilitatorToken,
      )
    }
    return {
      participants: docOf.size,
      groups,
      steps,
      lostConfirmedEdits,
      connectErrors,
      errorSamples,
      serverRssMbPeak: round(rss.stop(), 1),
    }
  } finally {
    rss.stop()
    session?.facilitator.close()
    await workers?.close()
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function describe(schedule: Schedule): string {
  return schedule.kind === 'steady'
    ? `${schedule.ratePerClient}/s each`
    : `${schedule.ratePerClient}/s bursts ${schedule.onMs / 1000}s/${schedule.offMs / 1000}s`
}

function fmt(n: number): string {
  return Number.isFinite(n) ? String(n) : '-'
}

function record(scenario: string, target: TargetName, outcome: LoadOutcome, step: StepFigures, extra = {}) {
  const figures: Figures = {
    latencyMs: step.latencyMs,
    deliveredPerSec: step.deliveredPerSec,
    serverCpuPercent: step.serverCpuPercent,
    generatorCpuPercent: step.generatorCpuPercent,
    otherCpuPercent: step.otherCpuPercent,
    serverRssMbPeak: outcome.serverRssMbPeak,
    errors: outcome.connectErrors + outcome.steps.reduce((n, s) => n + s.errors, 0),
    lostConfirmedEdits: outcome.lostConfirmedEdits,
    sentPerSec: step.sentPerSec,
    serverCpuUsPerDelivery: step.serverCpuUsPerDelivery,
    limit: step.limit,
  }
  const details = {
    ...extra,
    ...(outcome.errorSamples.length ? { errorSamples: outcome.errorSamples } : {}),
  }
  if (target === 'convene') {
    results.push({
      name: scenario,
      participants: outcome.participants,
      groups: outcome.groups,
      ...figures,
      details,
      notes: [],
    })
  } else {
    peerResults.push({
      peer: target,
      scenario,
      participants: outcome.participants,
      groups: outcome.groups,
      ...figures,
      details,
    })
  }
}

async function loadScenario(def: LoadDef, pick: (steps: StepFigures[]) => StepFigures | undefined) {
  log(`\n== ${def.name}: ${def.participants} participants, groups of ${def.groupSize}`)
  for (const target of ['convene', ...peers] as TargetName[]) {
    try {
      const outcome = await runLoad(target, def)
      const best = pick(outcome.steps) ?? outcome.steps[0]
      if (!best) throw new Error('no step ran')
      const extra =
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
      record(def.name, target, outcome, best, extra)
    } catch (error) {
      log(`  ${target} failed: ${String(error)}`)
      const failed: Figures = {
        latencyMs: { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN },
        deliveredPerSec: 0,
        serverCpuPercent: 0,
        generatorCpuPercent: 0,
        otherCpuPercent: 0,
        serverRssMbPeak: 0,
        errors: 1,
        lostConfirmedEdits: null,
        sentPerSec: 0,
        serverCpuUsPerDelivery: 0,
        limit: 'failed',
      }
      const details = { failure: String(error).slice(0, 500) }
      if (target === 'convene')
        results.push({ name: def.name, participants: 0, groups: 0, ...failed, details, notes: [] })
      else
        peerResults.push({ peer: target, scenario: def.name, participants: 0, groups: 0, ...failed, details })
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Join storm: many phones join by code within a window while a round runs; time to their group's notes synced.

async function joinStorm(total: number, windowMs: number) {
  log(`\n== join-storm: ${total} join by code within ${windowMs / 1000} s`)
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'convene-bench-join-'))
  const server = await ServerProcess.start('convene', { port, dataDir, cpuProfDir: CPU_PROF_DIR })
  const rss = new RssPeak(() => server.pid)
  rss.start()
  const workers = Workers.start(WORKERS)
  let session: ConveneSession | null = null
  try {
    session = await setupSession(server.baseUrl, 8, 8)
    const s = session
    const serverCpu = new CpuMeter(() => [server.pid])
    const generatorCpu = new CpuMeter(() => workers.pids())
    const machineCpu = new MachineCpuMeter()
    const startAt = now() + 500
    const indices = splitAmong(
      Array.from({ length: total }, (_, i) => i),
      workers.count,
    )
    const storm = workers.all<JoinStormResult>((i) => ({
      type: 'joinStorm',
      storm: {
        baseUrl: server.baseUrl,
        joinCode: s.joinCode,
        indices: indices[i] ?? [],
        total,
        startAt,
        windowMs,
        timeoutMs: 60_000,
      },
    }))
    await sleep(Math.max(0, startAt - now()))
    serverCpu.start()
    generatorCpu.start()
    machineCpu.start()
    const done = await withTimeout(storm, windowMs + 120_000, 'join storm')
    const seconds = (now() - startAt) / 1000
    const srv = serverCpu.read()
    const gen = generatorCpu.read()
    const other = Math.max(0, machineCpu.read() - srv - gen)
    const durations = latencyOf(done.map((d) => d.durations))
    const joined = done.reduce((n, d) => n + d.durations.length, 0)
    const errors = done.reduce((n, d) => n + d.errors, 0)
    const samples = done.flatMap((d) => d.errorSamples).slice(0, 5)
    results.push({
      name: 'join-storm',
      participants: joined,
      groups: 0,
      latencyMs: durations,
      deliveredPerSec: round(joined / seconds, 1),
      serverCpuPercent: round(srv, 1),
      generatorCpuPercent: round(gen, 1),
      otherCpuPercent: round(other, 1),
      serverRssMbPeak: round(rss.stop(), 1),
      errors,
      lostConfirmedEdits: null,
      sentPerSec: round(total / (windowMs / 1000), 1),
      serverCpuUsPerDelivery: 0,
      limit: limitOf(srv, gen, 1, 1, other),
      details: {
        joinToSyncedMs: { p50: durations.p50, p95: durations.p95, p99: durations.p99 },
        stormSeconds: round(seconds, 1),
        facilitatorEvents: Object.fromEntries(s.facilitatorEvents),
        ...(samples.length ? { errorSamples: samples } : {}),
      },
      notes: [
        'latencyMs is the time from the join request to the group notes synced; deliveredPerSec is joins/s',
      ],
    })
    log(
      `  ${joined}/${total} synced; join→synced p50 ${durations.p50} ms, p95 ${durations.p95} ms, p99 ${durations.p99} ms; ` +
        `server ${round(srv, 1)}% gen ${round(gen, 1)}%; errors ${errors}`,
    )
  } finally {
    rss.stop()
    session?.facilitator.close()
    await workers.close()
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Restart storm: the hall, with the server SIGKILLed and restarted in the middle.

async function restartStorm(participants: number, groupSize: number) {
  log(`\n== restart-storm: hall of ${participants}, server SIGKILLed and restarted mid-typing`)
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'convene-bench-restart-'))
  const copyDir = `${dataDir}-at-kill`
  const server = await ServerProcess.start('convene', { port, dataDir })
  const rss = new RssPeak(() => server.pid)
  rss.start()
  let workers: Workers | null = null
  let session: ConveneSession | null = null
  try {
    session = await setupSession(server.baseUrl, participants, groupSize)
    const s = session
    const specs: ClientSpec[] = s.participantTokens.map((token, i) => ({
      id: i + 1,
      target: 'convene',
      url: server.clientUrl,
      token,
    }))
    workers = Workers.start(WORKERS)
    const w = workers
    const parts = splitAmong(specs, w.count)
    const connected = await w.all<ConnectResult>((i) => ({
      type: 'connect',
      clients: parts[i] ?? [],
      concurrency: 20,
      timeoutMs: 30_000,
    }))
    const docOf = new Map<number, string>()
    for (const c of connected) for (const [id, doc] of c.docs) docOf.set(id, doc)
    const connectErrors = connected.reduce((n, c) => n + c.errors, 0)
    await sleep(1000)

    const durationMs = 30_000
    const killAfterMs = 8_000
    const startAt = now() + 300
    const schedule: Schedule = { kind: 'bursts', ratePerClient: 3, onMs: 5000, offMs: 10_000 }
    const loads = w.all<LoadResult>(() => ({
      type: 'load',
      load: { schedule, startAt, durationMs, settleMs: 5000 },
    }))
    await sleep(Math.max(0, startAt + killAfterMs - now()))
    const killedAt = now()
    await server.kill()
    mkdirSync(copyDir)
    for (const f of ['convene.sqlite', 'convene.sqlite-wal', 'convene.sqlite-shm'])
      if (existsSync(join(dataDir, f))) copyFileSync(join(dataDir, f), join(copyDir, f))
    await sleep(300)
    const atKill = await w.all<SeenResult>(() => ({ type: 'seen' }))
    const confirmed = confirmedBySender(atKill, docOf)
    await server.restart()
    const restartedMs = now() - killedAt
    const done = await withTimeout(loads, durationMs + 120_000, 'restart storm load')
    const after = await w.all<SeenResult>(() => ({ type: 'seen' }))
    const resync: number[] = []
    let notResynced = 0
    for (const a of after)
      for (const [, at] of a.syncedAt) {
        if (at > killedAt) resync.push(at - killedAt)
        else notResynced++
      }
    resync.sort((a, b) => a - b)
    const missing = unconverged(after, docOf)
    const errors = connectErrors + notResynced + missing
    const serverRssMbPeak = round(rss.stop(), 1)
    await w.close()
    workers = null

    // What the server had on disk at the moment of the kill, read back by a server started on a copy of it.
    const verifier = await ServerProcess.start('convene', { port: await freePort(), dataDir: copyDir })
    let lost: number
    try {
      lost = await verifyStored(
        'convene',
        verifier,
        [...new Set(docOf.values())],
        confirmed,
        s.facilitatorToken,
      )
    } finally {
      await verifier.stop()
    }
    const everyoneMs = resync.length ? (resync.at(-1) as number) : Number.NaN
    const delivered = done.reduce((n, d) => n + d.delivered, 0)
    results.push({
      name: 'restart-storm',
      participants: docOf.size,
      groups: new Set(docOf.values()).size,
      latencyMs: latencyOf(done.map((d) => d.latencies)),
      deliveredPerSec: round(delivered / (durationMs / 1000), 0),
      serverCpuPercent: Number.NaN,
      generatorCpuPercent: Number.NaN,
      otherCpuPercent: Number.NaN,
      serverRssMbPeak,
      errors,
      lostConfirmedEdits: lost,
      sentPerSec: round(done.reduce((n, d) => n + d.sent, 0) / (durationMs / 1000), 0),
      serverCpuUsPerDelivery: 0,
      limit: 'none',
      details: {
        everyoneResyncedMs: round(everyoneMs, 0),
        resyncMs: {
          p50: round(percentile(resync, 50), 0),
          p95: round(percentile(resync, 95), 0),
          max: round(everyoneMs, 0),
        },
        serverBackMs: round(restartedMs, 0),
        notResynced,
        unconvergedEdits: missing,
        confirmedAtKill: [...confirmed.values()].reduce((n, v) => n + v, 0),
      },
      notes: [
        'latency includes the outage; the figures that count are everyoneResyncedMs and lostConfirmedEdits',
        'lostConfirmedEdits: edits every other member had applied before the kill, missing from the server restarted on a copy of the data taken at the kill',
      ],
    })
    log(
      `  server back after ${round(restartedMs, 0)} ms; every client resynced after ${round(everyoneMs, 0)} ms ` +
        `(p50 ${round(percentile(resync, 50), 0)} ms); not resynced ${notResynced}; unconverged ${missing}; ` +
        `confirmed edits lost ${lost}`,
    )
  } finally {
    rss.stop()
    session?.facilitator.close()
    await workers?.close()
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
    rmSync(copyDir, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Report

function log(line: string) {
  process.stdout.write(`${line}\n`)
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? []
  return rows.map((r) => r.map((cell, c) => cell.padStart(widths[c] ?? 0)).join('  ')).join('\n')
}

function ratio(a: number, b: number): string {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${round(a / b, 2)}x` : '-'
}

interface Budget {
  scenario: string
  budget: string
  measured: string
  ok: boolean | null
}

function budgets(): Budget[] {
  const out: Budget[] = []
  const ours = (name: string) => results.find((r) => r.name === name)
  const peer = (name: string, p: PeerName) => peerResults.find((r) => r.scenario === name && r.peer === p)
  const check = (scenario: string, budget: string, measured: string, ok: boolean | null) =>
    out.push({ scenario, budget, measured, ok })
  const hall = ours('hall')
  if (hall) {
    check('hall', 'p99 < 5 ms', `${hall.latencyMs.p99} ms`, hall.latencyMs.p99 < 5)
    const y = peer('hall', 'y-websocket')
    if (y)
      check(
        'hall',
        'p99 <= 1.25x y-websocket',
        `${hall.latencyMs.p99} vs ${y.latencyMs.p99} ms (${ratio(hall.latencyMs.p99, y.latencyMs.p99)})`,
        hall.latencyMs.p99 <= 1.25 * y.latencyMs.p99,
      )
  }
  for (const [name, rssMax] of [
    ['summit-1000', 250],
    ['summit', 400],
  ] as const) {
    const s = ours(name)
    if (!s) continue
    const y = peer(name, 'y-websocket')
    const hs = peer(name, 'hocuspocus-sqlite')
    if (y)
      check(
        name,
        'p99 <= 1.25x y-websocket',
        `${s.latencyMs.p99} vs ${y.latencyMs.p99} ms (${ratio(s.latencyMs.p99, y.latencyMs.p99)})`,
        s.latencyMs.p99 <= 1.25 * y.latencyMs.p99,
      )
    if (hs)
      check(
        name,
        'p99 < 0.5x hocuspocus-sqlite',
        `${s.latencyMs.p99} vs ${hs.latencyMs.p99} ms (${ratio(s.latencyMs.p99, hs.latencyMs.p99)})`,
        s.latencyMs.p99 < 0.5 * hs.latencyMs.p99,
      )
    check(name, `RSS < ${rssMax} MB`, `${s.serverRssMbPeak} MB`, s.serverRssMbPeak < rssMax)
    check(name, 'no errors', `${s.errors}`, s.errors === 0)
  }
  const join = ours('join-storm')
  if (join) check('join-storm', 'p95 < 1500 ms', `${join.latencyMs.p95} ms`, join.latencyMs.p95 < 1500)
  const restart = ours('restart-storm')
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
  const ceiling = ours('ceiling')
  if (ceiling) {
    const relay = peer('ceiling', 'ws-relay')
    const y = peer('ceiling', 'y-websocket')
    if (relay)
      check(
        'ceiling',
        '>= 60% of ws-relay',
        `${ceiling.deliveredPerSec} vs ${relay.deliveredPerSec}/s (${ratio(ceiling.deliveredPerSec, relay.deliveredPerSec)})`,
        ceiling.deliveredPerSec >= 0.6 * relay.deliveredPerSec,
      )
    if (y)
      check(
        'ceiling',
        '>= y-websocket',
        `${ceiling.deliveredPerSec} vs ${y.deliveredPerSec}/s (${ratio(ceiling.deliveredPerSec, y.deliveredPerSec)})`,
        ceiling.deliveredPerSec >= y.deliveredPerSec,
      )
  }
  return out
}

function report(startedAt: number) {
  log('\n=== Results (CPU in % of one core; this machine has 2; "limit" says what held the figure back)')
  const header = [
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
    'us/deliv',
    'RSS MB',
    'errors',
    'lost',
    'limit',
  ]
  const rows: string[][] = [header]
  for (const r of results) {
    const line = (server: string, f: Figures & { participants: number; groups: number }) =>
      rows.push([
        r.name,
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
        fmt(f.serverCpuUsPerDelivery),
        String(f.serverRssMbPeak),
        String(f.errors),
        f.lostConfirmedEdits === null ? '-' : String(f.lostConfirmedEdits),
        f.limit,
      ])
    line('convene', r)
    for (const p of peerResults.filter((p) => p.scenario === r.name)) line(p.peer, p)
  }
  log(table(rows))

  const ratioRows: string[][] = [['scenario', 'ours vs', 'p99', 'deliv/s', 'us/deliv', 'RSS']]
  for (const r of results)
    for (const p of peerResults.filter((p) => p.scenario === r.name))
      ratioRows.push([
        r.name,
        p.peer,
        ratio(r.latencyMs.p99, p.latencyMs.p99),
        ratio(r.deliveredPerSec, p.deliveredPerSec),
        ratio(r.serverCpuUsPerDelivery, p.serverCpuUsPerDelivery),
        ratio(r.serverRssMbPeak, p.serverRssMbPeak),
      ])
  if (ratioRows.length > 1) {
    log('\n=== Ratios, Convene / peer (below 1x is better for p99, us/deliv and RSS; above 1x for deliv/s)')
    log(table(ratioRows))
  }
  const checks = budgets()
  if (checks.length) {
    log('\n=== Budgets (docs/PERFORMANCE.md)')
    log(
      table([
        ['scenario', 'budget', 'measured', 'result'],
        ...checks.map((c) => [
          c.scenario,
          c.budget,
          c.measured,
          c.ok === null ? '-' : c.ok ? 'ok' : 'MISSED',
        ]),
      ]),
    )
  }
  const generatorBound = [...results, ...peerResults].filter((r) => r.limit.includes('generator'))
  if (generatorBound.length)
    log(
      `\nNote: ${generatorBound.length} figure(s) were limited by the load generator or by it sharing the cores, not by the server (see "limit").`,
    )
  writeResults(startedAt, checks)
}

/** Writes the JSON report; called after every scenario, so an interrupted run keeps what it measured. */
function writeResults(startedAt: number, checks: Budget[] = budgets()) {
  const out = {
    generatedAt: new Date().toISOString(),
    durationSeconds: round((now() - startedAt) / 1000, 0),
    machine: { cores: CORES, node: process.version, workers: WORKERS },
    options: { quick: QUICK, scenarios: selected, peers, participants: participantsOverride },
    scenarios: results,
    peers: peerResults,
    budgets: checks,
  }
  const file = join(ROOT, args.out as string)
  mkdirSync(join(file, '..'), { recursive: true })
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`)
}

// ---------------------------------------------------------------------------------------------------------------
// Main

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
  const n = (full: number) => participantsOverride ?? full
  for (const scenario of selected) {
    switch (scenario) {
      case 'hall':
        await loadScenario(
          {
            name: 'hall',
            participants: n(QUICK ? 100 : 200),
            groupSize: 7,
            steps: [{ kind: 'bursts', ratePerClient: 3, onMs: 5000, offMs: 10_000 }],
            stepMs: QUICK ? 10_000 : 30_000,
            settleMs: 1500,
          },
          (steps) => steps[0],
        )
        break
      case 'summit-1000':
      case 'summit':
        await loadScenario(
          {
            name: scenario,
            participants: n(scenario === 'summit' ? 2000 : 1000),
            groupSize: 8,
            steps: [{ kind: 'steady', ratePerClient: 1 }],
            stepMs: 20_000,
            settleMs: 3000,
          },
          (steps) => steps[0],
        )
        break
      case 'join-storm':
        await joinStorm(n(1000), 10_000)
        break
      case 'restart-storm':
        await restartStorm(n(200), 7)
        break
      case 'ceiling': {
        // Convene allows 60 document messages per second per connection (LIMITS.docMessagesPerSecond): stay under it.
        const rates = QUICK ? [2, 8, 16] : [1, 2, 4, 8, 12, 16, 24, 32, 48]
        await loadScenario(
          {
            name: 'ceiling',
            participants: n(QUICK ? 100 : 200),
            groupSize: 8,
            steps: rates.map((ratePerClient) => ({ kind: 'steady', ratePerClient })),
            stepMs: QUICK ? 3000 : 5000,
            settleMs: 1500,
            stopAboveP99Ms: P99_CEILING_MS,
          },
          (steps) =>
            steps
              .filter((s) => s.latencyMs.p99 <= P99_CEILING_MS)
              .sort((a, b) => b.deliveredPerSec - a.deliveredPerSec)[0],
        )
        break
      }
    }
    writeResults(startedAt)
  }
  report(startedAt)
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
