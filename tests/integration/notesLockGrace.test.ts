import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ClientSocket } from '../../client/src/net/docTunnel.ts'
import { sqliteDocStore } from '../../server/store/sqlite/docs.ts'
import { ERROR_CODES, type ErrorBody } from '../../shared/errors.ts'
import { addPoint, readPoints } from '../../shared/notes.ts'
import type { CreatedInvite } from '../../shared/protocol.ts'
import type { RoomState } from '../../shared/rounds.ts'
import { connect, eventually, nextEvent, openWatchedDoc, request } from '../helpers/clients.ts'
import { runningRound } from '../helpers/rooms.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

/**
 * The grace the server is built with here, instead of LIMITS.notesLockGraceMs (two minutes): long enough for a
 * phone to reconnect and deliver inside it, short enough to wait out. The server locks open connections a second
 * after the grace.
 */
const GRACE_MS = 2000

const texts = (doc: Y.Doc) => readPoints(doc).map((p) => p.text)

const notes = (socket: ClientSocket, docName: string) => openWatchedDoc(socket, docName, cleanups)

/** The next `doc:rejected` for this document with the read-only code. */
const lockedNotice = (socket: ClientSocket, docName: string, timeoutMs?: number) =>
  nextEvent<{ doc: string; reason: ErrorBody }>(
    socket,
    'doc:rejected',
    (r) => r.doc === docName && r.reason.code === ERROR_CODES.readOnly,
    timeoutMs,
  )

/** The document as it is on disk now, read through a second, read-only connection to the server's file. */
async function onDisk(dataFile: string, docName: string): Promise<Y.Doc> {
  const db = new Database(dataFile, { readonly: true })
  try {
    const stored = await sqliteDocStore(db).load(docName)
    const doc = new Y.Doc()
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
    return doc
  } finally {
    db.close()
  }
}

describe('group notes after a round ends', () => {
  it('take edits during the grace, then refuse and do not store them, and stay readable', async () => {
    const { server, room, snap } = await runningRound(cleanups, 3, {}, { notesLockGraceMs: GRACE_MS })
    const round = snap.state.rounds[0]!
    expect(round.notesAfter).toBe('readonly')
    const docName = snap.groups[0]!.docName
    const phone = (i: number) => {
      const { socket, token } = room.phones[i]!
      return { socket, token, notes: notes(socket, docName) }
    }
    const [ana, ben, cy] = [phone(0), phone(1), phone(2)]
    for (const p of [ana, ben, cy]) await p.notes.synced
    expect([ana, ben, cy].map((p) => p.notes.opened)).toEqual([[true], [true], [true]])

    // Ben comes back during the grace, Cy only after it; both write while offline.
    ben.socket.disconnect()
    cy.socket.disconnect()
    addPoint(ben.notes.doc, 'ben-1', 'idea', 'Ben wrote this offline')
    addPoint(cy.notes.doc, 'cy-1', 'idea', 'Cy wrote this offline')

    const anaLocked = lockedNotice(ana.socket, docName, GRACE_MS + 10_000)
    const benLocked = lockedNotice(ben.socket, docName, GRACE_MS + 10_000)
    const ended = await request<RoomState>(room.facilitator, 'round:end', {
      expectedVersion: snap.state.version,
      roundId: round.id,
    })
    if (!ended.ok) throw new Error(ended.error.message)
    const endedAt = ended.data.rounds[0]!.endedAt!
    expect(ended.data.rounds[0]!.status).toBe('ended')

    // (1) During the grace: an open connection's edit and a reconnecting phone's offline edit are taken and stored.
    addPoint(ana.notes.doc, 'ana-1', 'concern', 'Ana wrote this in the grace')
    ben.socket.connect()
    await Promise.all([ana.notes.allStored(), ben.notes.allStored()])
    expect(ben.notes.opened.at(-1), 'Ben reopened the notes inside the grace').toBe(true)
    const live = await server.app.hub.room(docName)
    const kept = ['Ben wrote this offline', 'Ana wrote this in the grace'].sort()
    expect(texts(live.doc).sort()).toEqual(kept)

    // (2) After the grace the server locks the open connections by itself and tells them.
    const [anaNotice, benNotice] = await Promise.all([anaLocked, benLocked])
    expect(Date.now(), 'the lock waited out the grace').toBeGreaterThanOrEqual(endedAt + GRACE_MS)
    expect(anaNotice.reason.code).toBe(ERROR_CODES.readOnly)
    expect(benNotice.reason.code).toBe(ERROR_CODES.readOnly)

    // A change on a locked connection is refused with the read-only error and not stored.
    const anaRefused = lockedNotice(ana.socket, docName)
    addPoint(ana.notes.doc, 'ana-2', 'idea', 'Ana wrote this after the grace')
    expect((await anaRefused).reason.message).toMatch(/not saved/)
    // A phone back only now opens the notes read-only, and what it wrote offline is refused too.
    const cyRefused = lockedNotice(cy.socket, docName)
    cy.socket.connect()
    expect((await cyRefused).reason.message).toMatch(/not saved/)
    expect(cy.notes.opened).toEqual([true, false])

    // (3) The facilitator, the organizer and a participant's fresh connection still open and read the notes.
    const invite = await request<CreatedInvite>(room.facilitator, 'invite:create', {
      role: 'organizer',
      label: 'Org',
    })
    if (!invite.ok) throw new Error(invite.error.message)
    const organizer = await connect(server.baseUrl, invite.data.url.split('#')[1]!)
    cleanups.push(() => organizer.close())
    const anaAgain = await connect(server.baseUrl, ana.token)
    cleanups.push(() => anaAgain.close())
    const readers = [room.facilitator, organizer, anaAgain].map((socket) => notes(socket, docName))
    for (const reader of readers) await reader.synced
    expect(readers.map((r) => r.opened)).toEqual([[true], [false], [false]])
    for (const reader of readers) expect(texts(reader.doc).sort()).toEqual(kept)

    // Neither refused change reached the server's copy or the disk; the grace's changes did.
    expect(texts(live.doc).sort()).toEqual(kept)
    expect(texts(await onDisk(server.dataFile, docName)).sort()).toEqual(kept)
  }, 30_000)

  it('lock on time when the server restarts during the grace', async () => {
    const { server: first, room, snap } = await runningRound(cleanups, 1, {}, { notesLockGraceMs: GRACE_MS })
    const docName = snap.groups[0]!.docName
    const phone = room.phones[0]!.socket
    const ana = notes(phone, docName)
    await ana.synced
    const ended = await request<RoomState>(room.facilitator, 'round:end', {
      expectedVersion: snap.state.version,
      roundId: snap.state.rounds[0]!.id,
    })
    if (!ended.ok) throw new Error(ended.error.message)
    const endedAt = ended.data.rounds[0]!.endedAt!

    // The restarted server has no timer from before: it must find the grace in the store.
    const restarted = await first.restart()
    cleanups.push(() => restarted.close())
    await eventually(() => expect(ana.opened).toEqual([true, true]))
    expect(Date.now(), 'Ana reopened inside the grace').toBeLessThan(endedAt + GRACE_MS)
    const locked = await lockedNotice(phone, docName, GRACE_MS + 10_000)
    expect(locked.reason.code).toBe(ERROR_CODES.readOnly)
    expect(Date.now(), 'the lock waited out the grace').toBeGreaterThanOrEqual(endedAt + GRACE_MS)
  }, 30_000)
})
