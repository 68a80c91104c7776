import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AppDeps, createApp } from '../../server/app.ts'
import { createLogger } from '../../server/logger.ts'
import { createSqliteStore } from '../../server/store/sqlite/index.ts'
import type { Store } from '../../server/store/types.ts'
import type { RoomSnapshot } from '../../shared/protocol.ts'
import type { RoomState } from '../../shared/rounds.ts'
import { browserSkipReason, LAPTOP, launchBrowser, PHONE } from '../helpers/browser.ts'
import { connect, createSession, joinSession, request } from '../helpers/clients.ts'
import { checkPage, type E2eServer, screenshot } from './support.ts'

const skip = browserSkipReason()

const SECTORS = ['Law enforcement', 'Faith-based', 'Nonprofit services']
const PEOPLE = [
  { name: 'Alice', sector: 'Law enforcement' },
  { name: 'Bruno', sector: 'Faith-based' },
  { name: 'Chen', sector: 'Nonprofit services' },
  { name: 'Dana', sector: 'Law enforcement' },
  { name: 'Eli', sector: 'Faith-based' },
  { name: 'Fatima', sector: 'Nonprofit services' },
]
const COUNTDOWN = /^\d{1,2}:\d{2}$/

/** Reads a m:ss countdown as seconds. */
const seconds = (text: string | null) => {
  const [m, s] = (text ?? '').trim().split(':').map(Number)
  return (m ?? 0) * 60 + (s ?? 0)
}

/**
 * Like support.ts's startE2eServer, but keeps the store, so the test can let a paused round's time run down on the
 * server (the clock every screen counts from) instead of waiting twenty minutes.
 */
async function startRoundsServer(): Promise<E2eServer & { store: Store }> {
  const dir = mkdtempSync(join(tmpdir(), 'convene-e2e-rounds-'))
  const store = createSqliteStore(join(dir, 'convene.sqlite'))
  const deps: AppDeps = {
    store,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    clientDir: join(process.cwd(), 'dist/client'),
  }
  const app = createApp(deps)
  await new Promise<void>((resolve, reject) => {
    app.httpServer.once('error', reject)
    app.httpServer.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = app.httpServer.address() as AddressInfo
  const baseUrl = `http://127.0.0.1:${port}`
  deps.publicUrl = baseUrl
  return {
    baseUrl,
    port,
    store,
    async close() {
      await app.close()
      await new Promise<void>((resolve) => app.httpServer.close(() => resolve()))
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

describe.skipIf(skip)('a breakout round, from the agenda to time up, in Chromium', () => {
  let server: E2eServer & { store: Store }
  let browser: Browser
  const contexts: BrowserContext[] = []
  const problems: string[] = []

  const person = async (options: typeof LAPTOP): Promise<Page> => {
    const context = await browser.newContext(options)
    context.setDefaultTimeout(60_000)
    contexts.push(context)
    const page = await context.newPage()
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    if (process.env.ROUNDS_DEBUG)
      page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()))
    return page
  }

  /** Sets how much time a paused round has left, as if it had run down on the server. */
  const setPausedRemaining = async (sessionId: string, ms: number) => {
    const round = (await server.store.rooms.listRounds(sessionId)).find((r) => r.status === 'paused')
    if (!round) throw new Error('no paused round')
    await server.store.rooms.saveRound({ ...round, remainingMs: ms })
  }

  beforeAll(async () => {
    server = await startRoundsServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    if (process.env.ROUNDS_DEBUG) {
      let n = 0
      for (const context of contexts)
        for (const page of context.pages()) await screenshot(page, `debug-${n++}`).catch(() => {})
    }
    for (const context of contexts) await context.close().catch(() => {})
    await browser?.close()
    await server?.close()
  })

  it('runs a sector-balanced round with a countdown, a broadcast, an extension, a move, time up and the end', {
    timeout: 480_000,
  }, async () => {
    const created = await createSession(server.baseUrl, { sectors: SECTORS, anonymity: 'named' })

    // The facilitator plans the agenda on a laptop.
    const facilitator = await person(LAPTOP)
    await facilitator.goto(created.facilitatorUrl)
    await facilitator.getByRole('heading', { name: 'Agenda' }).waitFor()
    await facilitator.getByText('No rounds planned yet. Add one, or start from a template.').waitFor()

    // Six phones, each in its own browser context. (The join page has its own test; here each phone gets the seat
    // the join page would have left it.)
    const phones: Page[] = []
    for (const { name, sector } of PEOPLE) {
      const joined = await joinSession(server.baseUrl, created.joinCode, { displayName: name, sector })
      const phone = await person(PHONE)
      await phone.addInitScript(
        ([key, seat]) => window.localStorage.setItem(key as string, seat as string),
        [
          `convene:participant:${created.sessionId}`,
          JSON.stringify({ participantId: joined.participantId, token: joined.participantToken }),
        ],
      )
      await phone.goto(`${server.baseUrl}/s/${created.sessionId}`)
      await phone.getByRole('heading', { name: "You're in" }).waitFor()
      phones.push(phone)
    }
    const [alice, bruno] = phones as [Page, Page]
    await facilitator.getByTestId('lobby-count').getByText('6 people have joined').waitFor()

    await facilitator.getByRole('button', { name: 'Add a round' }).click()
    // Focus lands in the new round's title.
    expect(await facilitator.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^round-title-/)
    await facilitator.getByLabel('Title', { exact: true }).fill('Where should we go next?')
    await facilitator.getByLabel('Prompts').fill('What is working today?\nWhat gap worries you most?')
    await facilitator.getByLabel('Minutes', { exact: true }).fill('20')
    await facilitator.getByLabel('People per table').fill('3')
    await facilitator.getByLabel('How tables are formed').selectOption('sector-balanced')
    await facilitator.getByText("Each table mirrors the room's mix of sectors").waitFor()
    await facilitator.getByRole('button', { name: 'Save agenda' }).click()
    await facilitator.getByText('Agenda saved.').waitFor()
    await facilitator
      .getByTestId('planned-end')
      .getByText(/Planned end .* · 20 min to go/)
      .waitFor()
    problems.push(...(await checkPage(facilitator, 'rounds-laptop-agenda')))

    // The projector, for late arrivals and the room's clock.
    const projector = await person(LAPTOP)
    await projector.goto(created.projectorUrl)
    await projector.getByTestId('projector-code').waitFor()

    // Run: start the round.
    await facilitator.getByTestId('moment-run').click()
    await facilitator.getByText('Up next · round 1 of 1').waitFor()
    await facilitator.getByRole('button', { name: 'Start round' }).click()
    const runClock = facilitator.getByTestId('run-countdown')
    await expect.poll(async () => seconds(await runClock.textContent())).toBeGreaterThan(15 * 60)

    // Two tables of three, each with all three sectors.
    const cards = facilitator.getByTestId('group-card')
    await expect.poll(() => cards.count(), { timeout: 30_000 }).toBe(2)
    for (const card of await cards.all()) {
      expect(await card.getByTestId('member-row').count()).toBe(3)
      const text = (await card.textContent()) ?? ''
      for (const sector of SECTORS) expect(text).toContain(sector)
    }
    await facilitator.getByTestId('live-summary').getByText('2 tables · 6 people · 6 online').waitFor()

    // Every phone shows its table, the prompts and a running countdown.
    const tableOf = new Map<string, string>()
    for (const [i, phone] of phones.entries()) {
      const table = phone.getByTestId('my-table')
      await table.waitFor()
      tableOf.set(PEOPLE[i]?.name ?? '', ((await table.textContent()) ?? '').trim())
      await phone.getByText('What gap worries you most?').waitFor()
      const text = await phone.getByTestId('countdown').textContent()
      expect(text?.trim()).toMatch(COUNTDOWN)
      expect(seconds(text)).toBeGreaterThan(15 * 60)
    }
    expect(new Set(tableOf.values())).toEqual(new Set(['Table 1', 'Table 2']))
    await alice.getByRole('heading', { name: /At your table \(3 people\)/ }).waitFor()
    await alice.getByText('Alice (you)').waitFor()
    for (const [i, phone] of phones.entries())
      problems.push(...(await checkPage(phone, `rounds-phone-${i + 1}-round`)))

    await projector.getByTestId('projector-round').waitFor()
    await projector.getByText('What is working today?').waitFor()
    expect(seconds(await projector.getByTestId('projector-countdown').textContent())).toBeGreaterThan(15 * 60)
    problems.push(...(await checkPage(projector, 'rounds-projector')))

    // A broadcast reaches every phone and the projector; a phone can dismiss it.
    const message = 'Five more minutes, then pick your top idea'
    await facilitator.getByLabel('Message', { exact: true }).fill(message)
    await facilitator.getByRole('button', { name: 'Send' }).click()
    await facilitator.getByText('Sent to Every table.').waitFor()
    for (const phone of phones) await phone.getByTestId('broadcast-banner').getByText(message).waitFor()
    await projector.getByTestId('broadcast-banner').getByText(message).waitFor()
    await expect
      .poll(() => alice.getByTestId('round-announcer').textContent(), { timeout: 10_000 })
      .toContain(message)
    problems.push(...(await checkPage(alice, 'rounds-phone-broadcast')))
    await bruno.getByRole('button', { name: `Dismiss the message: ${message}` }).click()
    await bruno.getByTestId('broadcast-banner').waitFor({ state: 'detached' })

    // An extension: every screen counts from the new deadline.
    const before = seconds(await runClock.textContent())
    await facilitator.getByRole('button', { name: '+1 min' }).click()
    await expect
      .poll(async () => seconds(await runClock.textContent()), { timeout: 10_000 })
      .toBeGreaterThan(before + 40)
    for (const phone of phones)
      await expect
        .poll(async () => seconds(await phone.getByTestId('countdown').textContent()), { timeout: 10_000 })
        .toBeGreaterThan(before + 40)
    await facilitator
      .getByTestId('action-log')
      .getByText(/added 1 minute to/)
      .waitFor()

    // A move by keyboard: focus follows the person; their phone switches live.
    const aliceTable = tableOf.get('Alice') as string
    const otherTable = aliceTable === 'Table 1' ? 'Table 2' : 'Table 1'
    await facilitator.getByRole('button', { name: 'Move to… Alice' }).click()
    const select = facilitator.getByLabel('Table for Alice')
    expect(await select.evaluate((el) => el === document.activeElement)).toBe(true)
    await select.selectOption({ label: `${otherTable} (3 people)` })
    await facilitator.getByRole('button', { name: 'Move', exact: true }).click()
    await alice.getByTestId('my-table').getByText(otherTable).waitFor()
    await expect
      .poll(
        () =>
          facilitator.evaluate(() => {
            const el = document.activeElement
            return el?.getAttribute('data-testid') === 'member-row' ? (el.textContent ?? '') : ''
          }),
        { timeout: 10_000 },
      )
      .toContain('Alice')
    await expect
      .poll(() => alice.getByTestId('round-announcer').textContent(), { timeout: 10_000 })
      .toContain(`moved to ${otherTable}`)
    problems.push(...(await checkPage(facilitator, 'rounds-laptop-run')))
    await facilitator
      .getByTestId('group-grid')
      .screenshot({ path: 'tests/e2e/screenshots/rounds-laptop-live.png' })

    // Pause and resume; while paused, the round's time runs down on the server to just over two minutes.
    await facilitator.getByRole('button', { name: 'Pause' }).click()
    for (const phone of phones) await phone.getByText('Paused').waitFor()
    await setPausedRemaining(created.sessionId, 130_000)
    await facilitator.getByRole('button', { name: 'Resume' }).click()
    // Two minutes left: shown, and announced once.
    await alice.getByText('Two minutes left', { exact: true }).waitFor({ timeout: 30_000 })
    await expect
      .poll(() => alice.getByTestId('round-announcer').textContent(), { timeout: 10_000 })
      .toBe('Two minutes left in this round.')
    await projector.getByText('Two minutes left', { exact: true }).waitFor()

    // Then zero: "Time's up" on every phone (banner and announcement) and full screen on the projector.
    await facilitator.getByRole('button', { name: 'Pause' }).click()
    await alice.getByText('Paused').waitFor()
    await setPausedRemaining(created.sessionId, 3_000)
    await facilitator.getByRole('button', { name: 'Resume' }).click()
    for (const phone of phones) await phone.getByTestId('times-up').waitFor()
    await expect
      .poll(() => alice.getByTestId('round-announcer').textContent(), { timeout: 10_000 })
      .toBe("Time's up. Wrap up your last point.")
    expect((await alice.getByTestId('countdown').textContent())?.trim()).toBe('0:00')
    await projector.getByTestId('projector-times-up').waitFor()
    await facilitator.getByText("Time's up — end the round when the room is ready").waitFor()
    problems.push(...(await checkPage(alice, 'rounds-phone-times-up')))
    problems.push(...(await checkPage(projector, 'rounds-projector-times-up')))
    problems.push(...(await checkPage(facilitator, 'rounds-laptop-times-up')))

    // A reload shows the same state: everything is derived from the server's deadline.
    await bruno.reload()
    await bruno.getByTestId('times-up').waitFor()
    expect((await bruno.getByTestId('countdown').textContent())?.trim()).toBe('0:00')
    // In Spanish.
    await bruno.getByLabel('Language').selectOption('es')
    await bruno.getByTestId('times-up').getByText('Se acabó el tiempo').waitFor()
    await bruno.getByText('Mesa', { exact: false }).first().waitFor()
    problems.push(...(await checkPage(bruno, 'rounds-phone-es-times-up')))
    await bruno.getByLabel('Idioma').selectOption('en')

    // The facilitator ends the round: everyone is back in the room.
    await facilitator.getByRole('button', { name: 'End now' }).click()
    await facilitator.getByRole('button', { name: 'End round' }).click()
    await facilitator.getByText('“Where should we go next?” has ended.').waitFor()
    for (const phone of phones) {
      await phone.getByTestId('round-ended').waitFor()
      await phone.getByRole('heading', { name: "You're in" }).waitFor()
    }
    await projector.getByTestId('projector-code').waitFor()
    problems.push(...(await checkPage(alice, 'rounds-phone-ended')))
    await alice.setViewportSize({ width: 320, height: 640 })
    problems.push(...(await checkPage(alice, 'rounds-phone320-ended')))

    // Table cards: one per table, each with a QR code.
    const cardsPage = await facilitator.context().newPage()
    await cardsPage.goto(`${server.baseUrl}/f/${created.sessionId}/cards`)
    await cardsPage.getByLabel('Number of tables').fill('3')
    await expect.poll(() => cardsPage.locator('.table-card .qr svg').count(), { timeout: 10_000 }).toBe(3)
    problems.push(...(await checkPage(cardsPage, 'rounds-cards')))

    expect(problems).toEqual([])
  })

  it('shows fifty tables at a glance, and filters them', { timeout: 240_000 }, async () => {
    const created = await createSession(server.baseUrl, { sectors: SECTORS, anonymity: 'sector' })
    for (let i = 0; i < 150; i++)
      await joinSession(server.baseUrl, created.joinCode, { sector: SECTORS[i % 3] as string })
    const socket = await connect(server.baseUrl, created.facilitatorToken)
    try {
      const snap = await request<RoomSnapshot>(socket, 'room:snapshot')
      if (!snap.ok) throw new Error(snap.error.message)
      const saved = await request<RoomState>(socket, 'agenda:save', {
        expectedVersion: snap.data.state.version,
        rounds: [
          {
            title: 'Where next?',
            prompts: ['What is working?'],
            durationMinutes: 20,
            groupSize: 3,
            grouping: 'random',
          },
        ],
      })
      if (!saved.ok) throw new Error(saved.error.message)
      const started = await request<RoomState>(socket, 'round:start', {
        expectedVersion: saved.data.version,
        roundId: saved.data.rounds[0]?.id,
      })
      if (!started.ok) throw new Error(started.error.message)
    } finally {
      socket.close()
    }
    const facilitator = await person(LAPTOP)
    await facilitator.goto(created.facilitatorUrl)
    await facilitator.getByTestId('live-summary').getByText('50 tables · 150 people · 0 online').waitFor()
    expect(await facilitator.getByTestId('group-card').count()).toBe(50)
    expect(await facilitator.getByLabel('Compact').isChecked()).toBe(true)
    const grid = facilitator.getByTestId('group-grid')
    await screenshot(facilitator, 'rounds-laptop-live-50')
    // Fifty compact cards fit on about one laptop screen.
    expect((await grid.boundingBox())?.height ?? 0).toBeLessThan(800)
    await facilitator.getByLabel('Search').fill('Table 17')
    await expect.poll(() => facilitator.getByTestId('group-card').count()).toBe(1)
    problems.push(...(await checkPage(facilitator, 'rounds-laptop-live-search')))
    expect(problems).toEqual([])
  })
})
