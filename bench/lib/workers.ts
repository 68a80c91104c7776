import { type ChildProcess, fork } from 'node:child_process'
import { join } from 'node:path'
import {
  type ClientSpec,
  type ConnectResult,
  type TargetName,
  type WorkerCommand,
  type WorkerReply,
  type WorkerRequest,
  withTimeout,
} from './common.ts'
import { children, ROOT } from './servers.ts'

/** Deals items round-robin into `parts` lists, one per worker. */
export function splitAmong<T>(items: T[], parts: number): T[][] {
  const out: T[][] = Array.from({ length: parts }, () => [])
  items.forEach((item, i) => {
    out[i % parts]?.push(item)
  })
  return out
}

/** The clients the workers connected: each one's document, and what failed. */
export interface Connected {
  /** Client id → document name, for the clients that opened their document. */
  docOf: Map<number, string>
  errors: number
  errorSamples: string[]
}

/**
 * V8 options of the load generators. Each holds hundreds of participants' Yjs documents, and each young-generation
 * collection copies what their edits added since the last one, 4-6 MB at summit-1000, whatever the generation's size:
 * 10-40 ms in which that process's clients apply nothing, a pause as long as the p99s compared. Semi-spaces of up to
 * 64 MB (V8 grows them when the survivors call for it) make those pauses a third as frequent: 63-69 a run per process
 * against 170-190, 0.8-1.1 s against 2.1-2.8 s, with 10-15% of a core less for the generators. Every server's clients
 * run with the same options.
 */
const GENERATOR_V8_OPTIONS = ['--max-old-space-size=2048', '--max-semi-space-size=64']

/** The load-generator processes (bench/worker.ts), each driven by request and reply over IPC. */
export class Workers {
  private nextId = 1
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()

  private constructor(readonly procs: ChildProcess[]) {
    for (const proc of procs) {
      proc.on('message', (reply: WorkerReply) => {
        const waiter = this.pending.get(reply.id)
        if (!waiter) return
        this.pending.delete(reply.id)
        if (reply.error) waiter.reject(new Error(reply.error))
        else waiter.resolve(reply.result)
      })
      proc.once('exit', (code) => {
        children.delete(proc)
        if (code !== 0)
          for (const [id, waiter] of this.pending) {
            this.pending.delete(id)
            waiter.reject(new Error(`a worker exited with ${code}`))
          }
      })
    }
  }

  /**
   * Starts `count` workers and resolves once each has loaded its code and answered, so a schedule sent to them is
   * kept from its first step. With `cpuProfDir`, each writes a V8 CPU profile to its `generator/<target>` folder when
   * it closes, so the generators of Convene and of each peer can be compared.
   */
  static async start(count: number, cpuProfDir?: string, target: TargetName = 'convene'): Promise<Workers> {
    const prof = cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', join(cpuProfDir, 'generator', target)] : []
    const procs = Array.from({ length: count }, () => {
      const proc = fork(join(ROOT, 'bench/worker.ts'), [], {
        cwd: ROOT,
        execArgv: ['--import', 'tsx', ...GENERATOR_V8_OPTIONS, ...prof],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      })
      children.add(proc)
      return proc
    })
    const workers = new Workers(procs)
    await withTimeout(
      workers.all(() => ({ type: 'ready' })),
      60_000,
      'starting the load generators',
    )
    return workers
  }

  get count(): number {
    return this.procs.length
  }

  pids(): number[] {
    return this.procs.map((p) => p.pid as number)
  }

  request<T>(index: number, command: WorkerCommand): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      this.procs[index]?.send({ id, command } satisfies WorkerRequest)
    })
  }

  /** Sends one command to every worker (built per worker) and waits for all replies. */
  all<T>(command: (index: number) => WorkerCommand): Promise<T[]> {
    return Promise.all(this.procs.map((_, i) => this.request<T>(i, command(i))))
  }

  async close(): Promise<void> {
    await Promise.race([
      this.all(() => ({ type: 'close' })).catch(() => []),
      new Promise((resolve) => setTimeout(resolve, 5000)),
    ])
    // A profiled worker writes its profile as it exits: give it the time.
    await Promise.race([
      Promise.all(
        this.procs.map((p) => (p.exitCode === null ? new Promise((r) => p.once('exit', r)) : null)),
      ),
      new Promise((resolve) => setTimeout(resolve, 10_000)),
    ])
    for (const proc of this.procs) if (proc.exitCode === null) proc.kill('SIGKILL')
  }

  /** Connects the clients, spread over the workers (20 at a time each), and opens their documents. */
  async connect(specs: ClientSpec[]): Promise<Connected> {
    const parts = splitAmong(specs, this.count)
    const connected = await withTimeout(
      this.all<ConnectResult>((i) => ({
        type: 'connect',
        clients: parts[i] ?? [],
        concurrency: 20,
        timeoutMs: 30_000,
      })),
      300_000,
      `connecting ${specs.length} clients`,
    )
    const docOf = new Map<number, string>()
    for (const c of connected) for (const [id, doc] of c.docs) docOf.set(id, doc)
    return {
      docOf,
      errors: connected.reduce((n, c) => n + c.errors, 0),
      errorSamples: connected.flatMap((c) => c.errorSamples).slice(0, 5),
    }
  }
}
