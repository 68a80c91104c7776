import { describe, expect, it } from 'vitest'
import { limitOf } from '../../bench/lib/figures.ts'
import { type CpuReading, parseMachineCpu } from '../../bench/lib/proc.ts'

const cpu = (server: number, generator: number, other: number, steal: number): CpuReading => ({
  server,
  generator,
  other,
  steal,
})

describe("the benchmark's reading of the machine's CPU", () => {
  it('counts steal apart from the busy time of the machine itself', () => {
    // user nice system idle iowait irq softirq steal guest guest_nice, in ticks of 1/100 s
    const line = 'cpu  1200 30 400 90000 50 0 20 350 0 0'
    expect(parseMachineCpu(line, 100)).toEqual({ busy: 16.5, steal: 3.5 })
  })

  it('reads a line without a steal field as no steal', () => {
    expect(parseMachineCpu('cpu 100 0 100 1000', 100)).toEqual({ busy: 2, steal: 0 })
  })

  it('says the host held a run back when its steal, not a process, filled the cores', () => {
    expect(limitOf(cpu(40, 60, 10, 75), 100, 100)).toBe('machine (the host took the cores)')
    expect(limitOf(cpu(40, 60, 75, 10), 100, 100)).toBe('machine (other processes)')
    expect(limitOf(cpu(40, 120, 10, 10), 100, 100)).toBe('machine (generator uses more CPU)')
  })

  it('leaves a light run unlimited however much of the rest was steal', () => {
    expect(limitOf(cpu(20, 30, 5, 40), 100, 100)).toBe('none')
  })
})
