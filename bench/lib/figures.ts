import type { Figures } from '../report/results.ts'
import { percentile, round } from './common.ts'
import type { CpuReading } from './proc.ts'

/** Cores of the machine the benchmark runs on; CPU figures are in % of one core. */
export const CORES = 2

/** A result's CPU figures, each in % of one core. */
export type CpuFigures = Pick<
  Figures,
  'serverCpuPercent' | 'generatorCpuPercent' | 'otherCpuPercent' | 'stealCpuPercent'
>

/** A result's CPU figures from one reading, rounded as the table prints them. */
export function cpuFiguresOf(cpu: CpuReading): CpuFigures {
  return {
    serverCpuPercent: round(cpu.server, 1),
    generatorCpuPercent: round(cpu.generator, 1),
    otherCpuPercent: round(cpu.other, 1),
    stealCpuPercent: round(cpu.steal, 1),
  }
}

/** The CPU figures of a scenario that measures none (a restart, a phone in a browser). */
export const CPU_NOT_MEASURED: CpuFigures = {
  serverCpuPercent: Number.NaN,
  generatorCpuPercent: Number.NaN,
  otherCpuPercent: Number.NaN,
  stealCpuPercent: Number.NaN,
}

/** p50, p95 and p99 over the samples of every worker together. */
export function latencyOf(all: Float64Array[]): Figures['latencyMs'] {
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

/**
 * What held a measurement back: the server's one thread, the generator, both cores (and whose share: the host's
 * steal takes a core as surely as another process), or none.
 */
export function limitOf(cpu: CpuReading, sentPerSec: number, targetPerSec: number): string {
  const { server, generator, other, steal } = cpu
  if (server >= 90) return 'server'
  if (server + generator + other + steal >= 0.9 * CORES * 100) {
    const ours = Math.max(server, generator)
    if (steal > ours && steal >= other) return 'machine (the host took the cores)'
    if (other > ours) return 'machine (other processes)'
    return generator > server ? 'machine (generator uses more CPU)' : 'machine'
  }
  if (sentPerSec < 0.9 * targetPerSec) return 'generator'
  return 'none'
}
