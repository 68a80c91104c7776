import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { type AppDeps, createApp } from '../../server/app.ts'
import { createLogger } from '../../server/logger.ts'
import { createSqliteStore } from '../../server/store/sqlite/index.ts'
import { type LAPTOP, launchBrowser } from '../helpers/browser.ts'

const ROOT = process.cwd()
/** Where the browser tests leave screenshots of every page (git-ignored). */
export const SCREENSHOT_DIR = join(ROOT, 'tests/e2e/screenshots')
const AXE_PATH = join(ROOT, 'node_modules/axe-core/axe.min.js')

/** A Convene server serving the built client, on 127.0.0.1 and a free port. */
export interface E2eServer {
  /** The address the browser uses: http://<host>:<port>. */
  baseUrl: string
  port: number
  close(): Promise<void>
}

/**
 * Starts the app in-process on a temp SQLite file. `host` is the name the browser reaches it by (the public URL),
 * which may be a name mapped to 127.0.0.1 with Chromium's --host-resolver-rules.
 */
export async function startE2eServer(host = '127.0.0.1'): Promise<E2eServer> {
  const dir = mkdtempSync(join(tmpdir(), 'convene-e2e-'))
  const deps: AppDeps = {
    store: createSqliteStore(join(dir, 'convene.sqlite')),
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    clientDir: join(ROOT, 'dist/client'),
  }
  const app = createApp(deps)
  await new Promise<void>((resolve, reject) => {
    app.httpServer.once('error', reject)
    app.httpServer.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = app.httpServer.address() as AddressInfo
  const baseUrl = `http://${host}:${port}`
  // The app reads publicUrl whenever it makes a link; the port is only known now.
  deps.publicUrl = baseUrl
  return {
    baseUrl,
    port,
    async close() {
      await app.close()
      await new Promise<void>((resolve) => app.httpServer.close(() => resolve()))
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The server and the browser of one describe block, and a fresh browser context for each person in it. */
export interface BrowserStage {
  readonly server: E2eServer
  /** A new page in its own context (own storage, own BroadcastChannel), as one person's device. */
  person(options: typeof LAPTOP): Promise<Page>
}

/**
 * Starts a server (reached as `host`) and Chromium (with `browserArgs`) before the block's tests and closes every
 * context, the browser and the server after them.
 */
export function browserStage(host?: string, browserArgs: string[] = []): BrowserStage {
  let server: E2eServer | undefined
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  beforeAll(async () => {
    server = await startE2eServer(host)
    browser = await launchBrowser(browserArgs)
  })
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {})
    await browser?.close()
    await server?.close()
  })
  return {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll')
      return server
    },
    async person(options) {
      if (!browser) throw new Error('the browser starts in beforeAll')
      const context = await browser.newContext(options)
      contexts.push(context)
      return context.newPage()
    },
  }
}

/** Saves a full-page screenshot as tests/e2e/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[]
}

/** Runs axe-core on the page and returns its serious and critical violations, readable in a failure message. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH })
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run(),
  )) as AxeResult
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/** Whether the page scrolls sideways (it must not, down to 320 px). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)
}

/** Screenshot, axe and the no-sideways-scroll check for one page state; returns the problems found. */
export async function checkPage(page: Page, name: string): Promise<string[]> {
  await screenshot(page, name)
  const problems = (await seriousA11yViolations(page)).map((v) => `${name}: ${v}`)
  if (await scrollsSideways(page)) problems.push(`${name}: scrolls sideways`)
  return problems
}
