import { gzipSync } from 'node:zlib'
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RoomState } from '../../shared/rounds.ts'
import { browserSkipReason, LAPTOP, launchBrowser, PHONE } from '../helpers/browser.ts'
import { type connect as Connect, connect, createSession, joinSession, request } from '../helpers/clients.ts'
import { startRound } from '../helpers/rooms.ts'
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
/**
 * The discussion notes as HTML, without the others' carets and selections (which differ per phone), nor the
 * placeholders ProseMirror puts next to a caret at the end of a line.
 */
const discussionHtml = (page: Page) =>
  editor(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement
    for (const selection of copy.querySelectorAll('.ProseMirror-yjs-selection'))
      selection.replaceWith(...selection.childNodes)
    for (const extra of copy.querySelectorAll(
      '.collab-caret, .ProseMirror-separator, .ProseMirror-trailingBreak',
    ))
      extra.remove()
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

  /** The facilitator, from Node, plans one whole-room round and starts it: every phone gets the same notes. */
  const openNotesRound = async (facilitatorToken: string) => {
    const facilitator = await connect(server.baseUrl, facilitatorToken)
    sockets.push(facilitator)
    const room = await startRound(facilitator, {
      groupSize: 10,
      title: 'Getting around',
      prompt: 'What would make getting here easier?',
    })
    const docName = room.groups[0]?.docName as string
    expect(docName).toBeTruthy()
    return { facilitator, roundId: room.state.currentRoundId as string, version: room.state.version, docName }
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
    const { docName } = await openNotesRound(created.facilitatorToken)

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

  it("the discussion notes' tools and keys: headings, lists, bold, breaks, and undo of one's own edits", async () => {
    const created = await createSession(server.baseUrl, {
      title: 'Tools night',
      sectors: SECTORS,
      anonymity: 'named',
    })
    const seat = async (displayName: string, sector: string) => {
      const joined = await joinSession(server.baseUrl, created.joinCode, { displayName, sector })
      return { participantId: joined.participantId, token: joined.participantToken }
    }
    const a = (await openPhone(created.sessionId, await seat('Alice', 'Transport'))).page
    const b = (await openPhone(created.sessionId, await seat('Bruno', 'Faith-based'))).page
    for (const page of [a, b]) await page.goto(`${server.baseUrl}/s/${created.sessionId}`)
    const { facilitator, roundId, version } = await openNotesRound(created.facilitatorToken)
    for (const page of [a, b]) await waitForStatus(page, 'saved')
    const notes = editor(a)
    const pressed = async (name: string) =>
      (await a.getByRole('button', { name, exact: true }).getAttribute('aria-pressed')) === 'true'
    const toolbar = async () => ({
      heading: await pressed('Heading'),
      bold: await pressed('Bold'),
      bullet: await pressed('• List'),
      ordered: await pressed('1. List'),
    })
    const none = { heading: false, bold: false, bullet: false, ordered: false }

    // Markdown-like shortcuts as one types: "#### " makes a heading, "- " a bulleted list.
    await notes.click()
    await a.keyboard.type('#### Buses')
    await notes.locator('h4').getByText('Buses').waitFor()
    await expect.poll(toolbar).toEqual({ ...none, heading: true })
    await a.keyboard.press('Enter')
    await expect.poll(toolbar).toEqual(none)
    await a.keyboard.type('- Late buses')
    await notes.locator('ul > li').getByText('Late buses').waitFor()
    await expect.poll(toolbar).toEqual({ ...none, bullet: true })

    // Enter makes the next item, Tab nests it, Shift-Tab brings it back.
    await a.keyboard.press('Enter')
    await a.keyboard.type('Weekend gaps')
    await a.keyboard.press('Tab')
    await notes.locator('ul ul > li').getByText('Weekend gaps').waitFor()
    await a.keyboard.press('Shift+Tab')
    await expect.poll(() => notes.locator('ul ul').count()).toBe(0)
    await expect.poll(() => notes.locator('ul > li').count()).toBe(2)

    // The other list's button turns the list into that kind; its own button lifts the item out of it.
    await a.getByRole('button', { name: '1. List' }).click()
    await expect.poll(() => notes.locator('ol > li').count()).toBe(2)
    await expect.poll(() => notes.locator('ul').count()).toBe(0)
    await expect.poll(toolbar).toEqual({ ...none, ordered: true })
    await a.getByRole('button', { name: '1. List' }).click()
    await expect.poll(() => notes.locator('ol > li').count()).toBe(1)
    await notes.locator(':scope > p').getByText('Weekend gaps').waitFor()
    await expect.poll(toolbar).toEqual(none)
    // Back into a list of the kind just before it: one list, not two.
    await a.getByRole('button', { name: '1. List' }).click()
    await expect.poll(() => notes.locator('ol > li').count()).toBe(2)
    await expect.poll(() => notes.locator('ol').count()).toBe(1)
    // Enter on an empty item leaves the list.
    await a.keyboard.press('End')
    await a.keyboard.press('Enter')
    await a.keyboard.press('Enter')
    await expect.poll(toolbar).toEqual(none)

    // Bold from the keyboard, and Shift-Enter for a line break inside the paragraph.
    await a.keyboard.press('Control+b')
    await expect.poll(toolbar).toEqual({ ...none, bold: true })
    await a.keyboard.type('Ask')
    await a.keyboard.press('Control+b')
    await a.keyboard.type(' the council')
    await a.keyboard.press('Shift+Enter')
    await a.keyboard.type('by Friday.')
    await notes.locator('p > strong').getByText('Ask', { exact: true }).waitFor()
    await expect.poll(() => notes.locator('p:has(strong) > br').count()).toBe(1)
    await expect.poll(toolbar).toEqual(none)

    // Bruno adds a line; Alice sees him typing, and his caret.
    await editor(b).locator(':scope > p').last().click()
    await b.keyboard.press('End')
    await b.keyboard.press('Enter')
    await b.keyboard.type('From Bruno.')
    await a.getByText('Bruno is typing…').waitFor()
    await notes.getByText('From Bruno.').waitFor()
    await a.locator('.collab-caret-label').filter({ hasText: 'Bruno' }).waitFor()

    // Undo takes back Alice's own last edit, never Bruno's; both redo keys bring it back.
    await waitForStatus(a, 'saved')
    const before = await discussionHtml(a)
    await a.keyboard.press('Control+z')
    await expect.poll(() => discussionHtml(a)).not.toBe(before)
    expect(await discussionHtml(a)).toContain('From Bruno.')
    await a.keyboard.press('Control+Shift+z')
    await expect.poll(() => discussionHtml(a)).toBe(before)
    await a.keyboard.press('Control+z')
    await expect.poll(() => discussionHtml(a)).not.toBe(before)
    await a.keyboard.press('Control+y')
    await expect.poll(() => discussionHtml(a)).toBe(before)
    await expect.poll(() => discussionHtml(b)).toBe(before)

    // The toolbar follows the caret: in the bold word, Bold is pressed.
    await notes.locator('strong').click()
    await expect.poll(toolbar).toEqual({ ...none, bold: true })
    await screenshot(a, 'phone-notes-tools')

    // When the round ends the notes stay readable, and say they are read-only.
    const ended = await request<RoomState>(facilitator, 'round:end', { expectedVersion: version, roundId })
    if (!ended.ok) throw new Error(ended.error.message)
    await a.getByTestId('round-ended').locator('summary').click()
    await a.locator('.discussion-content[aria-readonly="true"][contenteditable="false"]').waitFor()
    await a.locator('.discussion-content').getByText('From Bruno.').waitFor()
    expect(await a.getByRole('toolbar').count()).toBe(0)
    await screenshot(a, 'phone-notes-readonly')
  }, 120_000)
})
