/** bench/results/latest.json: the run's options, every result, and the budgets. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Budget } from './budgets.ts'
import type { Results } from './results.ts'

/** How the run was made, recorded beside its results. */
export interface RunInfo {
  durationSeconds: number
  machine: { cores: number; node: string; workers: number }
  options: Record<string, unknown>
}

/** Writes the JSON report to `file`; called after every scenario, so an interrupted run keeps what it measured. */
export function writeResults(file: string, info: RunInfo, results: Results, checks: Budget[]): void {
  const out = {
    generatedAt: new Date().toISOString(),
    ...info,
    scenarios: results.scenarios,
    peers: results.peers,
    budgets: checks,
  }
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`)
}
