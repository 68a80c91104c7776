import { describe, expect, it } from 'vitest'
import type { CreatedSession } from '../../shared/session.ts'
import { browserSkipReason, LAPTOP, PHONE } from '../helpers/browser.ts'
import { browserStage, screenshot } from './support.ts'

const skip = browserSkipReason()
const HOST = 'convene.test'

describe.skipIf(skip)('outside a secure context (plain HTTP on a LAN name, as phones reach it)', () => {
  const stage = browserStage(HOST, [`--host-resolver-rules=MAP ${HOST} 127.0.0.1`])
  const { person } = stage

  it('joins, adds a parking-lot item and sees it reach the facilitator', async () => {
    const res = await fetch(`http://127.0.0.1:${stage.server.port}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'LAN Session', anonymity: 'anonymous' }),
    })
    const created = (await res.json()) as CreatedSession
    expect(created.joinUrl).toBe(`${stage.server.baseUrl}/j/${created.joinCode}`)

    const facilitator = await person(LAPTOP)
    await facilitator.goto(created.facilitatorUrl)
    await facilitator.getByTestId('join-code').waitFor()
    expect(await facilitator.evaluate(() => window.isSecureContext)).toBe(false)
    // Copying falls back gracefully without the clipboard API.
    await facilitator.getByRole('button', { name: 'Copy' }).first().click()
    await facilitator.getByText(/^(Copied|Select the link and copy it)$/).waitFor()

    const phone = await person(PHONE)
    await phone.goto(created.joinUrl)
    expect(await phone.evaluate(() => window.isSecureContext)).toBe(false)
    await phone.getByText('This session is anonymous').waitFor()
    await phone.getByRole('button', { name: 'Join', exact: true }).click()
    await phone.getByRole('heading', { name: "You're in" }).waitFor()
    await phone.getByText("You're anonymous in this session.").waitFor()
    await phone.getByLabel('A question or idea for later').fill('Plain HTTP works')
    await phone.getByRole('button', { name: 'Add' }).click()
    await phone.getByRole('listitem').filter({ hasText: 'Plain HTTP works' }).waitFor()
    await facilitator.getByRole('listitem').filter({ hasText: 'Plain HTTP works' }).waitFor()
    await facilitator.getByTestId('lobby-person').filter({ hasText: 'Anonymous participant' }).waitFor()
    await screenshot(phone, 'insecure-phone-participant')
    await screenshot(facilitator, 'insecure-laptop-facilitator')
  })
})
