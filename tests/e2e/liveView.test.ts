import { describe, expect, it } from 'vitest'
import { addPoint } from '../../shared/notes.ts'
import { browserSkipReason, LAPTOP } from '../helpers/browser.ts'
import { connect, createSession, joinSession, openDoc } from '../helpers/clients.ts'
import { startRound } from '../helpers/rooms.ts'
import { browserStage, screenshot } from './support.ts'

const skip = browserSkipReason()

describe.skipIf(skip)("the facilitator's live view", () => {
  const stage = browserStage()

  it("shows each table's newest points as they are written", { timeout: 120_000 }, async () => {
    const { baseUrl } = stage.server
    const created = await createSession(baseUrl, { title: 'Live view night' })
    const joined = await Promise.all(Array.from({ length: 6 }, () => joinSession(baseUrl, created.joinCode)))
    const facilitatorSocket = await connect(baseUrl, created.facilitatorToken)
    const snap = await startRound(facilitatorSocket, {
      groupSize: 2,
      grouping: 'random',
      title: 'Getting around',
    })
    facilitatorSocket.close()

    const laptop = await stage.person(LAPTOP)
    await laptop.goto(created.facilitatorUrl)
    const cards = laptop.getByTestId('group-card')
    await expect.poll(() => cards.count()).toBe(snap.groups.length)

    // One person at every table writes a point while the live view is open.
    const sockets = await Promise.all(joined.map((j) => connect(baseUrl, j.participantToken)))
    try {
      const written = await Promise.all(
        snap.groups.map(async (group, i) => {
          const index = joined.findIndex((j) => j.participantId === group.members[0]?.id)
          const open = openDoc(sockets[index]!, group.docName)
          await open.synced
          const text = `Table ${group.number} asks for a night bus (${i + 1})`
          addPoint(open.doc, `p${i}`, 'idea', text)
          return { group, text }
        }),
      )
      for (const { group, text } of written) {
        const card = cards.filter({ has: laptop.getByRole('heading', { name: group.name, exact: true }) })
        await expect.poll(() => card.textContent(), { timeout: 10_000 }).toContain(text)
        expect(await card.textContent()).toContain('1 point')
      }
      await screenshot(laptop, 'laptop-live-view-points')
    } finally {
      for (const s of sockets) s.close()
    }
  })
})
