import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import type { ClientSocket } from '../../client/src/net/docTunnel.ts'
import { addPoint } from '../../shared/notes.ts'
import type { RoomSnapshot } from '../../shared/protocol.ts'
import type { RoomState } from '../../shared/rounds.ts'
import { browserSkipReason, LAPTOP, PHONE } from '../helpers/browser.ts'
import { connect, createSession, eventually, openDoc, request } from '../helpers/clients.ts'
import { browserStage, checkPage } from './support.ts'

const skip = browserSkipReason()

const SECTORS = ['Law enforcement', 'Nonprofit services', 'Faith-based']

/** What the two tables wrote; each table's list goes into its own group's notes. */
const TABLE_ONE = [
  'More shelter beds',
  'Long-term housing for survivors',
  'Train officers to recognise trafficking',
  'Affordable apartments near bus lines',
]
const TABLE_TWO = [
  'more shelter beds!',
  'Training for teachers on warning signs',
  'Workshops for nurses to spot abuse',
  'Transitional housing with support staff',
]

async function ok<T>(socket: ClientSocket, event: string, ...args: unknown[]): Promise<T> {
  const result = await request<T>(socket, event, ...args)
  if (!result.ok) throw new Error(`${event}: ${result.error.code} ${result.error.message}`)
  return result.data
}

describe.skipIf(skip)('gathering a room into one summary, in Chromium', () => {
  const stage = browserStage()
  const { person } = stage
  const sockets: ClientSocket[] = []
  const problems: string[] = []

  afterAll(() => {
    for (const socket of sockets) socket.close()
  })

  it('gathers two tables into themes, sorts the rest, runs a vote on three phones and publishes', async () => {
    const created = await createSession(stage.server.baseUrl, {
      title: 'Community Conversation',
      sectors: SECTORS,
    })

    // Three phones join by code.
    const phones: Page[] = []
    for (const [i, sector] of SECTORS.entries()) {
      const phone = await person(PHONE)
      await phone.goto(`${stage.server.baseUrl}/j/${created.joinCode}`)
      await phone.getByLabel('Your sector').selectOption(sector)
      await phone.getByRole('button', { name: 'Join', exact: true }).click()
      await phone.getByRole('heading', { name: "You're in" }).waitFor()
      phones.push(phone)
      expect(i).toBeLessThan(3)
    }

    // The round runs (driven through the protocol: the rounds screen is another feature) and two tables write.
    const control = await connect(stage.server.baseUrl, created.facilitatorToken)
    sockets.push(control)
    const snap = await ok<RoomSnapshot>(control, 'room:snapshot')
    const agenda = await ok<RoomState>(control, 'agenda:save', {
      expectedVersion: snap.state.version,
      rounds: [
        {
          title: 'Where next?',
          prompts: ['Where next?'],
          durationMinutes: 20,
          groupSize: 2,
          grouping: 'random',
        },
      ],
    })
    await ok(control, 'round:start', { expectedVersion: agenda.version, roundId: agenda.rounds[0]?.id })
    const { groups } = await ok<RoomSnapshot>(control, 'room:snapshot')
    expect(groups.length).toBeGreaterThanOrEqual(2)
    for (const [g, texts] of [TABLE_ONE, TABLE_TWO].entries()) {
      const notes = openDoc(control, groups[g]?.docName as string)
      await notes.synced
      for (const [i, text] of texts.entries())
        addPoint(notes.doc, `t${g}p${i}`, i === 3 ? 'concern' : 'idea', text)
      await eventually(async () => {
        const board = await ok<{ points: unknown[] }>(control, 'gather:points', {})
        expect(board.points.length).toBe(g === 0 ? 4 : 8)
      })
      notes.destroy()
    }
    // The round ends; gathering happens after it.
    const running = await ok<RoomSnapshot>(control, 'room:snapshot')
    await ok(control, 'round:end', { expectedVersion: running.state.version, roundId: agenda.rounds[0]?.id })

    // The facilitator opens the gather board from the session page.
    const facilitator = await person(LAPTOP)
    await facilitator.goto(created.facilitatorUrl)
    await facilitator.getByRole('link', { name: "Gather the groups' points" }).click()
    await facilitator.getByRole('heading', { name: 'Gather', exact: true }).waitFor()
    const unsorted = facilitator.getByRole('list', { name: 'Unsorted' })
    await unsorted.getByText('Long-term housing for survivors', { exact: true }).waitFor()

    // Duplicates from the two tables are shown together, and merged.
    await facilitator.getByText('The same point, 2 times').waitFor()
    await facilitator.getByRole('button', { name: /^Merge\W+More shelter beds$/ }).click()
    await facilitator.getByText('Said at 2 tables').waitFor()

    // Suggested themes appear with telling words; one is accepted under a new name.
    await facilitator.getByRole('button', { name: 'Suggest themes' }).click()
    await facilitator.getByRole('heading', { name: 'Suggested themes' }).waitFor()
    await facilitator
      .getByText(/^Telling words:/)
      .first()
      .waitFor()
    problems.push(...(await checkPage(facilitator, 'gather-laptop-suggestions')))
    const ignore = facilitator.getByRole('button', { name: /^Ignore/ })
    while ((await ignore.count()) > 0) await ignore.first().click()

    // Two themes by hand; one point placed by keyboard menu, one by drag and drop.
    for (const title of ['Housing', 'Training']) {
      await facilitator.getByLabel('New theme name').fill(title)
      await facilitator.getByRole('button', { name: 'Add theme' }).click()
      await facilitator.getByRole('region', { name: `Theme: ${title}` }).waitFor()
    }
    const housing = facilitator.getByRole('region', { name: 'Theme: Housing' })
    const training = facilitator.getByRole('region', { name: 'Theme: Training' })
    await facilitator.getByLabel('Move “More shelter beds” to theme').selectOption({ label: 'Housing' })
    await housing.getByText('More shelter beds', { exact: true }).waitFor()
    // Focus stays in the unsorted list, on the next point's menu, so sorting by keyboard flows on.
    expect(await facilitator.evaluate(() => document.activeElement?.tagName)).toBe('SELECT')
    await unsorted
      .getByRole('listitem')
      .filter({ hasText: 'Train officers to recognise trafficking' })
      .dragTo(training.locator('.drop'))
    await training.getByText('Train officers to recognise trafficking', { exact: true }).waitFor()

    // "Sort the rest" proposes a theme for the others, with how sure it is.
    await facilitator.getByRole('button', { name: 'Sort the rest' }).click()
    const acceptAll = facilitator.getByRole('button', { name: /^Accept (all )?\d+ suggestions?$/ })
    await acceptAll.waitFor()
    await facilitator
      .getByText(/Suggested: (Housing|Training) \(\d+% sure\)/)
      .first()
      .waitFor()
    problems.push(...(await checkPage(facilitator, 'gather-laptop-sorted')))
    const proposed = Number((await acceptAll.textContent())?.match(/\d+/)?.[0])
    const unsure = Number(
      (
        await facilitator
          .getByText(/were unclear and stay unsorted/)
          .first()
          .textContent()
      )?.match(/(\d+) were/)?.[1],
    )
    await acceptAll.click()
    // Every confident proposal is placed; the unsure points stay unsorted for a person to decide.
    await eventually(async () => {
      const placed = (await housing.locator('.point').count()) + (await training.locator('.point').count())
      expect(placed).toBe(2 + proposed)
      expect(await unsorted.locator('.point').count()).toBe(unsure)
    })
    // The facilitator places what the engine was unsure about, by keyboard.
    while ((await unsorted.locator('.point').count()) > 0) {
      const text = (await unsorted.locator('.point-text').first().textContent()) ?? ''
      const to = /train|workshop|teach/i.test(text) ? 'Training' : 'Housing'
      await facilitator.getByLabel(`Move “${text}” to theme`).selectOption({ label: to })
    }
    await housing.getByText('Long-term housing for survivors', { exact: true }).waitFor()
    await training.getByText('Workshops for nurses to spot abuse', { exact: true }).waitFor()

    // A synthesis per theme and an action item.
    await housing.getByLabel('Synthesis').fill('Beds tonight and homes for the long term.')
    await training.getByLabel('Synthesis').fill('Front-line staff want to spot the signs.')
    await facilitator.getByLabel('What will happen').fill('Count the shelter beds in the region')
    await facilitator.getByLabel('Owner').last().fill('Shelter network')
    await facilitator.getByLabel('Due date').last().fill('2026-07-01')
    await facilitator.getByLabel('Theme', { exact: true }).last().selectOption({ label: 'Housing' })
    await facilitator.getByRole('button', { name: 'Add action item' }).click()
    await facilitator
      .getByRole('button', { name: /^Delete\W+Count the shelter beds in the region$/ })
      .waitFor()
    problems.push(...(await checkPage(facilitator, 'gather-laptop-board')))

    // Phones see nothing of the draft.
    for (const phone of phones) expect(await phone.getByText('Beds tonight').count()).toBe(0)

    // The projector follows the vote.
    const projector = await person(LAPTOP)
    await projector.goto(created.projectorUrl)
    await projector.getByTestId('projector-code').waitFor()

    // The vote opens with three dots each; the phones show the themes.
    await facilitator.getByLabel('Dots per person').fill('3')
    await facilitator.getByRole('button', { name: 'Open the vote' }).click()
    const [p1, p2, p3] = phones as [Page, Page, Page]
    for (const phone of phones)
      await phone.getByRole('heading', { name: 'Vote for what matters most' }).waitFor()
    await p1.getByRole('button', { name: 'Add a dot to Housing' }).click()
    await p1.getByRole('button', { name: 'Add a dot to Housing' }).click()
    await p1.getByRole('button', { name: 'Add a dot to Training' }).click()
    await p1.getByText('You have 0 of 3 dots left').waitFor()
    expect(await p1.getByRole('button', { name: 'Add a dot to Housing' }).isDisabled()).toBe(true)
    problems.push(...(await checkPage(p1, 'gather-phone-vote')))
    // Moving a dot: take one back from Training, place it on Housing.
    await p1.getByRole('button', { name: 'Take a dot back from Training' }).click()
    await p1.getByText('You have 1 of 3 dots left').waitFor()
    await p1.getByRole('button', { name: 'Add a dot to Housing' }).click()
    await p1.getByText('You have 0 of 3 dots left').waitFor()
    for (let i = 0; i < 2; i++) await p2.getByRole('button', { name: 'Add a dot to Training' }).click()
    await p2.getByText('You have 1 of 3 dots left').waitFor()
    await p3.getByRole('button', { name: 'Add a dot to Housing' }).click()
    await p3.getByText('You have 2 of 3 dots left').waitFor()

    // A reload does not give a phone more dots.
    await p3.reload()
    await p3.getByText('You have 2 of 3 dots left').waitFor()

    // Tallies live on the projector and the board.
    await projector.getByText('3 people have placed 6 dots').waitFor()
    await projector.getByRole('heading', { name: 'Vote on your phone' }).waitFor()
    problems.push(...(await checkPage(projector, 'gather-projector-vote')))
    await facilitator.getByText('3 people have placed 6 dots').waitFor()
    await housing.getByText('4 dots', { exact: true }).waitFor()

    await facilitator.getByRole('button', { name: 'Close the vote' }).click()
    await p1.getByRole('heading', { name: 'The vote is closed' }).waitFor()
    await facilitator.getByRole('button', { name: 'Publish what we heard' }).click()

    // Every phone and the projector show what we heard, ranked by the room's dots.
    for (const phone of phones) {
      await phone.getByRole('heading', { name: 'What we heard' }).waitFor()
      await phone.getByText('Beds tonight and homes for the long term.').waitFor()
    }
    const heardThemes = p2.locator('.heard-theme h3')
    expect(await heardThemes.allTextContents()).toEqual(['Housing', 'Training'])
    await p2.getByText('3 people voted with 6 dots.').waitFor()
    await p2.getByText('Count the shelter beds in the region').waitFor()
    await p2
      .getByText(/^What was said/)
      .first()
      .click()
    await p2.getByText(/^Said 2 times:/).waitFor()
    problems.push(...(await checkPage(p2, 'gather-phone-heard')))
    await projector.getByRole('heading', { name: 'What we heard' }).waitFor()
    problems.push(...(await checkPage(projector, 'gather-projector-heard')))

    // Republishing after an edit replaces what the phones show.
    await training.getByLabel('Synthesis').fill('Teachers, nurses and officers want training together.')
    await facilitator.getByRole('button', { name: 'Publish again' }).click()
    await p3.getByText('Teachers, nurses and officers want training together.').waitFor()
    expect(await p3.getByText('Front-line staff want to spot the signs.').count()).toBe(0)

    // The board on a phone-sized screen does not scroll sideways; Spanish reads in full.
    await facilitator.setViewportSize({ width: 360, height: 740 })
    problems.push(...(await checkPage(facilitator, 'gather-phone-board')))
    await p1.getByLabel('Language').selectOption('es')
    await p1.getByRole('heading', { name: 'Lo que escuchamos' }).waitFor()
    problems.push(...(await checkPage(p1, 'gather-phone-heard-es')))

    expect(problems).toEqual([])
  }, 180_000)
})
