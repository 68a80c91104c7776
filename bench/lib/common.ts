/** The benchmark's clock: CLOCK_MONOTONIC in milliseconds, the same in every process on this machine. */
export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * The servers a run can drive besides ours. The first four run by default; `socketio-relay` (Convene's transport
 * alone) and `socketio-store` (that transport storing and applying each change, the least the issue asks), for
 * attributing costs, only when named in --peers.
 */
export const PEERS = [
  'y-websocket',
  'hocuspocus',
  'hocuspocus-sqlite',
  'ws-relay',
  'socketio-relay',
  'socketio-store',
] as const
export type PeerName = (typeof PEERS)[number]
export const DEFAULT_PEERS: readonly PeerName[] = [
  'y-websocket',
  'hocuspocus',
  'hocuspocus-sqlite',
  'ws-relay',
]

/** Whether clients of this server speak Socket.IO through Convene's document tunnel (else plain WebSockets). */
export const usesTunnel = (target: TargetName): boolean =>
  target === 'convene' || target === 'socketio-relay' || target === 'socketio-store'
export type TargetName = 'convene' | PeerName

/** One simulated participant, as the orchestrator hands it to a worker. */
export interface ClientSpec {
  /** Global index; also the key of this client's marks in the document. */
  id: number
  target: TargetName
  /** HTTP base URL (Convene, the Socket.IO relay) or ws:// URL (the other peers). */
  url: string
  /** Convene: the participant token; the document name comes from the room snapshot. */
  token?: string
  /** Peers: the document (room) name. */
  room?: string
}

/** How clients type during a load run. */
export type Schedule =
  | { kind: 'steady'; ratePerClient: number }
  | { kind: 'bursts'; ratePerClient: number; onMs: number; offMs: number }

export interface LoadRequest {
  schedule: Schedule
  /** Clock time (see now()) at which typing starts. */
  startAt: number
  durationMs: number
  /** Time after the last edit to wait for deliveries. */
  settleMs: number
}

export interface LoadResult {
  latencies: Float64Array
  delivered: number
  sent: number
  errors: number
}

export interface ConnectResult {
  /** Client id → document name, for the clients that opened their document. */
  docs: [number, string][]
  errors: number
  errorSamples: string[]
}

export interface SeenResult {
  /** [receiver, sender, highest seq of sender applied by receiver] */
  seen: [number, number, number][]
  /** [client, last seq it sent] */
  sent: [number, number][]
  /** [client, clock time of its last sync event] */
  syncedAt: [number, number][]
  /** [client, highest own seq the server said it stored] (Convene's stored state, in a notice or a change) */
  stored: [number, number][]
}

export interface JoinStormRequest {
  baseUrl: string
  joinCode: string
  /**
   * The joiners this worker runs, by index (also their client id); their starts are spread over the window as
   * `first` .. `first + total - 1` are.
   */
  indices: number[]
  first: number
  total: number
  startAt: number
  windowMs: number
  timeoutMs: number
}

export interface JoinStormResult {
  durations: Float64Array
  errors: number
  errorSamples: string[]
}

/** Requests from the orchestrator to a worker process. */
export type WorkerCommand =
  | { type: 'ready' }
  | { type: 'connect'; clients: ClientSpec[]; concurrency: number; timeoutMs: number }
  | { type: 'load'; load: LoadRequest }
  | { type: 'seen' }
  | { type: 'joinStorm'; storm: JoinStormRequest }
  | { type: 'close' }

export interface WorkerRequest {
  id: number
  command: WorkerCommand
}

export interface WorkerReply {
  id: number
  result?: unknown
  error?: string
}

/** Runs tasks with at most `limit` in flight. */
export async function pool<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  const run = async () => {
    while (next < items.length) {
      const item = items[next++] as T
      await task(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run))
}

/** Rejects after `ms` unless the promise settles first. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** Percentile by nearest rank over a sorted array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank] as number
}

export function round(n: number, digits = 2): number {
  if (!Number.isFinite(n)) return n
  const f = 10 ** digits
  return Math.round(n * f) / f
}
