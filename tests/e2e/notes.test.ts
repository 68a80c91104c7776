import { gzipSync } from 'node:zlib'
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RoomSnapshot } from '../../shared/protocol.ts'
import type { RoomState } from '../../shared/rounds.ts'
import { browserSkipReason, LAPTOP, launchBrowser, PHONE } from '../helpers/browser.ts'
import { type connect as Connect, connect, createSession, joinSession, request } from '../helpers/clients.ts'
import { checkPage, type E2eServer, screenshot, scrollsSideways, startE2eServer } from './support.ts'

const skip = browserSkipReason()
const SECTORS = ['Transport', 'Faith-based', 'Nonprofit services']

/** A phone whose Socket.IO connection runs through a proxy the test can cut, as venue Wi-Fi does. */
interface Phone {
  page: Page
  context: BrowserContext
  /** Drops the open connection and refuses new ones until `online()`. */
  offline(): Promise<void>
  online(): void
  /** Every script and stylesheet the phone loaded, with its gzipped size. */
  assets: Map<string, number>
}

const status = (page: Page) => page.getByTestId('notes-status')
const waitForStatus = (page: Page, state: string, timeout = 20_000) =>
  page.locator(`[data-testid="notes-status"][data-state="${state}"]`).waitFor({ timeout })
const editor = (page: Page) => page.getByRole('textbox', { name: 'Discussion notes' })
/** The discussion notes as HTML, without the others' carets (which differ per phone). */
const discussionHtml = (page: Page) =>
  editor(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement
    for (const caret of copy.querySelectorAll('.collab-caret, .ProseMirror-yjs-selection'))
      caret.replaceWith(...caret.childNodes)
    for (const caret of copy.querySelectorAll('.collab-caret')) caret.remove()
    return copy.innerHTML
  })
const pointTexts = (page: Page) =>
  page
    .getByTestId('key-point')
    .evaluateAll((items) =>
      items.map(
        (li) => (li.querySelector('textarea') as HTMLTextAreaElement | null)?.value ?? li.textContent,
      ),
    )

/**
 * Screenshot, axe on the notes only, and the sideways-scroll check: on the facilitator's page the notes share the
 * screen with the live view, whose own checks live in its tests.
 */
async function checkNotes(page: Page, name: string): Promise<string[]> {
  await screenshot(page, name)
  const result = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe?: { run: (c: unknown) => Promise<unknown> } }).axe
    return axe ? axe.run({ include: [['.group-notes']] }) : null
  })) as { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] } | null
  if (!result) throw new Error('axe is not loaded: run checkPage on this page first')
  const problems = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${name}: ${v.impact} ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  if (await scrollsSideways(page)) problems.push(`${name}: scrolls sideways`)
  return problems
}

describe.skipIf(skip)('group notes on two phones, through the server only', () => {
  let server: E2eServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const sockets: Awaited<ReturnType<typeof Connect>>[] = []
  const problems: string[] = []

  beforeAll(async () => {
    server = await startE2eServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    for (const socket of sockets) socket.close()
    for (const context of contexts) await context.close().catch(() => {})
    await browser?.close()
    await server?.close()
  })

  const openPhone = async (
    sessionId: string,
    seat: { participantId: string; token: string },
  ): Promise<Phone> => {
    const context = await browser.newContext(PHONE)
    contexts.push(context)
    let cut = false
    const routes = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>()
    // Every Socket.IO WebSocket goes through here; cutting closes both ends, like a dropped Wi-Fi link.
    await context.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (cut) {
        void ws.close()
        return
      }
      const upstream = ws.connectToServer()
      const pair = { page: ws, server: upstream }
      routes.add(pair)
      ws.onClose(() => routes.delete(pair))
    })
    // Socket.IO may fall back to long polling: while cut, that fails too.
    await context.route(/\/socket\.io\//, (route) =>
      cut ? route.abort('internetdisconnected') : route.continue(),
    )
    await context.addInitScript(
      ([key, value]) => {
        if (!window.localStorage.getItem(key as string))
          window.localStorage.setItem(key as string, value as string)
      },
      [`convene:participant:${sessionId}`, JSON.stringify({ ...seat, language: 'en' })],
    )
    const page = await context.newPage()
    if (process.env.NOTES_E2E_TRACE) {
      page.on('pageerror', (error) => console.info('page error:', error.message))
      page.on('console', (message) => message.type() === 'error' && console.info('console:', message.text()))
    }
    const assets = new Map<string, number>()
    page.on('response', async (response) => {
      const url = response.url()
      if (!/\.(js|css)$/.test(url)) return
      const body = await response.body().catch(() => null)
      if (body) assets.set(new URL(url).pathname, gzipSync(body).length)
    })
    return {
      page,
      context,
      assets,
      async offline() {
        cut = true
        for (const pair of [...routes]) {
          await pair.server.close().catch(() => {})
          await pair.page.close().catch(() => {})
        }
        routes.clear()
      },
      online() {
        cut = false
      },
    }
  }

  it('two phones write key points and notes live, one goes offline, reloads, comes back, and both converge', async () => {
    const t0 = Date.now()
    const step = (name: string) =>
      process.env.NOTES_E2E_TRACE && console.info(`${Date.now() - t0} ms: ${name}`)
    const created = await createSession(server.baseUrl, {
      title: 'Notes night',
      sectors: SECTORS,
      anonymity: 'named',
    })
    const alice = await joinSession(server.baseUrl, created.joinCode, {
      displayName: 'Alice',
      sector: 'Transport',
    })
    const bruno = await joinSession(server.baseUrl, created.joinCode, {
      displayName: 'Bruno',
      sector: 'Faith-based',
    })
    const seat = (j: typeof alice) => ({ participantId: j.participantId, token: j.participantToken })

    const phoneA = await openPhone(created.sessionId, seat(alice))
    const phoneB = await openPhone(created.sessionId, seat(bruno))
    const a = phoneA.page
    const b = phoneB.page
    await a.goto(`${server.baseUrl}/s/${created.sessionId}`)
    await b.goto(`${server.baseUrl}/s/${created.sessionId}`)
    await a.getByRole('heading', { name: "You're in" }).waitFor()
    await b.getByRole('heading', { name: "You're in" }).waitFor()
    step('The lobby does not load the rich-text')
    // The lobby does not load the rich-text editor: it comes with the notes.
    expect([...phoneA.assets.keys()].some((path) => path.includes('DiscussionEditor'))).toBe(false)

    step('The facilitator, from Node, plans one')
    // The facilitator, from Node, plans one whole-room round and starts it.
    const facilitator = await connect(server.baseUrl, created.facilitatorToken)
    sockets.push(facilitator)
    const snap = await request<RoomSnapshot>(facilitator, 'room:snapshot')
    if (!snap.ok) throw new Error(snap.error.message)
    const agenda = await request<RoomState>(facilitator, 'agenda:save', {
      expectedVersion: snap.data.state.version,
      rounds: [
        {
          title: 'Getting around',
          prompts: ['What would make getting here easier?'],
          durationMinutes: 20,
          groupSize: 10,
          grouping: 'whole-room',
        },
      ],
    })
    if (!agenda.ok) throw new Error(agenda.error.message)
    const roundId = agenda.data.rounds[0]?.id as string
    const started = await request<RoomState>(facilitator, 'round:start', {
      expectedVersion: agenda.data.version,
      roundId,
    })
    if (!started.ok) throw new Error(started.error.message)
    const room = await request<RoomSnapshot>(facilitator, 'room:snapshot')
    if (!room.ok) throw new Error(room.error.message)
    const docName = room.data.groups[0]?.docName as string
    expect(docName).toBeTruthy()

    step('Both phones show the notes, connected')
    // Both phones show the notes, connected, with nothing to save.
    await waitForStatus(a, 'saved')
    await waitForStatus(b, 'saved')
    await editor(a).waitFor()
    await editor(b).waitFor()
    // What a phone downloads for the group page, gzipped: the editor comes on its own, after the page shows.
    const sizes = [...phoneA.assets]
    const editorBytes = sizes
      .filter(([path]) => path.includes('DiscussionEditor'))
      .reduce((n, [, b]) => n + b, 0)
    const pageBytes = sizes.reduce((n, [, b]) => n + b, 0) - editorBytes
    console.info(
      `group page: ${Math.round(pageBytes / 1024)} KB + editor ${Math.round(editorBytes / 1024)} KB gzipped`,
    )
    expect(editorBytes).toBeGreaterThan(0)
    expect(pageBytes).toBeLessThan(250 * 1024)
    await a.getByRole('listitem').filter({ hasText: 'Bruno' }).first().waitFor()

    step('A key point from phone A, one field a')
    // A key point from phone A, one field and one button, reaches phone B with its author as the server stamped it.
    await a.getByLabel('New key point').fill('Late buses stop at nine')
    await a.getByRole('radio', { name: 'Concern' }).check()
    await a.getByRole('button', { name: 'Add point' }).click()
    await waitForStatus(a, 'saved')
    const bPoint = b.getByRole('textbox', { name: /^Concern, point / })
    await expect.poll(() => bPoint.inputValue()).toBe('Late buses stop at nine')
    await b.getByTestId('key-point').getByText('by Alice · Transport').waitFor()

    step("Phone B adds a question and edits A's")
    // Phone B adds a question and edits A's point in place; A sees both, its caret where it was.
    await b.getByLabel('New key point').fill('Could the church van help?')
    await b.getByRole('radio', { name: 'Question' }).check()
    await b.getByLabel('New key point').press('Enter')
    await bPoint.click()
    await bPoint.press('End')
    await bPoint.pressSequentially(' on weekdays')
    await waitForStatus(b, 'saved')
    await expect
      .poll(() => pointTexts(a))
      .toEqual(['Late buses stop at nine on weekdays', 'Could the church van help?'])

    step("Reorder with the keyboard: B's questi")
    // Reorder with the keyboard: B's question moves up on A's phone too.
    await b.getByRole('button', { name: 'Move point 2 up' }).click()
    await expect
      .poll(() => pointTexts(a))
      .toEqual(['Could the church van help?', 'Late buses stop at nine on weekdays'])
    await waitForStatus(b, 'saved')

    step('Delete with undo: "Saved" waits for t')
    // Delete with undo: "Saved" waits for the server to confirm the deletion too.
    await a.getByRole('button', { name: 'Delete point 1' }).click()
    await expect.poll(() => pointTexts(b)).toEqual(['Late buses stop at nine on weekdays'])
    await waitForStatus(a, 'saved')
    await a.getByRole('button', { name: 'Undo' }).click()
    await expect
      .poll(() => pointTexts(b))
      .toEqual(['Could the church van help?', 'Late buses stop at nine on weekdays'])
    await waitForStatus(a, 'saved')

    step('Discussion notes, rich text: a headin')
    // Discussion notes, rich text: a heading and a paragraph from A, a line from B; each sees the other's caret.
    await editor(a).click()
    step('editor clicked')
    await a.getByRole('button', { name: 'Heading' }).click()
    await a.keyboard.type('Transport')
    await a.keyboard.press('Enter')
    await a.keyboard.type('Buses after nine are the main gap.')
    step('typed')
    await waitForStatus(a, 'saved')
    step('saved')
    await b.locator('.discussion-content h4').getByText('Transport').waitFor()
    step('heading seen')
    await editor(b).locator('p').last().click()
    await b.keyboard.press('End')
    await b.keyboard.press('Enter')
    await b.keyboard.type('Ask the council.')
    await waitForStatus(b, 'saved')
    await a.locator('.discussion-content').getByText('Ask the council.').waitFor()
    step('carets')
    await a.locator('.collab-caret-label').filter({ hasText: 'Bruno' }).waitFor()
    await b.locator('.collab-caret-label').filter({ hasText: 'Alice' }).waitFor()
    problems.push(...(await checkPage(a, 'phone-notes')))

    step('Phone A loses its connection and keep')
    // Phone A loses its connection and keeps typing: the status says so, and the phone keeps the changes.
    await phoneA.offline()
    await waitForStatus(a, 'offline')
    await expect(status(a).textContent()).resolves.toBe(
      'Offline: your changes are kept on this phone and will sync',
    )
    await a.getByLabel('New key point').fill('Share rides from the library')
    await a.getByRole('radio', { name: 'Action' }).check()
    await a.getByRole('button', { name: 'Add point' }).click()
    await editor(a).locator('p').last().click()
    await a.keyboard.press('End')
    await a.keyboard.press('Enter')
    await a.keyboard.type('Typed while offline.')
    await waitForStatus(a, 'offline')
    problems.push(...(await checkPage(a, 'phone-notes-offline')))
    step('Meanwhile B writes too; A cannot see ')
    // Meanwhile B writes too; A cannot see it yet.
    await b.getByLabel('New key point').fill('Map the bus stops')
    await b.getByRole('button', { name: 'Add point' }).click()
    await waitForStatus(b, 'saved')
    expect(await pointTexts(a)).not.toContain('Map the bus stops')

    step('A reloads while still offline: what i')
    // A reloads while still offline: what it typed is kept on the phone, not lost.
    await a.reload()
    const kept = await a.evaluate((key) => window.localStorage.getItem(key), `convene:offline-doc:${docName}`)
    expect(kept).toBeTruthy()
    await a.waitForTimeout(500)

    step("Back online: A's offline work reaches")
    // Back online: A's offline work reaches B, B's reaches A, and A says "Saved" only once the server has it.
    phoneA.online()
    await waitForStatus(a, 'saved', 30_000)
    const expectedPoints = [
      'Could the church van help?',
      'Late buses stop at nine on weekdays',
      'Share rides from the library',
      'Map the bus stops',
    ]
    await expect
      .poll(() => pointTexts(a), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(expectedPoints))
    await expect.poll(() => pointTexts(b), { timeout: 15_000 }).toEqual(await pointTexts(a))
    await b
      .locator('.discussion-content p')
      .filter({ hasText: /^Typed while offline\.$/ })
      .waitFor()
    await expect.poll(() => discussionHtml(b)).toBe(await discussionHtml(a))
    expect(await pointTexts(a)).toHaveLength(4)
    expect(
      await a.evaluate((key) => window.localStorage.getItem(key), `convene:offline-doc:${docName}`),
    ).toBeNull()
    await waitForStatus(b, 'saved')

    step('The whole group page, editor included')
    // The whole group page, editor included, and the phone at 320 px without sideways scrolling.
    await a.setViewportSize({ width: 320, height: 640 })
    problems.push(...(await checkPage(a, 'phone320-notes')))
    await a.setViewportSize({ width: 360, height: 740 })

    step("A facilitator opens the table's notes")
    // A facilitator opens the table's notes from the live view, with moderation.
    const laptop = await browser.newContext(LAPTOP)
    contexts.push(laptop)
    const f = await laptop.newPage()
    await f.goto(created.facilitatorUrl)
    await f
      .getByRole('button', { name: /^Open notes/ })
      .first()
      .click()
    await waitForStatus(f, 'saved')
    await expect.poll(() => pointTexts(f)).toHaveLength(4)
    const mapPoint = (await pointTexts(f)).indexOf('Map the bus stops') + 1
    // Axe is injected by checkPage; the page-wide result is logged, the notes' own must be clean.
    const pageWide = await checkPage(f, 'laptop-facilitator-notes')
    if (pageWide.length > 0) console.info('facilitator page, outside the notes:', pageWide)
    problems.push(...(await checkNotes(f, 'laptop-facilitator-notes')))
    await f.getByRole('button', { name: `Hide point ${mapPoint}` }).click()
    await expect.poll(() => pointTexts(a)).toHaveLength(3)
    await f.getByRole('button', { name: 'Restore: Map the bus stops' }).click()
    await expect.poll(() => pointTexts(a)).toHaveLength(4)
    await f.setViewportSize({ width: 360, height: 740 })
    problems.push(...(await checkNotes(f, 'phone-facilitator-notes')))

    expect(problems).toEqual([])
  }, 240_000)
})
