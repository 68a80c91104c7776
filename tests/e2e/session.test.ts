import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSkipReason, LAPTOP, PHONE } from '../helpers/browser.ts'
import { connect, createSession, eventually, request } from '../helpers/clients.ts'
import { browserStage, checkPage } from './support.ts'

const skip = browserSkipReason()
const JOIN_API = '**/api/sessions/join'

/** The paths of every script the page asks for, from now on. */
function scriptsAskedBy(page: Page): string[] {
  const scripts: string[] = []
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname)
  })
  return scripts
}

/**
 * Waits until the notes editor's chunk was asked for. It is warmed in the background once the browser is idle, so
 * this waits as long as `expect.poll` does in this project (10 s): with the whole suite running, once, it took
 * longer than the helper's default 5 s.
 */
const editorAskedFor = (scripts: readonly string[]) =>
  eventually(() => expect(scripts.some((path) => /\/DiscussionEditor-/.test(path))).toBe(true), 10_000)

describe.skipIf(skip)('a live session, from creation to the lobby, in Chromium', () => {
  const stage = browserStage()
  const { person } = stage
  const problems: string[] = []

  it('creates, joins by code, shows the lobby and the parking lot live, removes someone, projects', {
    timeout: 240_000,
  }, async () => {
    // The facilitator creates a session on a laptop.
    const facilitator = await person(LAPTOP)
    await facilitator.goto(`${stage.server.baseUrl}/new`)
    await facilitator.getByLabel('Title').fill('Community Conversation')
    await facilitator.getByLabel('Welcome text (optional)').fill('Where should we as a community go next?')
    await facilitator
      .getByLabel('Sectors (optional)')
      .fill('Law enforcement\nNonprofit services\nFaith-based')
    await facilitator.getByLabel(/^Names/).check()
    await facilitator.getByLabel('Network name').fill('Hall; Guest')
    await facilitator.getByLabel('Password').fill('p@ss:word')
    problems.push(...(await checkPage(facilitator, 'laptop-create')))
    await facilitator.getByRole('button', { name: 'Create session' }).click()
    await facilitator.waitForURL(/\/f\/[^/#]+$/)
    const codeLocator = facilitator.getByTestId('join-code')
    await codeLocator.waitFor()
    const code = ((await codeLocator.textContent()) ?? '').trim()
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/)
    await facilitator.getByText('No one has joined yet — share the code.').waitFor()
    problems.push(...(await checkPage(facilitator, 'laptop-facilitator-empty')))

    // Phone A: a wrong code first, then the real one typed in lower case.
    const phoneA = await person(PHONE)
    await phoneA.goto(stage.server.baseUrl)
    problems.push(...(await checkPage(phoneA, 'phone-home')))
    await phoneA.getByLabel('Session code').fill('ZZZZ22')
    await phoneA.getByRole('button', { name: 'Continue' }).click()
    await phoneA.getByRole('alert').getByText('There is no session with that code').waitFor()
    problems.push(...(await checkPage(phoneA, 'phone-home-wrong-code')))
    await phoneA.getByLabel('Session code').fill(code.toLowerCase())
    await phoneA.getByRole('button', { name: 'Continue' }).click()
    await phoneA.getByRole('heading', { name: 'Community Conversation' }).waitFor()
    await phoneA.getByLabel('Your name (optional)').fill('Alice')
    await phoneA.getByLabel('Your sector').selectOption('Nonprofit services')
    problems.push(...(await checkPage(phoneA, 'phone-join')))
    await phoneA.getByRole('button', { name: 'Join', exact: true }).click()
    await phoneA.getByRole('heading', { name: "You're in" }).waitFor()
    await phoneA.getByText('Nothing here yet.').waitFor()
    problems.push(...(await checkPage(phoneA, 'phone-participant')))

    // Phone B joins in Spanish.
    const phoneB = await person(PHONE)
    await phoneB.goto(stage.server.baseUrl)
    await phoneB.getByLabel('Session code').fill(code)
    await phoneB.getByRole('button', { name: 'Continue' }).click()
    await phoneB.getByLabel('Language').selectOption('es')
    await phoneB.getByRole('button', { name: 'Unirme' }).waitFor()
    expect(await phoneB.evaluate(() => document.documentElement.lang)).toBe('es')
    await phoneB.getByLabel('Tu nombre (opcional)').fill('Bruno')
    problems.push(...(await checkPage(phoneB, 'phone-join-es')))
    await phoneB.getByRole('button', { name: 'Unirme' }).click()
    await phoneB.getByRole('heading', { name: 'Ya estás dentro' }).waitFor()

    // Both appear in the facilitator's lobby.
    const lobby = facilitator.getByTestId('lobby-person')
    await lobby.filter({ hasText: 'Alice' }).waitFor()
    await lobby.filter({ hasText: 'Bruno' }).waitFor()
    await facilitator.getByTestId('lobby-count').getByText('2 people have joined').waitFor()

    // A parking-lot item typed on phone A reaches phone B and the facilitator.
    const item = 'How do we share data without naming survivors?'
    await phoneA.getByLabel('A question or idea for later').fill(item)
    await phoneA.getByRole('button', { name: 'Add' }).click()
    await phoneB.getByRole('listitem').filter({ hasText: item }).waitFor()
    await facilitator.getByRole('listitem').filter({ hasText: item }).waitFor()
    problems.push(...(await checkPage(phoneB, 'phone-participant-es')))
    problems.push(...(await checkPage(facilitator, 'laptop-facilitator-lobby')))

    // The smallest phones (320 px) and a facilitator on a phone: no sideways scrolling.
    await phoneA.setViewportSize({ width: 320, height: 640 })
    problems.push(...(await checkPage(phoneA, 'phone320-participant')))
    await phoneA.setViewportSize({ width: 360, height: 740 })
    await facilitator.setViewportSize({ width: 360, height: 740 })
    problems.push(...(await checkPage(facilitator, 'phone-facilitator-lobby')))
    await facilitator.setViewportSize({ width: 1280, height: 800 })

    // A reload brings phone A back as the same participant.
    await phoneA.reload()
    await phoneA.getByRole('heading', { name: "You're in" }).waitFor()
    await phoneA.getByRole('listitem').filter({ hasText: item }).waitFor()
    expect(await lobby.count()).toBe(2)

    // The projector shows the code, a QR code and the count, and controls nothing.
    const projectorUrl = await facilitator.getByTestId('open-projector').getAttribute('href')
    expect(projectorUrl).toContain('/p/')
    const projector = await person(LAPTOP)
    await projector.goto(projectorUrl as string)
    await projector.getByTestId('projector-code').getByText(code).waitFor()
    await projector.locator('.qr svg').first().waitFor()
    await projector.getByTestId('projector-count').getByText('2 people have joined').waitFor()
    await projector.getByRole('listitem').filter({ hasText: item }).waitFor()
    expect(await projector.locator('.wifi svg').count()).toBe(1)
    expect(await projector.locator('button, input, select, textarea').count()).toBe(0)
    problems.push(...(await checkPage(projector, 'laptop-projector')))

    // The facilitator removes phone B, which sees the removed screen and does not come back.
    await facilitator.getByRole('button', { name: 'Remove Bruno' }).click()
    await facilitator.getByText('Remove Bruno? They lose access at once.').waitFor()
    problems.push(...(await checkPage(facilitator, 'laptop-facilitator-remove-confirm')))
    await facilitator.getByRole('button', { name: 'Remove', exact: true }).click()
    await phoneB.getByRole('heading', { name: 'Te han quitado de esta sesión' }).waitFor()
    problems.push(...(await checkPage(phoneB, 'phone-removed-es')))
    await lobby.filter({ hasText: 'Bruno' }).waitFor({ state: 'detached' })
    await projector.getByTestId('projector-count').getByText('1 person has joined').waitFor()
    await phoneB.reload()
    await phoneB.getByRole('heading', { name: 'Te han quitado de esta sesión' }).waitFor()

    expect(problems).toEqual([])
  })

  it('join page: downloads the notes editor while the form shows, even when the messages fail to download', {
    timeout: 60_000,
  }, async () => {
    const created = await createSession(stage.server.baseUrl, { title: 'Evening Forum', anonymity: 'named' })
    const phone = await person(PHONE)
    const scripts = scriptsAskedBy(phone)
    // The light page's English messages (the core file, asked for first) load; the app's, asked for next, fail.
    let asked = 0
    await phone.route(/\/assets\/en-[\w-]+\.js$/, (route) => {
      asked += 1
      return asked === 1 ? route.continue() : route.abort()
    })

    await phone.goto(`${stage.server.baseUrl}/j/${created.joinCode}`)
    await phone.getByRole('button', { name: 'Join', exact: true }).waitFor()
    // Every request after the first was aborted.
    await eventually(() => expect(asked).toBeGreaterThan(1), 10_000)
    await editorAskedFor(scripts)
  })

  it('join page: waits for a draft, shows refused joins, hands over to the app, and leads back', {
    timeout: 180_000,
  }, async () => {
    const created = await createSession(stage.server.baseUrl, {
      title: 'Evening Forum',
      anonymity: 'sector',
      sectors: ['Youth', 'Business'],
      draft: true,
    })
    const facilitator = await connect(stage.server.baseUrl, created.facilitatorToken)
    const setStatus = async (status: 'open' | 'closed') =>
      expect((await request(facilitator, 'session:status', { status })).ok).toBe(true)
    const joinProblems: string[] = []
    const phone = await person(PHONE)
    phone.on('pageerror', (error) => joinProblems.push(`page error: ${error.message}`))
    const scripts = scriptsAskedBy(phone)

    // Not open yet: the light page alone, without the app (which downloads only once the form shows).
    await phone.goto(`${stage.server.baseUrl}/j/${created.joinCode}`)
    await phone.getByRole('heading', { name: 'Not open yet' }).waitFor()
    joinProblems.push(...(await checkPage(phone, 'phone-join-not-open')))
    expect(scripts.filter((path) => /\/(boot|index)-/.test(path))).toEqual([])
    await setStatus('open')
    await phone.getByRole('button', { name: 'Try again' }).click()
    await phone.getByRole('button', { name: 'Join', exact: true }).waitFor()
    await phone.getByText('In this session others see only your sector, never your name.').waitFor()
    // After a click that replaced the page, focus moves to the new heading.
    expect(await phone.evaluate(() => document.activeElement?.textContent)).toBe('Evening Forum')

    // A refused join says why and keeps the form; so does a dropped connection.
    await phone.route(JOIN_API, (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'too_many_attempts', message: 'Too many.' } }),
      }),
    )
    await phone.getByRole('button', { name: 'Join', exact: true }).click()
    await phone.getByRole('alert').getByText('Too many wrong codes. Wait a minute, then try again.').waitFor()
    joinProblems.push(...(await checkPage(phone, 'phone-join-refused')))
    await phone.unroute(JOIN_API)
    await phone.route(JOIN_API, (route) => route.abort())
    await phone.getByRole('button', { name: 'Join', exact: true }).click()
    await phone.getByRole('alert').getByText("Can't reach Convene. Check your Wi-Fi and try again.").waitFor()
    await phone.unroute(JOIN_API)

    // Join hands the tab to the app in place, which finds the notes editor already downloaded.
    await phone.getByLabel('Your sector').selectOption('Youth')
    await phone.getByRole('button', { name: 'Join', exact: true }).click()
    await phone.getByRole('heading', { name: "You're in" }).waitFor()
    expect(new URL(phone.url()).pathname).toMatch(/^\/s\//)
    await editorAskedFor(scripts)
    expect(await phone.title()).toBe('Evening Forum – Convene')

    // Back returns to the join page, forward to the participant page; the header leads home, home to creating.
    await phone.goBack()
    await phone.getByRole('button', { name: 'Join', exact: true }).waitFor()
    await phone.goForward()
    await phone.getByRole('heading', { name: "You're in" }).waitFor()
    await phone.getByRole('link', { name: 'Convene' }).click()
    await phone.getByLabel('Session code').waitFor()
    expect(new URL(phone.url()).pathname).toBe('/')
    await phone.getByRole('link', { name: 'Start a session' }).click()
    await phone.getByLabel('Title').waitFor()

    // An ended session says so, with no retry.
    await setStatus('closed')
    await phone.goto(`${stage.server.baseUrl}/j/${created.joinCode.toLowerCase()}`)
    await phone.getByRole('heading', { name: 'This session has ended' }).waitFor()
    await phone.getByText('Thank you for taking part.').waitFor()
    expect(await phone.getByRole('button', { name: 'Try again' }).count()).toBe(0)
    joinProblems.push(...(await checkPage(phone, 'phone-join-ended')))
    await phone.getByRole('link', { name: 'Enter another code' }).click()
    await phone.getByLabel('Session code').waitFor()

    // The same pages on a laptop.
    const open = await createSession(stage.server.baseUrl, {
      title: 'Community Conversation',
      anonymity: 'named',
    })
    const laptop = await person(LAPTOP)
    await laptop.goto(stage.server.baseUrl)
    await laptop.getByLabel('Session code').fill(open.joinCode)
    joinProblems.push(...(await checkPage(laptop, 'laptop-home')))
    await laptop.getByRole('button', { name: 'Continue' }).click()
    await laptop.getByLabel('Your name (optional)').waitFor()
    joinProblems.push(...(await checkPage(laptop, 'laptop-join')))

    facilitator.close()
    expect(joinProblems).toEqual([])
  })
})
