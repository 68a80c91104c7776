import type { PeerName, TargetName } from '../lib/common.ts'

/** The figures of one server in one scenario, as the table and latest.json report them. */
export interface Figures {
  latencyMs: { p50: number; p95: number; p99: number }
  deliveredPerSec: number
  serverCpuPercent: number
  generatorCpuPercent: number
  /** CPU used meanwhile by processes outside the benchmark (other work on the machine), in % of one core. */
  otherCpuPercent: number
  /** CPU the host took from this virtual machine's cores meanwhile (steal), in % of one core. */
  stealCpuPercent: number
  serverRssMbPeak: number
  errors: number
  /** Edits every other member had applied (so the server had stored them) and that the server lost; null: it keeps nothing. */
  lostConfirmedEdits: number | null
  sentPerSec: number
  serverCpuUsPerDelivery: number
  /** What limited this measurement: none, server, generator or machine (both cores busy). */
  limit: string
}

/** What a scenario measured of one server: the figures, its size, and anything particular to it. */
export interface Measured extends Figures {
  participants: number
  groups: number
  details?: Record<string, unknown>
}

/** Convene's result in one scenario. */
export interface ScenarioResult extends Measured {
  name: string
  notes: string[]
}

/** A peer's result in one scenario. */
export interface PeerResult extends Measured {
  peer: PeerName
  scenario: string
}

/** Everything this run has measured so far: Convene's results per scenario and the peers' beside them. */
export class Results {
  readonly scenarios: ScenarioResult[] = []
  readonly peers: PeerResult[] = []

  /** Records what `target` measured in `scenario`; notes (how to read the figures) are kept for Convene only. */
  add(target: TargetName, scenario: string, measured: Measured, notes: string[] = []): void {
    if (target === 'convene') this.scenarios.push({ name: scenario, ...measured, notes })
    else this.peers.push({ peer: target, scenario, ...measured })
  }

  /** Convene's result in a scenario, if it ran. */
  ours(scenario: string): ScenarioResult | undefined {
    return this.scenarios.find((r) => r.name === scenario)
  }

  /** The peers' results in a scenario. */
  peersIn(scenario: string): PeerResult[] {
    return this.peers.filter((p) => p.scenario === scenario)
  }

  /** One peer's result in a scenario, if it ran. */
  peer(scenario: string, peer: PeerName): PeerResult | undefined {
    return this.peers.find((p) => p.scenario === scenario && p.peer === peer)
  }
}

/** One phone's load of the join page and then the group page (bench/scenarios/phone.ts), in `details.runs`. */
export interface PhoneRun {
  /** From navigation to the Join button visible and enabled. */
  joinUsableMs: number
  /** JavaScript transferred by then, and everything transferred by then, in KB. */
  joinJsKb: number
  joinAllKb: number
  /** From the facilitator starting the round to the group notes editor visible. */
  editorShownMs: number
  /** JavaScript transferred from the start until the editor showed, and everything, in KB. */
  groupJsKb: number
  groupAllKb: number
}
