import { existsSync } from 'node:fs'
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core'

/** The Chromium the browser tests drive: the system one, or CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Flags for a quiet, reproducible headless run that never reaches out to the network on its own. */
const BASE_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-proxy-server',
]

/**
 * Why the browser tests cannot run here, or null when they can. With CI set, a missing Chromium is an error:
 * a CI run that silently skipped its browser tests would pass without testing the product.
 */
export function browserSkipReason(): string | null {
  if (existsSync(CHROMIUM_PATH)) return null
  const reason = `Chromium not found at ${CHROMIUM_PATH}: browser tests skipped (set CHROMIUM_PATH, or install chromium)`
  if (process.env.CI) throw new Error(`${reason.split(':')[0]}, and CI is set: the browser tests must run.`)
  const bar = '!'.repeat(reason.length + 8)
  console.warn(`\n${bar}\n!!! ${reason} !!!\n${bar}\n`)
  return reason
}

/** Launches Chromium with a fresh temporary profile (Playwright makes and removes it). */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...BASE_ARGS, ...extraArgs],
  })
}

/** A laptop: the facilitator's or the projector's screen. */
export const LAPTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: 'en-US' }

/** A 360-pixel-wide phone with touch. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'en-US',
}

/** A new browser context (one per person: no shared storage, no shared BroadcastChannel). */
export function newPerson(browser: Browser, options: BrowserContextOptions): Promise<BrowserContext> {
  return browser.newContext(options)
}
