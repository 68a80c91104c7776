/**
 * phone: one phone on a slow mobile link loads the join page, joins, and opens the group page when the facilitator
 * starts a whole-room round. Real Chromium (playwright-core, the system browser the browser tests use) against our
 * server serving the built client.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, CDPSession, Page } from 'playwright-core'
import { launchBrowser, PHONE } from '../../tests/helpers/browser.ts'
import { now, percentile, round } from '../lib/common.ts'
import { connectSocket, createSession, startRound } from '../lib/convene.ts'
import { CPU_NOT_MEASURED } from '../lib/figures.ts'
import { fmt, log } from '../lib/log.ts'
import { ROOT, type ServerProcess, withServer } from '../lib/servers.ts'
import type { Measured, PhoneRun } from '../report/results.ts'
import type { BenchContext } from './context.ts'

const CLIENT_DIR = join(ROOT, 'dist/client')
/** The phone: 1.5 Mbit/s down, 750 kbit/s up, 300 ms round trip (CDP takes bytes per second). */
const NETWORK = { offline: false, latency: 300, downloadThroughput: 1.5e6 / 8, uploadThroughput: 750e3 / 8 }
const STEP_TIMEOUT_MS = 60_000

/** Bytes a page received, counted from CDP's Network events: JavaScript, and everything. */
class Transfers {
  private readonly scripts = new Set<string>()
  jsBytes = 0
  allBytes = 0

  constructor(cdp: CDPSession) {
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script' || e.response.mimeType.includes('javascript')) this.scripts.add(e.requestId)
    })
    cdp.on('Network.loadingFinished', (e) => {
      this.allBytes += e.encodedDataLength
      if (this.scripts.has(e.requestId)) this.jsBytes += e.encodedDataLength
    })
  }

  /** JavaScript and everything received so far, in KB. */
  kb(): { js: number; all: number } {
    return { js: round(this.jsBytes / 1024, 1), all: round(this.allBytes / 1024, 1) }
  }
}

/**
 * A copy of the client built from this checkout (about 10 s), so that a rebuild meanwhile (another `npm test` on
 * this checkout) cannot swap the chunks under a page that is loading. The caller removes it. Always built: an
 * older build, from before a protocol change, fails to join the server measured.
 */
function snapshotClient(): string {
  log('  building the client (npx vite build)')
  const build = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'ignore' })
  if (build.status !== 0) throw new Error(`vite build exited with ${build.status}`)
  const copy = mkdtempSync(join(tmpdir(), 'convene-bench-client-'))
  cpSync(CLIENT_DIR, copy, { recursive: true })
  return copy
}

/** Resolves once the button labelled `label` is visible and enabled; returns the page's clock then (ms since navigation). */
async function buttonUsableAt(page: Page, label: string): Promise<number> {
  const at = await page.waitForFunction(
    (text) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text)
      return button && !button.disabled && button.checkVisibility() ? performance.now() : 0
    },
    label,
    { polling: 'raf', timeout: STEP_TIMEOUT_MS },
  )
  return (await at.jsonValue()) as number
}

/** Resolves once the group notes editor is visible. */
async function editorShown(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('[contenteditable][aria-label="Discussion notes"]')?.checkVisibility() === true,
    undefined,
    { polling: 'raf', timeout: STEP_TIMEOUT_MS },
  )
}

/** One phone, in a fresh context: the join page until usable, the join, then the round until the editor shows. */
async function loadOnce(browser: Browser, server: ServerProcess): Promise<PhoneRun> {
  const session = await createSession(server.baseUrl)
  const facilitator = await connectSocket(server.baseUrl, session.facilitatorToken)
  const context = await browser.newContext(PHONE)
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', NETWORK)
    const transfers = new Transfers(cdp)

    await page.goto(`${server.baseUrl}/j/${session.joinCode}`, { waitUntil: 'commit' })
    const joinUsableMs = round(await buttonUsableAt(page, 'Join'), 0)
    const joinKb = transfers.kb()

    await page.getByRole('button', { name: 'Join', exact: true }).click()
    await page.getByRole('heading', { name: "You're in" }).waitFor({ timeout: STEP_TIMEOUT_MS })
    const roundAt = now()
    await startRound(facilitator, 8, 'whole-room')
    await editorShown(page)
    const editorShownMs = round(now() - roundAt, 0)
    const groupKb = transfers.kb()
    return {
      joinUsableMs,
      joinJsKb: joinKb.js,
      joinAllKb: joinKb.all,
      editorShownMs,
      groupJsKb: groupKb.js,
      groupAllKb: groupKb.all,
    }
  } finally {
    facilitator.close()
    await context.close()
  }
}

/** The median of some figures. */
function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  )
}

/** What the phone runs measured, as one result; the budget is judged on the slowest run (a failed run misses it). */
function measured(done: PhoneRun[], failures: string[], rssMb: number): Measured {
  const joinUsable = done.map((r) => r.joinUsableMs)
  return {
    participants: 1,
    groups: 1,
    latencyMs: { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN },
    deliveredPerSec: 0,
    ...CPU_NOT_MEASURED,
    serverRssMbPeak: round(rssMb, 1),
    errors: failures.length,
    lostConfirmedEdits: null,
    sentPerSec: 0,
    serverCpuUsPerDelivery: 0,
    limit: 'none',
    details: {
      network: NETWORK,
      viewport: PHONE.viewport,
      joinUsableMsMedian: median(joinUsable),
      joinUsableMsMax: failures.length ? Number.NaN : Math.max(...joinUsable),
      editorShownMsMedian: median(done.map((r) => r.editorShownMs)),
      runs: done,
      ...(failures.length ? { failures } : {}),
    },
  }
}

const NOTES = [
  'joinUsableMs: navigation start to the Join button visible and enabled (page clock)',
  'editorShownMs: the facilitator starting a whole-room round (room:snapshot, agenda:save, round:start) to the group notes editor visible',
  'KB are bytes received (CDP encodedDataLength) since the navigation, so the group figures include the join page',
]

/** Loads the pages `runs` times (3; 1 with --quick), each in a fresh context on a fresh session. */
export async function phone(ctx: BenchContext): Promise<void> {
  const runs = ctx.quick ? 1 : 3
  log(
    `\n== phone: join page and group page in Chromium at 360x740, 1.5/0.75 Mbit/s, 300 ms RTT (${runs} runs)`,
  )
  const clientDir = snapshotClient()
  try {
    await withServer(
      'convene',
      'phone',
      { cpuProfDir: ctx.cpuProfDir, clientDir },
      async ({ server, rss }) => {
        const browser = await launchBrowser()
        const done: PhoneRun[] = []
        const failures: string[] = []
        try {
          for (let i = 0; i < runs; i++) {
            try {
              const run = await loadOnce(browser, server)
              done.push(run)
              log(
                `  join usable ${run.joinUsableMs} ms (${run.joinJsKb} KB JS, ${run.joinAllKb} KB in all); ` +
                  `editor shown ${run.editorShownMs} ms after the round started (${run.groupJsKb} KB JS, ${run.groupAllKb} KB in all)`,
              )
            } catch (error) {
              failures.push(String(error).slice(0, 500))
              log(`  run ${i + 1} failed: ${String(error)}`)
            }
          }
        } finally {
          await browser.close()
        }
        const result = measured(done, failures, rss.stop())
        ctx.results.add('convene', 'phone', result, NOTES)
        log(
          `  median: join usable ${fmt(result.details?.joinUsableMsMedian as number)} ms, ` +
            `editor shown ${fmt(result.details?.editorShownMsMedian as number)} ms`,
        )
      },
    )
  } finally {
    rmSync(clientDir, { recursive: true, force: true })
  }
}
