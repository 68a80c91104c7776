import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { now } from './common.ts'

let clockTicks: number | null = null
function ticksPerSecond(): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
    } catch {
      clockTicks = 100
    }
  }
  return clockTicks
}

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat; null when it is gone. */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // After the command: state is field 3, utime 14, stime 15.
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond()
  } catch {
    return null
  }
}

/** Resident memory now and its high-water mark, in MB, from /proc/<pid>/status. */
function memoryMb(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0)
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 }
  } catch {
    return null
  }
}

/** CPU use of a set of processes over an interval, as a percentage of one core (200 = both cores of this machine). */
class CpuMeter {
  private startCpu = 0
  private startAt = 0

  constructor(private readonly pids: () => number[]) {}

  private total(): number {
    let sum = 0
    for (const pid of this.pids()) sum += cpuSeconds(pid) ?? 0
    return sum
  }

  start(): void {
    this.startCpu = this.total()
    this.startAt = now()
  }

  /** Percent of one core since start(). */
  read(): number {
    const seconds = (now() - this.startAt) / 1000
    return seconds > 0 ? ((this.total() - this.startCpu) / seconds) * 100 : 0
  }
}

/** Samples a process's RSS every 250 ms and keeps the peak (the high-water mark covers the time between samples). */
export class RssPeak {
  private peak = 0
  private timer: NodeJS.Timeout | null = null

  constructor(private readonly pid: () => number | null) {}

  start(): void {
    this.sample()
    this.timer = setInterval(() => this.sample(), 250)
    this.timer.unref()
  }

  sample(): void {
    const pid = this.pid()
    const mem = pid ? memoryMb(pid) : null
    if (mem) this.peak = Math.max(this.peak, mem.rss, mem.hwm)
  }

  stop(): number {
    this.sample()
    if (this.timer) clearInterval(this.timer)
    return this.peak
  }
}

/** CPU the whole machine spent: seconds as /proc/stat counts them, or % of one core over an interval. */
export interface MachineCpu {
  /** Busy in this machine's own processes and kernel. */
  busy: number
  /** Steal: time the host ran something else while this virtual machine had work for that core. */
  steal: number
}

/** Reads /proc/stat's first line ("cpu user nice system idle iowait irq softirq steal ...") into seconds. */
export function parseMachineCpu(statLine: string, ticks: number): MachineCpu {
  const [, user, nice, system, , , irq, softirq, steal] = statLine.trim().split(/\s+/).map(Number)
  const sum = (...fields: (number | undefined)[]) => fields.reduce<number>((n, f) => n + (f ?? 0), 0) / ticks
  return { busy: sum(user, nice, system, irq, softirq), steal: sum(steal) }
}

function machineCpuSeconds(): MachineCpu {
  try {
    return parseMachineCpu(readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '', ticksPerSecond())
  } catch {
    return { busy: 0, steal: 0 }
  }
}

/** CPU the whole machine used over an interval, and the host took from it, in % of one core. */
class MachineCpuMeter {
  private atStart: MachineCpu = { busy: 0, steal: 0 }
  private startAt = 0

  start(): void {
    this.atStart = machineCpuSeconds()
    this.startAt = now()
  }

  read(): MachineCpu {
    const seconds = (now() - this.startAt) / 1000
    const end = machineCpuSeconds()
    const percent = (from: number, to: number) => (seconds > 0 ? ((to - from) / seconds) * 100 : 0)
    return { busy: percent(this.atStart.busy, end.busy), steal: percent(this.atStart.steal, end.steal) }
  }
}

/** CPU over one interval, each in % of one core. */
export interface CpuReading {
  server: number
  generator: number
  /** What the machine's own processes used, less the server's and the generator's. */
  other: number
  /** What the host took from this virtual machine's cores. */
  steal: number
}

/** The CPU of the server, of the load generator and of everything else on the machine over one interval. */
export class CpuSplit {
  private readonly server: CpuMeter
  private readonly generator: CpuMeter
  private readonly machine = new MachineCpuMeter()

  constructor(serverPids: () => number[], generatorPids: () => number[]) {
    this.server = new CpuMeter(serverPids)
    this.generator = new CpuMeter(generatorPids)
  }

  start(): void {
    this.server.start()
    this.generator.start()
    this.machine.start()
  }

  /** Each in % of one core since start(). */
  read(): CpuReading {
    const server = this.server.read()
    const generator = this.generator.read()
    const machine = this.machine.read()
    return { server, generator, other: Math.max(0, machine.busy - server - generator), steal: machine.steal }
  }
}
