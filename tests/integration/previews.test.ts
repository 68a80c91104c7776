import { afterEach, describe, expect, it } from 'vitest'
import { addPoint } from '../../shared/notes.ts'
import type { GroupPreview } from '../../shared/protocol.ts'
import { openDoc } from '../helpers/clients.ts'
import { runningRound } from '../helpers/rooms.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

describe("the live view's previews", () => {
  it('reach facilitators as one message for every table that changed, not one per table', async () => {
    const { room, snap } = await runningRound(cleanups, 6, { groupSize: 2, grouping: 'random' })
    expect(snap.groups).toHaveLength(3)
    const batches: GroupPreview[][] = []
    const everyTable = new Promise<void>((resolve) =>
      room.facilitator.on('group:previews', (previews: GroupPreview[]) => {
        batches.push(previews)
        if (new Set(batches.flat().map((p) => p.docName)).size === snap.groups.length) resolve()
      }),
    )

    // One person at every table writes a point, at about the same moment.
    const opened = snap.groups.map((group, i) => {
      const phone = room.phones.find((p) => p.id === group.members[0]?.id)!
      const open = openDoc(phone.socket, group.docName)
      cleanups.push(() => open.destroy())
      return { group, open, text: `Point from table ${i + 1}` }
    })
    await Promise.all(opened.map((o) => o.open.synced))
    for (const { open, text } of opened) addPoint(open.doc, `p-${text}`, 'idea', text)
    await everyTable

    expect(batches).toHaveLength(1)
    const byDoc = new Map(batches[0]!.map((p) => [p.docName, p]))
    for (const { group, text } of opened) {
      expect(byDoc.get(group.docName)).toMatchObject({ pointCount: 1, latest: [{ kind: 'idea', text }] })
    }
    // Participants are not sent the previews.
    const phoneHeard: unknown[] = []
    for (const p of room.phones) p.socket.on('group:previews', (x: unknown) => phoneHeard.push(x))
    const next = new Promise<GroupPreview[]>((resolve) => room.facilitator.once('group:previews', resolve))
    addPoint(opened[0]!.open.doc, 'p-later', 'concern', 'A later point')
    expect((await next).map((p) => p.docName)).toEqual([opened[0]!.group.docName])
    expect(phoneHeard).toEqual([])
  })
})
