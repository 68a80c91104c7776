import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSkipReason, PHONE } from '../helpers/browser.ts'
import { connect, createSession, joinSession } from '../helpers/clients.ts'
import { startRound } from '../helpers/rooms.ts'
import { browserStage, checkPage } from './support.ts'

const skip = browserSkipReason()

describe.skipIf(skip)('picking a table in a self-select round, on phones', () => {
  const stage = browserStage()

  it('shows how full each table is, live, marks mine and disables a full one', {
    timeout: 180_000,
  }, async () => {
    const { baseUrl } = stage.server
    const created = await createSession(baseUrl, { anonymity: 'named' })
    const seats = await Promise.all(
      ['Alice', 'Bruno', 'Chen'].map((displayName) =>
        joinSession(baseUrl, created.joinCode, { displayName }),
      ),
    )
    const facilitator = await connect(baseUrl, created.facilitatorToken)
    try {
      await startRound(facilitator, { grouping: 'self-select', groupSize: 2, title: 'Find your table' })
    } finally {
      facilitator.close()
    }

    // Each phone has the seat the join page would have left it.
    const phones: Page[] = []
    for (const seat of seats) {
      const phone = await stage.person(PHONE)
      await phone.addInitScript(
        ([key, value]) => window.localStorage.setItem(key as string, value as string),
        [
          `convene:participant:${created.sessionId}`,
          JSON.stringify({ participantId: seat.participantId, token: seat.participantToken }),
        ],
      )
      await phone.goto(`${baseUrl}/s/${created.sessionId}`)
      await phone.getByRole('heading', { name: 'Pick a table' }).waitFor()
      phones.push(phone)
    }
    const [alice, bruno, chen] = phones as [Page, Page, Page]
    const table = (phone: Page, n: number) =>
      phone.getByRole('button', { name: new RegExp(`^Table ${n}\\b`) })
    const says = (phone: Page, n: number) => () => table(phone, n).textContent()

    await expect.poll(says(bruno, 1)).toContain('0 of 2 seats taken')
    await table(alice, 1).click()
    await alice.getByTestId('my-table').getByText('Table 1').waitFor()
    await expect.poll(says(bruno, 1)).toContain('1 of 2 seats taken')
    await table(bruno, 1).click()
    await bruno.getByTestId('my-table').getByText('Table 1').waitFor()

    // Two of two: full and out of reach for the third phone; the other table still open.
    await expect.poll(says(chen, 1)).toContain('Full')
    expect(await table(chen, 1).isDisabled()).toBe(true)
    expect(await says(chen, 2)()).toContain('0 of 2 seats taken')
    expect(await table(chen, 2).isEnabled()).toBe(true)
    const problems = await checkPage(chen, 'self-select-phone-pick')

    // Changing table: mine is marked and cannot be picked again.
    await alice.getByRole('button', { name: 'Change table' }).click()
    await expect.poll(says(alice, 1)).toContain('Your table')
    expect(await table(alice, 1).isDisabled()).toBe(true)
    expect(await table(alice, 2).isEnabled()).toBe(true)
    problems.push(...(await checkPage(alice, 'self-select-phone-change')))
    expect(problems).toEqual([])
  })
})
