/** join-storm: many phones join by code within a window while a round runs; time to their group's notes synced. */
import { type JoinStormResult, now, round, sleep, withTimeout } from '../lib/common.ts'
import { type ConveneSession, setupSession } from '../lib/convene.ts'
import { cpuFiguresOf, latencyOf, limitOf } from '../lib/figures.ts'
import { log } from '../lib/log.ts'
import { CpuSplit } from '../lib/proc.ts'
import { withServer } from '../lib/servers.ts'
import { splitAmong, Workers } from '../lib/workers.ts'
import type { BenchContext } from './context.ts'

/** Phones that arrive early, before the storm, and are not measured: they warm the server and the generators. */
const EARLY_ARRIVALS = 16

/**
 * `total` phones join within `windowMs` (1,000 in 10 s by default), are placed as late joiners and open their notes.
 * A few early arrivals come first, over a second, unmeasured, as the load scenarios' warm-up: the storm's first
 * second is then not measured on code that neither the server nor the generators had run yet.
 */
export async function joinStorm(ctx: BenchContext, windowMs = 10_000): Promise<void> {
  const total = ctx.participants(1000)
  log(`\n== join-storm: ${total} join by code within ${windowMs / 1000} s`)
  await withServer('convene', 'join', { cpuProfDir: ctx.cpuProfDir }, async ({ server, rss }) => {
    const workers = await Workers.start(ctx.workers, ctx.cpuProfDir)
    let session: ConveneSession | null = null
    try {
      session = await setupSession(server.baseUrl, 8, 8)
      const s = session
      const arrive = (first: number, count: number, startAt: number, within: number) => {
        const ids = splitAmong(
          Array.from({ length: count }, (_, i) => first + i),
          workers.count,
        )
        return workers.all<JoinStormResult>((i) => ({
          type: 'joinStorm',
          storm: {
            baseUrl: server.baseUrl,
            joinCode: s.joinCode,
            indices: ids[i] ?? [],
            first,
            total: count,
            startAt,
            windowMs: within,
            timeoutMs: 60_000,
          },
        }))
      }
      const early = await withTimeout(arrive(total, EARLY_ARRIVALS, now(), 1000), 60_000, 'early arrivals')
      if (early.some((e) => e.errors > 0))
        throw new Error(`early arrivals failed: ${early.flatMap((e) => e.errorSamples).join('; ')}`)
      const cpu = new CpuSplit(
        () => [server.pid],
        () => workers.pids(),
      )
      const startAt = now() + 500
      const storm = arrive(0, total, startAt, windowMs)
      await sleep(Math.max(0, startAt - now()))
      cpu.start()
      const done = await withTimeout(storm, windowMs + 120_000, 'join storm')
      const seconds = (now() - startAt) / 1000
      const reading = cpu.read()
      const cpuFigures = cpuFiguresOf(reading)
      const durations = latencyOf(done.map((d) => d.durations))
      const joined = done.reduce((n, d) => n + d.durations.length, 0)
      const errors = done.reduce((n, d) => n + d.errors, 0)
      const samples = done.flatMap((d) => d.errorSamples).slice(0, 5)
      ctx.results.add(
        'convene',
        'join-storm',
        {
          participants: joined,
          groups: 0,
          latencyMs: durations,
          deliveredPerSec: round(joined / seconds, 1),
          ...cpuFigures,
          serverRssMbPeak: round(rss.stop(), 1),
          errors,
          lostConfirmedEdits: null,
          sentPerSec: round(total / (windowMs / 1000), 1),
          serverCpuUsPerDelivery: 0,
          limit: limitOf(reading, 1, 1),
          details: {
            joinToSyncedMs: { p50: durations.p50, p95: durations.p95, p99: durations.p99 },
            stormSeconds: round(seconds, 1),
            facilitatorEvents: Object.fromEntries(s.facilitatorEvents),
            ...(samples.length ? { errorSamples: samples } : {}),
          },
        },
        ['latencyMs is the time from the join request to the group notes synced; deliveredPerSec is joins/s'],
      )
      log(
        `  ${joined}/${total} synced; join→synced p50 ${durations.p50} ms, p95 ${durations.p95} ms, p99 ${durations.p99} ms; ` +
          `server ${cpuFigures.serverCpuPercent}% gen ${cpuFigures.generatorCpuPercent}%; errors ${errors}`,
      )
    } finally {
      session?.facilitator.close()
      await workers.close()
    }
  })
}
