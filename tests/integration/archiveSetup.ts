import { expect } from 'vitest'
import * as Y from 'yjs'
import type { ClientSocket } from '../../client/src/net/docTunnel.ts'
import type { AppDeps } from '../../server/app.ts'
import { parkingDocName, summaryDocName } from '../../shared/docNames.ts'
import { addPoint, discussionFragment, type PointKind, readPoints } from '../../shared/notes.ts'
import { addParkingItem } from '../../shared/parkingLot.ts'
import type { CreatedInvite, RoomSnapshot } from '../../shared/protocol.ts'
import type { GroupView, RoomState } from '../../shared/rounds.ts'
import type { CreateSessionInput } from '../../shared/session.ts'
import { addAction, createTheme, type GatherBoard, setSynthesis } from '../../shared/summary.ts'
import { connect, createSession, eventually, joinSession, openDoc, request } from '../helpers/clients.ts'
import { startTestServer } from '../helpers/server.ts'

/** A unique marker for this run, so the purge test can look for it byte by byte. */
export const MARK = `zq${Math.random().toString(36).slice(2, 10)}`

/** Sends a request and returns its data, or throws with the server's error. */
export async function ok<T>(socket: ClientSocket, event: string, ...args: unknown[]): Promise<T> {
  const result = await request<T>(socket, event, ...args)
  if (!result.ok) throw new Error(`${event}: ${result.error.code} ${result.error.message}`)
  return result.data
}

interface Phone {
  id: string
  name: string
  sector: string
  socket: ClientSocket
}

/**
 * A finished session: six named people (four in one sector, two in another) at two tables, key points and
 * discussion notes with personal details and the injection corpus, a parking lot, a summary with a theme and an
 * action item; optionally published. `cleanups` collects what the caller must close.
 */
export async function finishedSession(
  cleanups: (() => unknown)[],
  options: { publish?: boolean; session?: Partial<CreateSessionInput>; deps?: Partial<AppDeps> } = {},
) {
  const server = await startTestServer({ retention: { sweepIntervalMs: null }, ...options.deps })
  cleanups.push(() => server.close())
  const created = await createSession(server.baseUrl, {
    title: `Community Conversation ${MARK}`,
    sectors: ['Law enforcement', 'Faith-based'],
    anonymity: 'named',
    ...options.session,
  })
  const facilitator = await connect(server.baseUrl, created.facilitatorToken)
  cleanups.push(() => facilitator.close())
  const people = [
    ['Officer Diaz', 'Law enforcement'],
    ['Maria Lopez', 'Law enforcement'],
    ['=cmd|calc', 'Law enforcement'],
    ['Sam', 'Law enforcement'],
    ['Ruth Okafor', 'Faith-based'],
    ['Nguyễn Thị Hoa', 'Faith-based'],
  ] as const
  const phones: Phone[] = []
  for (const [name, sector] of people) {
    const joined = await joinSession(server.baseUrl, created.joinCode, { displayName: name, sector })
    const socket = await connect(server.baseUrl, joined.participantToken)
    cleanups.push(() => socket.close())
    phones.push({ id: joined.participantId, name, sector, socket })
  }
  const snap = await ok<RoomSnapshot>(facilitator, 'room:snapshot')
  const agenda = await ok<RoomState>(facilitator, 'agenda:save', {
    expectedVersion: snap.state.version,
    rounds: [
      {
        title: 'Where next?',
        prompts: ['Where should we go next?'],
        durationMinutes: 20,
        groupSize: 3,
        grouping: 'random',
      },
      {
        title: 'Collaborate',
        prompts: ['How can we collaborate better?'],
        durationMinutes: 15,
        groupSize: 3,
        grouping: 'random',
      },
    ],
  })
  const roundId = agenda.rounds[0]?.id as string
  await ok(facilitator, 'round:start', { expectedVersion: agenda.version, roundId })
  const { groups } = await ok<RoomSnapshot>(facilitator, 'room:snapshot')
  const groupOf = (phone: Phone) => groups.find((g) => g.members.some((m) => m.id === phone.id)) as GroupView

  const write = async (phone: Phone, text: string, kind: PointKind = 'idea', discussion?: string) => {
    const notes = openDoc(phone.socket, groupOf(phone).docName)
    cleanups.push(() => notes.destroy())
    await notes.synced
    addPoint(notes.doc, `p${Math.random().toString(36).slice(2, 10)}`, kind, text)
    if (discussion) {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(discussion)])
      discussionFragment(notes.doc).push([paragraph])
    }
    const room = await server.app.hub.room(groupOf(phone).docName)
    await eventually(() => expect(readPoints(room.doc).map((p) => p.text)).toContain(text))
    if (discussion)
      await eventually(() => expect(room.doc.getXmlFragment('discussion').toString()).toContain(MARK))
  }

  const [a, b, c, , e] = phones as [Phone, Phone, Phone, Phone, Phone, Phone]
  await write(a, `More shelter beds ${MARK}`, 'idea', `Call maria@example.org or +1 555 123 4567 ${MARK}`)
  await write(b, '=HYPERLINK("http://evil.example","x")', 'concern')
  await write(c, '<script>alert(1)</script> [x](javascript:alert(2))', 'question')
  await write(e, 'Trường học an toàn hơn — más refugios', 'idea')

  const parking = openDoc(a.socket, parkingDocName(created.sessionId))
  cleanups.push(() => parking.destroy())
  await parking.synced
  addParkingItem(parking.doc, `Parking ${MARK} @SUM(A1)`, 'park1')
  const parkingRoom = await server.app.hub.room(parkingDocName(created.sessionId))
  await eventually(() => expect(JSON.stringify(parkingRoom.doc.getArray('items').toJSON())).toContain(MARK))

  const board = await ok<GatherBoard>(facilitator, 'gather:points', {})
  const summary = openDoc(facilitator, summaryDocName(created.sessionId))
  cleanups.push(() => summary.destroy())
  await summary.synced
  const beds = board.points.find((p) => p.text.startsWith('More shelter'))?.ref as string
  createTheme(summary.doc, 'housing', `Housing ${MARK}`, [beds])
  setSynthesis(summary.doc, 'housing', 'People want more beds.')
  addAction(summary.doc, 'act1', {
    text: '+Open a shelter',
    owner: 'Pastor Ruth Okafor',
    due: '2026-05-01',
    themeId: 'housing',
  })
  const summaryRoom = await server.app.hub.room(summaryDocName(created.sessionId))
  await eventually(() => expect(summaryRoom.doc.getMap('actions').size).toBe(1))
  if (options.publish) await ok(facilitator, 'summary:publish')

  const organizerInvite = await ok<CreatedInvite>(facilitator, 'invite:create', {
    role: 'organizer',
    label: 'Org',
  })
  const organizerToken = organizerInvite.url.split('#')[1] as string
  const organizer = await connect(server.baseUrl, organizerToken)
  cleanups.push(() => organizer.close())
  return { server, created, facilitator, organizer, organizerToken, phones, groups }
}

/** Fetches an export over HTTP with a bearer token. */
export async function fetchExport(
  baseUrl: string,
  sessionId: string,
  token: string,
  format: string,
  redact = '',
) {
  const res = await fetch(`${baseUrl}/api/sessions/${sessionId}/export/${format}?redact=${redact}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  return { res, body: Buffer.from(await res.arrayBuffer()) }
}
