import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClientSocket } from '../../client/src/net/docTunnel.ts'
import { summaryDocName } from '../../shared/docNames.ts'
import { addPoint } from '../../shared/notes.ts'
import type { CreatedInvite, RoomSnapshot } from '../../shared/protocol.ts'
import type { RoomState } from '../../shared/rounds.ts'
import type { CreatedSession, JoinedSession } from '../../shared/session.ts'
import { createTheme, type GatherBoard, setSynthesis } from '../../shared/summary.ts'
import { browserSkipReason, LAPTOP, launchBrowser, PHONE } from '../helpers/browser.ts'
import { connect, createSession, eventually, joinSession, openDoc, request } from '../helpers/clients.ts'
import {
  axeLightAndDark,
  movingWithReducedMotion,
  scrollsSideways,
  smallTouchTargets,
  tabStopsWithoutFocusRing,
  zoomProblems,
} from './a11yChecks.ts'
import { type E2eServer, screenshot, startE2eServer } from './support.ts'

const skip = browserSkipReason()
const SECTORS = ['Law enforcement', 'Faith-based']
const PROMPT = 'What would make our neighbourhood safer?'

async function ok<T>(socket: ClientSocket, event: string, ...args: unknown[]): Promise<T> {
  const result = await request<T>(socket, event, ...args)
  if (!result.ok) throw new Error(`${event}: ${result.error.code} ${result.error.message}`)
  return result.data
}

/**
 * Accessibility, languages and phones across every page: axe in light and dark, text at 200%, reduced motion,
 * 44-px touch targets and 320-px widths on participant pages, screenshots at 360×740 in English and Spanish,
 * what a screen reader hears on the round page, and not one request leaving the server.
 */
describe.skipIf(skip)('every page, for every participant', () => {
  let server: E2eServer
  let browser: Browser
  let created: CreatedSession
  let facilitatorSocket: ClientSocket
  const people: JoinedSession[] = []
  const contexts: BrowserContext[] = []
  const problems: string[] = []
  /** Every address any page asked for, to check they are all the server's own. */
  const requested = new Set<string>()

  const open = async (options: BrowserContextOptions, seat?: JoinedSession): Promise<Page> => {
    const context = await browser.newContext(options)
    context.setDefaultTimeout(60_000)
    contexts.push(context)
    context.on('request', (r) => requested.add(r.url()))
    if (seat)
      await context.addInitScript(
        ([key, value]) => window.localStorage.setItem(key as string, value as string),
        [
          `convene:participant:${created.sessionId}`,
          JSON.stringify({ participantId: seat.participantId, token: seat.participantToken }),
        ],
      )
    const page = await context.newPage()
    page.on('websocket', (ws) => requested.add(ws.url()))
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    return page
  }

  /** The full battery for a page a participant holds in their hand. */
  const checkPhonePage = async (page: Page, name: string, keyControls: string[]) => {
    await screenshot(page, `a11y-${name}`)
    problems.push(...(await axeLightAndDark(page, name)))
    problems.push(...(await smallTouchTargets(page, name)))
    problems.push(...(await movingWithReducedMotion(page, name)))
    const size = page.viewportSize()
    await page.setViewportSize({ width: 320, height: 640 })
    if (await scrollsSideways(page)) problems.push(`${name} at 320 px: scrolls sideways`)
    problems.push(...(await smallTouchTargets(page, `${name} at 320 px`)))
    if (size) await page.setViewportSize(size)
    problems.push(...(await zoomProblems(page, name, keyControls)))
  }

  /** The battery for a facilitator's, organizer's or projector's screen. */
  const checkLaptopPage = async (page: Page, name: string, keyControls: string[]) => {
    await screenshot(page, `a11y-${name}`)
    problems.push(...(await axeLightAndDark(page, name)))
    problems.push(...(await movingWithReducedMotion(page, name)))
    problems.push(...(await zoomProblems(page, name, keyControls)))
  }

  beforeAll(async () => {
    server = await startE2eServer()
    browser = await launchBrowser()
    created = await createSession(server.baseUrl, {
      title: 'Neighbourhood Safety',
      welcome: 'Thank you for coming.',
      sectors: SECTORS,
      anonymity: 'named',
      defaultLanguage: 'es',
    })
    for (const [i, name] of ['Alice', 'Bruno', 'Chen', 'Dana'].entries())
      people.push(
        await joinSession(server.baseUrl, created.joinCode, {
          displayName: name,
          sector: SECTORS[i % 2] as string,
        }),
      )
    facilitatorSocket = await connect(server.baseUrl, created.facilitatorToken)
  }, 120_000)

  afterAll(async () => {
    facilitatorSocket?.close()
    for (const context of contexts) await context.close().catch(() => {})
    await browser?.close()
    await server?.close()
  })

  it('join and lobby: the language comes from the browser, then the session; pages pass every check', {
    timeout: 240_000,
  }, async () => {
    for (const [lang, locale, submit] of [
      ['en', 'en-US', 'Join'],
      ['es', 'es-ES', 'Unirme'],
    ] as const) {
      const phone = await open({ ...PHONE, locale })
      await phone.goto(server.baseUrl)
      await phone.locator('h1').waitFor()
      await checkPhonePage(phone, `home-${lang}`, ['input', 'button[type="submit"]'])
      await phone.goto(`${server.baseUrl}/j/${created.joinCode}`)
      await phone.getByRole('button', { name: submit, exact: true }).waitFor()
      expect(await phone.evaluate(() => document.documentElement.lang)).toBe(lang)
      await checkPhonePage(phone, `join-${lang}`, ['h1', 'select', 'button[type="submit"]'])
    }
    // The checks themselves can fail: a tiny button and a moving box on the last page are caught.
    const last = contexts.at(-1)?.pages()[0] as Page
    await last.evaluate(() =>
      document.body.insertAdjacentHTML(
        'beforeend',
        '<button id="tiny" style="width:20px;height:20px;min-height:0;min-width:0;padding:0">x</button>' +
          '<div id="moving" style="transition: opacity 2s linear !important">.</div>',
      ),
    )
    expect((await smallTouchTargets(last, 'probe')).join()).toContain('is 20×20')
    expect((await movingWithReducedMotion(last, 'probe')).join()).toContain('still moves')
    await last.evaluate(() => {
      document.getElementById('tiny')?.remove()
      document.getElementById('moving')?.remove()
    })

    // A browser in a language Convene does not speak gets the session's default (Spanish here).
    const french = await open({ ...PHONE, locale: 'fr-FR' })
    await french.goto(`${server.baseUrl}/j/${created.joinCode}`)
    await french.getByRole('button', { name: 'Unirme', exact: true }).waitFor()

    for (const [lang, locale, heading] of [
      ['en', 'en-US', "You're in"],
      ['es', 'es-ES', 'Ya estás dentro'],
    ] as const) {
      const phone = await open({ ...PHONE, locale }, people[lang === 'en' ? 0 : 1])
      await phone.goto(`${server.baseUrl}/s/${created.sessionId}`)
      await phone.getByRole('heading', { name: heading }).waitFor()
      await checkPhonePage(phone, `lobby-${lang}`, ['h1', 'select'])
    }

    // The facilitator's pages before the round: create, the lobby, the projector.
    const facilitator = await open(LAPTOP)
    await facilitator.goto(`${server.baseUrl}/new`)
    await facilitator.locator('form h1').waitFor()
    await checkLaptopPage(facilitator, 'create', ['button[type="submit"]'])
    await facilitator.goto(created.facilitatorUrl)
    await facilitator.getByTestId('lobby-count').getByText('4 people have joined').waitFor()
    await checkLaptopPage(facilitator, 'facilitator-lobby', ['h1', '[data-testid="join-code"]'])
    problems.push(...(await tabStopsWithoutFocusRing(facilitator, 'facilitator-lobby', 25)))
    const projector = await open(LAPTOP)
    await projector.goto(created.projectorUrl)
    await projector.getByTestId('projector-code').waitFor()
    await checkLaptopPage(projector, 'projector-lobby', ['[data-testid="projector-code"]'])
    const lost = await open(PHONE)
    await lost.goto(`${server.baseUrl}/nowhere`)
    await lost.locator('h1').waitFor()
    await checkPhonePage(lost, 'not-found', ['h1'])

    expect(problems).toEqual([])
  })

  it('a round: the phone reads as a screen reader hears it; live view, projector and cards pass', {
    timeout: 240_000,
  }, async () => {
    const snap = await ok<RoomSnapshot>(facilitatorSocket, 'room:snapshot')
    const agenda = await ok<RoomState>(facilitatorSocket, 'agenda:save', {
      expectedVersion: snap.state.version,
      rounds: [{ title: 'Safety', prompts: [PROMPT], durationMinutes: 20, groupSize: 2, grouping: 'random' }],
    })
    await ok(facilitatorSocket, 'round:start', {
      expectedVersion: agenda.version,
      roundId: agenda.rounds[0]?.id,
    })
    const { groups } = await ok<RoomSnapshot>(facilitatorSocket, 'room:snapshot')
    const aliceGroup = groups.find((g) => g.members.some((m) => m.id === people[0]?.participantId))
    const notes = openDoc(facilitatorSocket, aliceGroup?.docName as string)
    await notes.synced
    addPoint(notes.doc, 'a11y-point', 'idea', 'Better street lighting')
    await eventually(async () => {
      const board = await ok<GatherBoard>(facilitatorSocket, 'gather:points', {})
      expect(board.points.length).toBe(1)
    })
    notes.destroy()

    for (const [lang, locale, seat] of [
      ['en', 'en-US', people[0]],
      ['es', 'es-ES', people[1]],
    ] as const) {
      const phone = await open({ ...PHONE, locale }, seat)
      await phone.goto(`${server.baseUrl}/s/${created.sessionId}`)
      await phone.getByTestId('my-table').waitFor()
      // The editor itself: the others' carets inside it are contenteditable too ("false").
      const notesEditor = phone.locator('.discussion [contenteditable="true"]')
      await notesEditor.waitFor()
      if (lang === 'en') {
        await expect
          .poll(() => phone.locator('textarea.point-text').first().inputValue(), { timeout: 30_000 })
          .toBe('Better street lighting')
        // What a screen reader hears: the table as the page's heading, the prompt, the time left as a labelled
        // timer (not a region that reads every second), and labelled notes.
        const tree = await phone.locator('main').ariaSnapshot()
        expect(tree).toMatch(/- heading "Table \d+" \[level=1\]/)
        expect(tree).toContain(`- paragraph: ${PROMPT}`)
        expect(tree).toMatch(/- timer "Time left": \d{1,2}:\d{2}/)
        expect(tree).toMatch(/- heading "At your table \(2 people\)" \[level=2\]/)
        expect(tree).toContain('- textbox "Discussion notes"')
        expect(tree).toMatch(/- heading "Your table's notes" \[level=2\]/)
        // The countdown is not inside a live region; the one polite announcer is empty until something happens.
        const clockLive = await phone
          .getByTestId('countdown')
          .evaluate((el) => el.closest('[aria-live]')?.getAttribute('aria-live') ?? 'off')
        expect(clockLive).toBe('off')
        expect(await phone.getByTestId('round-announcer').getAttribute('aria-live')).toBe('polite')
        // Typing in the notes: the field stays above where the on-screen keyboard would be.
        await notesEditor.click()
        await phone.keyboard.type('Lights on the bridge')
        const caretBottom = await phone.evaluate(() => {
          const range = window.getSelection()?.getRangeAt(0)
          return range?.getBoundingClientRect().bottom ?? 0
        })
        expect(caretBottom).toBeLessThan(740)
      }
      await checkPhonePage(phone, `round-${lang}`, ['h1', '[data-testid="countdown"]'])
    }

    const facilitator = await open(LAPTOP)
    await facilitator.goto(created.facilitatorUrl)
    await facilitator.getByTestId('group-card').first().waitFor()
    await checkLaptopPage(facilitator, 'live-view', ['h1', '[data-testid="run-countdown"]'])
    problems.push(...(await tabStopsWithoutFocusRing(facilitator, 'live-view', 30)))
    const projector = await open(LAPTOP)
    await projector.goto(created.projectorUrl)
    await projector.getByTestId('projector-round').waitFor()
    await checkLaptopPage(projector, 'projector-round', ['[data-testid="projector-countdown"]'])
    const cards = await facilitator.context().newPage()
    await cards.goto(`${server.baseUrl}/f/${created.sessionId}/cards`)
    await cards.locator('.table-card .qr svg').first().waitFor()
    await checkLaptopPage(cards, 'cards', ['h1'])

    const running = await ok<RoomSnapshot>(facilitatorSocket, 'room:snapshot')
    await ok(facilitatorSocket, 'round:end', {
      expectedVersion: running.state.version,
      roundId: agenda.rounds[0]?.id,
    })
    expect(problems).toEqual([])
  })

  it('gather, vote and what we heard: the board, phones, projector and organizer pass', {
    timeout: 240_000,
  }, async () => {
    const board = await ok<GatherBoard>(facilitatorSocket, 'gather:points', {})
    const summary = openDoc(facilitatorSocket, summaryDocName(created.sessionId))
    await summary.synced
    createTheme(summary.doc, 'light', 'Lighting', [board.points[0]?.ref as string])
    createTheme(summary.doc, 'youth', 'Youth programmes')
    setSynthesis(summary.doc, 'light', 'Brighter streets, especially by the bridge.')

    const facilitator = await open(LAPTOP)
    await facilitator.goto(created.facilitatorUrl)
    // The gather board opens from the session page, which holds the facilitator's key for this tab.
    await facilitator.getByRole('link', { name: "Gather the groups' points" }).click()
    await facilitator.getByRole('heading', { name: 'Gather', exact: true }).waitFor()
    await expect.poll(() => facilitator.locator('.theme-title').count(), { timeout: 30_000 }).toBe(2)
    await checkLaptopPage(facilitator, 'gather-board', ['h1'])
    problems.push(...(await tabStopsWithoutFocusRing(facilitator, 'gather-board', 30)))

    await ok(facilitatorSocket, 'vote:open', { dotsPerParticipant: 3 })
    const phones: Page[] = []
    for (const [lang, locale, seat, heading] of [
      ['en', 'en-US', people[0], 'Vote for what matters most'],
      ['es', 'es-ES', people[1], undefined],
    ] as const) {
      const phone = await open({ ...PHONE, locale }, seat)
      await phone.goto(`${server.baseUrl}/s/${created.sessionId}`)
      if (heading) await phone.getByRole('heading', { name: heading }).waitFor()
      else await phone.locator('.vote-pips').first().waitFor()
      await checkPhonePage(phone, `vote-${lang}`, ['h1', '.vote-pips'])
      phones.push(phone)
    }
    await ok(facilitatorSocket, 'vote:close')
    await ok(facilitatorSocket, 'summary:publish')
    for (const [i, phone] of phones.entries()) {
      await phone.getByText('Brighter streets, especially by the bridge.').waitFor()
      await checkPhonePage(phone, `heard-${i === 0 ? 'en' : 'es'}`, ['h1'])
    }
    const projector = await open(LAPTOP)
    await projector.goto(created.projectorUrl)
    await projector.getByText('Brighter streets, especially by the bridge.').waitFor()
    await checkLaptopPage(projector, 'projector-heard', ['h1'])

    const invite = await ok<CreatedInvite>(facilitatorSocket, 'invite:create', {
      role: 'organizer',
      label: 'Org',
    })
    const organizer = await open(LAPTOP)
    await organizer.goto(invite.url.replace(/^https?:\/\/[^/]+/, server.baseUrl))
    await organizer.getByRole('heading', { level: 1, name: 'Neighbourhood Safety' }).waitFor()
    await checkLaptopPage(organizer, 'organizer', ['h1'])
    summary.destroy()
    expect(problems).toEqual([])
  })

  it('loads nothing from outside the server: fonts, icons and scripts all ship with the app', () => {
    const origin = new URL(server.baseUrl)
    const outside = [...requested].filter((url) => {
      if (url.startsWith('data:') || url.startsWith('blob:')) return false
      const u = new URL(url)
      return u.hostname !== origin.hostname || u.port !== origin.port
    })
    expect(requested.size).toBeGreaterThan(20)
    expect(outside).toEqual([])
  })
})
