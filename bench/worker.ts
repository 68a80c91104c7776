/**
 * A load-generator process: it holds many simulated participants, types on a schedule, and records when the
 * others' edits arrive. The orchestrator (run.ts) drives it over IPC.
 */
import { BenchClient, type DeliverySink, joinByCode } from './lib/clients.ts'
import {
  type ClientSpec,
  type ConnectResult,
  type JoinStormRequest,
  type JoinStormResult,
  type LoadRequest,
  type LoadResult,
  now,
  pool,
  type Schedule,
  type SeenResult,
  sleep,
  type WorkerCommand,
  type WorkerReply,
  type WorkerRequest,
  withTimeout,
} from './lib/common.ts'

/** Most latency samples one worker keeps per run; past it, samples are kept at random (reservoir). */
const MAX_SAMPLES = 2_000_000
const TICK_MS = 2

class Recorder implements DeliverySink {
  window: { from: number; to: number } | null = null
  samples: number[] = []
  seenInWindow = 0
  delivered = 0
  errors = 0
  errorSamples: string[] = []

  deliver(count: number, latencyMs: number, sentAt: number): void {
    const w = this.window
    if (!w || sentAt < w.from || sentAt > w.to) return
    this.delivered += count
    this.seenInWindow++
    if (this.samples.length < MAX_SAMPLES) this.samples.push(latencyMs)
    else {
      const slot = Math.floor(Math.random() * this.seenInWindow)
      if (slot < MAX_SAMPLES) this.samples[slot] = latencyMs
    }
  }

  error(what: string): void {
    this.errors++
    if (this.errorSamples.length < 5) this.errorSamples.push(what)
  }

  reset(): void {
    this.samples = []
    this.seenInWindow = 0
    this.delivered = 0
    this.errors = 0
    this.errorSamples = []
  }
}

// Each client's y-websocket provider adds a process `exit` listener: hundreds of them here, and no leak.
process.setMaxListeners(0)
const recorder = new Recorder()
const clients: BenchClient[] = []

async function connect(specs: ClientSpec[], concurrency: number, timeoutMs: number): Promise<ConnectResult> {
  recorder.reset()
  const docs: [number, string][] = []
  let errors = 0
  const errorSamples: string[] = []
  await pool(specs, concurrency, async (spec) => {
    const client = new BenchClient(spec, recorder)
    clients.push(client)
    try {
      await client.open(timeoutMs)
      docs.push([spec.id, client.docName || (spec.room as string)])
    } catch (error) {
      errors++
      if (errorSamples.length < 5) errorSamples.push(String(error))
    }
  })
  return { docs, errors: errors + recorder.errors, errorSamples: [...errorSamples, ...recorder.errorSamples] }
}

/** Whether a client types at time t, and how often. */
function plan(schedule: Schedule, phase: number, t: number): number {
  if (schedule.kind === 'steady') return schedule.ratePerClient
  const cycle = schedule.onMs + schedule.offMs
  return (t + phase) % cycle < schedule.onMs ? schedule.ratePerClient : 0
}

async function load(request: LoadRequest): Promise<LoadResult> {
  const { schedule, startAt, durationMs, settleMs } = request
  const endAt = startAt + durationMs
  recorder.reset()
  recorder.window = { from: startAt, to: endAt }
  const cycle = schedule.kind === 'bursts' ? schedule.onMs + schedule.offMs : 1000
  const active = clients.filter((c) => c.docName || c.spec.room)
  const phases = active.map(() => Math.random() * cycle)
  const nextAt = active.map(() => startAt + (Math.random() * 1000) / schedule.ratePerClient)
  let sent = 0
  await sleep(Math.max(0, startAt - now()))
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const t = now()
      if (t >= endAt) {
        clearInterval(timer)
        resolve()
        return
      }
      for (let i = 0; i < active.length; i++) {
        const due = nextAt[i] as number
        if (t < due) continue
        const rate = plan(schedule, phases[i] as number, t - startAt)
        if (rate === 0) {
          nextAt[i] = t + 50
          continue
        }
        ;(active[i] as BenchClient).edit()
        sent++
        const interval = (1000 / rate) * (0.8 + 0.4 * Math.random())
        nextAt[i] = Math.max(due + interval, t)
      }
    }, TICK_MS)
  })
  await sleep(settleMs)
  recorder.window = null
  return {
    latencies: Float64Array.from(recorder.samples),
    delivered: recorder.delivered,
    sent,
    errors: recorder.errors,
  }
}

function seen(): SeenResult {
  const result: SeenResult = { seen: [], sent: [], syncedAt: [], stored: [] }
  for (const c of clients) {
    result.sent.push([c.spec.id, c.seq])
    result.syncedAt.push([c.spec.id, c.syncedAt])
    result.stored.push([c.spec.id, c.storedSeq])
    for (const [sender, seq] of c.lastSeen) result.seen.push([c.spec.id, sender, seq])
  }
  return result
}

async function joinStorm(storm: JoinStormRequest): Promise<JoinStormResult> {
  recorder.reset()
  const durations: number[] = []
  let errors = 0
  const errorSamples: string[] = []
  await Promise.all(
    storm.indices.map(async (index) => {
      const at = storm.startAt + ((index - storm.first) / storm.total) * storm.windowMs
      await sleep(Math.max(0, at - now()))
      const t0 = now()
      const spec: ClientSpec = { id: index, target: 'convene', url: storm.baseUrl }
      const client = new BenchClient(spec, recorder)
      clients.push(client)
      try {
        await withTimeout(
          (async () => {
            spec.token = await joinByCode(storm.baseUrl, storm.joinCode)
            await client.open(storm.timeoutMs)
          })(),
          storm.timeoutMs,
          'join to synced notes',
        )
        durations.push(now() - t0)
      } catch (error) {
        errors++
        if (errorSamples.length < 5) errorSamples.push(String(error))
      }
    }),
  )
  return {
    durations: Float64Array.from(durations),
    errors: errors + recorder.errors,
    errorSamples: [...errorSamples, ...recorder.errorSamples],
  }
}

async function handle(command: WorkerCommand): Promise<unknown> {
  switch (command.type) {
    case 'ready':
      return null
    case 'connect':
      return connect(command.clients, command.concurrency, command.timeoutMs)
    case 'load':
      return load(command.load)
    case 'seen':
      return seen()
    case 'joinStorm':
      return joinStorm(command.storm)
    case 'close':
      for (const c of clients.splice(0)) c.destroy()
      setTimeout(() => process.exit(0), 50).unref()
      return null
  }
}

process.on('message', (message: WorkerRequest) => {
  handle(message.command).then(
    (result) => process.send?.({ id: message.id, result } satisfies WorkerReply),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) } satisfies WorkerReply),
  )
})
// The orchestrator is gone: stop too.
process.on('disconnect', () => process.exit(0))
