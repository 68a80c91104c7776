import { afterEach, describe, expect, it } from 'vitest'
import type { ClientSocket } from '../../client/src/net/docTunnel.ts'
import { ERROR_CODES, type ErrorBody } from '../../shared/errors.ts'
import { addPoint, readPoints } from '../../shared/notes.ts'
import type { RoomSnapshot } from '../../shared/protocol.ts'
import type { RoomState } from '../../shared/rounds.ts'
import { nextEvent, openWatchedDoc, request } from '../helpers/clients.ts'
import { runningRound } from '../helpers/rooms.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

const notes = (socket: ClientSocket, docName: string) => openWatchedDoc(socket, docName, cleanups)

const closedFor = (socket: ClientSocket, docName: string) =>
  nextEvent<{ doc: string; reason: ErrorBody }>(socket, 'doc:closed', (c) => c.doc === docName)

describe('moving someone to another table', () => {
  it('closes their old table notes and opens the new ones, and leaves everyone else writing', async () => {
    const { server, room, snap } = await runningRound(cleanups, 4, { groupSize: 2, grouping: 'random' })
    const [from, to] = snap.groups as [RoomSnapshot['groups'][0], RoomSnapshot['groups'][0]]
    const phoneOf = (id: string) => room.phones.find((p) => p.id === id)!.socket
    const [moverId, stayerId] = from.members.map((m) => m.id) as [string, string]
    const mover = notes(phoneOf(moverId), from.docName)
    const stayer = notes(phoneOf(stayerId), from.docName)
    const other = notes(phoneOf(to.members[0]!.id), to.docName)
    await Promise.all([mover.synced, stayer.synced, other.synced])

    const othersClosed: string[] = []
    for (const id of [stayerId, to.members[0]!.id])
      phoneOf(id).on('doc:closed', ({ doc }: { doc: string }) => othersClosed.push(doc))
    const moverClosed = closedFor(phoneOf(moverId), from.docName)
    const moved = await request<RoomState>(room.facilitator, 'group:move', {
      expectedVersion: snap.state.version,
      participantId: moverId,
      groupId: to.id,
    })
    if (!moved.ok) throw new Error(moved.error.message)

    expect((await moverClosed).reason.code).toBe(ERROR_CODES.forbidden)
    const moverThere = notes(phoneOf(moverId), to.docName)
    await moverThere.synced
    expect(moverThere.opened).toEqual([true])

    // Those who stayed keep writing; the write lands after the move, so after any re-check it caused.
    addPoint(stayer.doc, 'stayer-1', 'idea', 'Written after the move')
    addPoint(other.doc, 'other-1', 'idea', 'Also after the move')
    await Promise.all([stayer.allStored(), other.allStored()])
    const live = await server.app.hub.room(from.docName)
    expect(readPoints(live.doc).map((p) => p.text)).toEqual(['Written after the move'])
    expect(othersClosed).toEqual([])
  })
})
