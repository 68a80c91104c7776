/** restart-storm: the hall, with the server SIGKILLed 8 s into the typing and restarted on the same data and port. */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import {
  type LoadResult,
  now,
  percentile,
  round,
  type SeenResult,
  sleep,
  withTimeout,
} from '../lib/common.ts'
import { type ConveneSession, participantSpecs, setupSession } from '../lib/convene.ts'
import { confirmedBySender, unconverged, verifyStored } from '../lib/durability.ts'
import { CPU_NOT_MEASURED, latencyOf } from '../lib/figures.ts'
import { log } from '../lib/log.ts'
import { freePort, ServerProcess, withServer } from '../lib/servers.ts'
import { Workers } from '../lib/workers.ts'
import type { BenchContext } from './context.ts'
import { HALL_TYPING } from './load.ts'

const SQLITE_FILES = ['convene.sqlite', 'convene.sqlite-wal', 'convene.sqlite-shm']

/**
 * Measures the time until every client has resynced after the kill, and counts confirmed edits lost: those every
 * other member had applied before the kill, missing from a server started on a copy of the data taken at the kill.
 */
export async function restartStorm(ctx: BenchContext, groupSize = 7): Promise<void> {
  const participants = ctx.participants(200)
  log(`\n== restart-storm: hall of ${participants}, server SIGKILLed and restarted mid-typing`)
  await withServer('convene', 'restart', {}, async ({ server, rss, dataDir }) => {
    const copyDir = `${dataDir}-at-kill`
    let workers: Workers | null = null
    let session: ConveneSession | null = null
    try {
      session = await setupSession(server.baseUrl, participants, groupSize)
      const s = session
      workers = await Workers.start(ctx.workers, ctx.cpuProfDir)
      const w = workers
      const connected = await w.connect(participantSpecs(s, server.clientUrl))
      const { docOf } = connected
      await sleep(1000)

      const durationMs = 30_000
      const killAfterMs = 8_000
      const startAt = now() + 300
      const loads = w.all<LoadResult>(() => ({
        type: 'load',
        load: { schedule: HALL_TYPING, startAt, durationMs, settleMs: 5000 },
      }))
      await sleep(Math.max(0, startAt + killAfterMs - now()))
      const killedAt = now()
      await server.kill()
      mkdirSync(copyDir)
      for (const f of SQLITE_FILES)
        if (existsSync(join(dataDir, f))) copyFileSync(join(dataDir, f), join(copyDir, f))
      await sleep(300)
      const atKill = await w.all<SeenResult>(() => ({ type: 'seen' }))
      const confirmed = confirmedBySender(atKill, docOf)
      await server.restart()
      const restartedMs = now() - killedAt
      const done = await withTimeout(loads, durationMs + 120_000, 'restart storm load')
      const after = await w.all<SeenResult>(() => ({ type: 'seen' }))
      const resync: number[] = []
      let notResynced = 0
      for (const a of after)
        for (const [, at] of a.syncedAt) {
          if (at > killedAt) resync.push(at - killedAt)
          else notResynced++
        }
      resync.sort((a, b) => a - b)
      const missing = unconverged(after, docOf)
      const errors = connected.errors + notResynced + missing
      const serverRssMbPeak = round(rss.stop(), 1)
      await w.close()
      workers = null

      // What the server had on disk at the moment of the kill, read back by a server started on a copy of it.
      const verifier = await ServerProcess.start('convene', { port: await freePort(), dataDir: copyDir })
      let lost: number
      try {
        lost = await verifyStored(
          'convene',
          verifier,
          [...new Set(docOf.values())],
          confirmed,
          s.facilitatorToken,
        )
      } finally {
        await verifier.stop()
      }
      const everyoneMs = resync.length ? (resync.at(-1) as number) : Number.NaN
      const delivered = done.reduce((n, d) => n + d.delivered, 0)
      ctx.results.add(
        'convene',
        'restart-storm',
        {
          participants: docOf.size,
          groups: new Set(docOf.values()).size,
          latencyMs: latencyOf(done.map((d) => d.latencies)),
          deliveredPerSec: round(delivered / (durationMs / 1000), 0),
          ...CPU_NOT_MEASURED,
          serverRssMbPeak,
          errors,
          lostConfirmedEdits: lost,
          sentPerSec: round(done.reduce((n, d) => n + d.sent, 0) / (durationMs / 1000), 0),
          serverCpuUsPerDelivery: 0,
          limit: 'none',
          details: {
            everyoneResyncedMs: round(everyoneMs, 0),
            resyncMs: {
              p50: round(percentile(resync, 50), 0),
              p95: round(percentile(resync, 95), 0),
              max: round(everyoneMs, 0),
            },
            serverBackMs: round(restartedMs, 0),
            notResynced,
            unconvergedEdits: missing,
            confirmedAtKill: [...confirmed.values()].reduce((n, v) => n + v, 0),
          },
        },
        [
          'latency includes the outage; the figures that count are everyoneResyncedMs and lostConfirmedEdits',
          'lostConfirmedEdits: edits every other member had applied before the kill, missing from the server restarted on a copy of the data taken at the kill',
        ],
      )
      log(
        `  server back after ${round(restartedMs, 0)} ms; every client resynced after ${round(everyoneMs, 0)} ms ` +
          `(p50 ${round(percentile(resync, 50), 0)} ms); not resynced ${notResynced}; unconverged ${missing}; ` +
          `confirmed edits lost ${lost}`,
      )
    } finally {
      session?.facilitator.close()
      await workers?.close()
      rmSync(copyDir, { recursive: true, force: true })
    }
  })
}
