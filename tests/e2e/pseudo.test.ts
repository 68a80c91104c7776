import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSkipReason, LAPTOP, PHONE } from '../helpers/browser.ts'
import { browserStage, screenshot } from './support.ts'

const skip = browserSkipReason()

/** What people typed (and codes and URLs): allowed outside the pseudo markers. */
const USER_TEXT = [
  'Pseudo Check Session',
  'Welcome, neighbours.',
  'Law enforcement',
  'Advocates',
  'Parked pseudo idea',
  'Zoe',
  'Convene',
]

/**
 * Text on the page, visible or spoken (aria-label, placeholder, title), that is not inside ⟦ ⟧ and is not user
 * content: each offender is a string that skipped the catalogues.
 */
async function untranslated(page: Page, allowed: string[]): Promise<string[]> {
  const texts = await page.evaluate(() => {
    // The rendered text is the point: what people see, not what hidden nodes hold.
    // biome-ignore lint/performance/useDomNodeTextContent: visible text is what the check is about
    const out = [document.body.innerText]
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      for (const attr of ['aria-label', 'placeholder', 'title']) {
        const value = el.getAttribute(attr)
        if (value) out.push(value)
      }
    }
    return out
  })
  const offenders: string[] = []
  for (const text of texts) {
    for (const line of text.split('\n')) {
      let rest = line.replace(/⟦[^⟧]*⟧/g, ' ')
      for (const ok of allowed) rest = rest.split(ok).join(' ')
      rest = rest.replace(/https?:\/\/\S+/g, ' ').replace(/[\d\s\p{P}\p{S}]+/gu, ' ')
      if (/\p{L}/u.test(rest)) offenders.push(line.trim())
    }
  }
  return offenders
}

describe.skipIf(skip)('the pseudo-language shows no text that skipped the catalogues', () => {
  const stage = browserStage()
  const { person } = stage
  const offenders: string[] = []
  const check = async (page: Page, name: string, extra: string[] = []) => {
    await screenshot(page, `pseudo-${name}`)
    for (const line of await untranslated(page, [...USER_TEXT, ...extra])) offenders.push(`${name}: ${line}`)
  }

  it('on every page', async () => {
    const facilitator = await person(LAPTOP)
    await facilitator.goto(`${stage.server.baseUrl}/new?lng=pseudo`)
    await facilitator.locator('form h1').waitFor()
    expect(await facilitator.evaluate(() => document.documentElement.lang)).toBe('en-XA')
    await check(facilitator, 'create')
    const inputs = facilitator.locator('form input[type="text"], form textarea')
    await inputs.nth(0).fill('Pseudo Check Session')
    await inputs.nth(1).fill('Welcome, neighbours.')
    await inputs.nth(2).fill('Law enforcement\nAdvocates')
    await facilitator.locator('input[value="named"]').check()
    await facilitator.locator('form button[type="submit"]').click()
    await facilitator.waitForURL(/\/f\//)
    const codeLocator = facilitator.getByTestId('join-code')
    await codeLocator.waitFor()
    const code = ((await codeLocator.textContent()) ?? '').trim()
    await check(facilitator, 'facilitator-empty', [code])

    const phone = await person(PHONE)
    await phone.goto(`${stage.server.baseUrl}/?lng=pseudo`)
    await phone.locator('h1').waitFor()
    await check(phone, 'home')
    await phone.locator('input.code-input').fill('ZZZZ22')
    await phone.locator('form button[type="submit"]').click()
    await phone.getByRole('alert').waitFor()
    await check(phone, 'home-error', ['ZZZZ22'])
    await phone.locator('input.code-input').fill(code)
    await phone.locator('form button[type="submit"]').click()
    await phone.getByRole('heading', { name: 'Pseudo Check Session' }).waitFor()
    await check(phone, 'join', [code])
    await phone.locator('input[autocomplete="nickname"]').fill('Zoe')
    await phone.locator('form button[type="submit"]').click()
    await phone.waitForURL(/\/s\//)
    await phone.locator('.youre-in').waitFor()
    await phone.locator('.parking-form input').fill('Parked pseudo idea')
    await phone.locator('.parking-form button').click()
    await phone.getByRole('listitem').filter({ hasText: 'Parked pseudo idea' }).waitFor()
    await check(phone, 'participant')

    await facilitator.getByTestId('lobby-person').filter({ hasText: 'Zoe' }).waitFor()
    await facilitator.getByRole('listitem').filter({ hasText: 'Parked pseudo idea' }).waitFor()
    await facilitator.getByTestId('lobby-person').locator('button').click()
    await facilitator.locator('.confirm').waitFor()
    await check(facilitator, 'facilitator-lobby', [code])

    const projectorHref = await facilitator.getByTestId('open-projector').getAttribute('href')
    const projectorUrl = new URL(projectorHref as string)
    projectorUrl.search = '?lng=pseudo'
    const projector = await person(LAPTOP)
    await projector.goto(projectorUrl.toString())
    await projector.getByTestId('projector-code').waitFor()
    await projector.getByRole('listitem').filter({ hasText: 'Parked pseudo idea' }).waitFor()
    await check(projector, 'projector', [`${projectorUrl.host}/j/${code}`, code])

    const lost = await person(PHONE)
    await lost.goto(`${stage.server.baseUrl}/s/nobody?lng=pseudo`)
    await lost.locator('h1').waitFor()
    await check(lost, 'participant-no-seat')
    await lost.goto(`${stage.server.baseUrl}/nowhere?lng=pseudo`)
    await lost.locator('h1').waitFor()
    await check(lost, 'not-found')

    expect(offenders).toEqual([])
  })
})
