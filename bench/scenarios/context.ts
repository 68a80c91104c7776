import type { PeerName } from '../lib/common.ts'
import type { Results } from '../report/results.ts'

/** What every scenario takes from the command line, and where it records what it measured. */
export interface BenchContext {
  results: Results
  /** Load-generator processes (bench/worker.ts). */
  workers: number
  /** The peers that run beside Convene in the load scenarios. */
  peers: PeerName[]
  /** --repeat: how many interleaved trials of each load scenario (hall, summit, ceiling); the median is reported. */
  repeat: number
  /** --quick: reduced sizes and durations. */
  quick: boolean
  /** --cpu-prof: the profiles folder (`server/<target>`, `generator/<target>` inside); undefined: no profiles. */
  cpuProfDir?: string
  /** The number of participants: `full`, unless --participants overrides it. */
  participants(full: number): number
}
