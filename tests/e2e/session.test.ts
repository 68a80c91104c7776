import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserSkipReason, LAPTOP, launchBrowser, PHONE } from '../helpers/browser.ts'
import { checkPage, type E2eServer, startE2eServer } from './support.ts'

const skip = browserSkipReason()

describe.skipIf(skip)('a live session, from creation to the lobby, in Chromium', () => {
  let server: E2eServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const problems: string[] = []

  const person = async (options: typeof LAPTOP): Promise<Page> => {
    const context = await browser.newContext(options)
    contexts.push(context)
    return context.newPage()
  }

  beforeAll(async () => {
    server = await startE2eServer()
    browser = await launchBrowser()
  })

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {})
    await browser?.close()
    await server?.close()
  })

  it('creates, joins by code, shows the lobby and the parking lot live, removes someone, projects', {
    timeout: 240_000,
  }, async () => {
    // The facilitator creates a session on a laptop.
    const facilitator = await person(LAPTOP)
    await facilitator.goto(`${server.baseUrl}/new`)
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
    await phoneA.goto(server.baseUrl)
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
    await phoneB.goto(server.baseUrl)
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
})
