import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ClientSocket } from '../../client/src/net/docTunnel.ts'
import { summaryDocName } from '../../shared/docNames.ts'
import type { SortRestResult, ThemeSuggestions } from '../../shared/gatherProtocol.ts'
import { addPoint, type PointKind } from '../../shared/notes.ts'
import type { CreatedInvite, RoomSnapshot } from '../../shared/protocol.ts'
import type { GroupView, RoomState } from '../../shared/rounds.ts'
import {
  addAction,
  createTheme,
  type GatherBoard,
  mergePoints,
  type PublishedSummary,
  placePoint,
  readActions,
  readThemes,
  renameTheme,
  setSynthesis,
  themeOf,
  type VoteTally,
  type VoteView,
} from '../../shared/summary.ts'
import {
  connect,
  createSession,
  eventually,
  joinSession,
  nextEvent,
  openDoc,
  request,
} from '../helpers/clients.ts'
import { startTestServer, type TestServer } from '../helpers/server.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

// Four people hold the first sector and two the second: only the first may be shown beside a point.
const SECTORS = [
  'Law enforcement',
  'Law enforcement',
  'Law enforcement',
  'Law enforcement',
  'Faith-based',
  'Faith-based',
]

interface Phone {
  id: string
  token: string
  sector: string
  socket: ClientSocket
}

async function ok<T>(socket: ClientSocket, event: string, ...args: unknown[]): Promise<T> {
  const result = await request<T>(socket, event, ...args)
  if (!result.ok) throw new Error(`${event}: ${result.error.code} ${result.error.message}`)
  return result.data
}

/** A session with six phones in two tables of a running round, and a co-facilitator and a projector. */
async function gatheringRoom() {
  const server: TestServer = await startTestServer()
  cleanups.push(() => server.close())
  const created = await createSession(server.baseUrl, {
    sectors: ['Law enforcement', 'Faith-based'],
    anonymity: 'sector',
  })
  const facilitator = await connect(server.baseUrl, created.facilitatorToken)
  cleanups.push(() => facilitator.close())
  const phones: Phone[] = []
  for (const sector of SECTORS) {
    const joined = await joinSession(server.baseUrl, created.joinCode, { sector })
    const socket = await connect(server.baseUrl, joined.participantToken)
    cleanups.push(() => socket.close())
    phones.push({ id: joined.participantId, token: joined.participantToken, sector, socket })
  }
  const invite = await ok<CreatedInvite>(facilitator, 'invite:create', { role: 'cofacilitator', label: 'Co' })
  const co = await connect(server.baseUrl, invite.url.split('#')[1] as string)
  const projector = await connect(server.baseUrl, created.projectorUrl.split('#')[1] as string)
  cleanups.push(
    () => co.close(),
    () => projector.close(),
  )
  const snap = await ok<RoomSnapshot>(facilitator, 'room:snapshot')
  const agenda = await ok<RoomState>(facilitator, 'agenda:save', {
    expectedVersion: snap.state.version,
    rounds: [
      {
        title: 'Where next?',
        prompts: ['Where next?'],
        durationMinutes: 20,
        groupSize: 3,
        grouping: 'random',
      },
    ],
  })
  const roundId = agenda.rounds[0]?.id as string
  await ok(facilitator, 'round:start', { expectedVersion: agenda.version, roundId })
  const { groups } = await ok<RoomSnapshot>(facilitator, 'room:snapshot')
  expect(groups).toHaveLength(2)
  const groupOf = (phone: Phone) => groups.find((g) => g.members.some((m) => m.id === phone.id)) as GroupView

  /** A phone writes a key point into its own group's notes, as the notes page does. */
  const write = async (phone: Phone, text: string, kind: PointKind = 'idea') => {
    const notes = openDoc(phone.socket, groupOf(phone).docName)
    cleanups.push(() => notes.destroy())
    await notes.synced
    addPoint(notes.doc, `p${Math.random().toString(36).slice(2, 10)}`, kind, text)
    const room = await server.app.hub.room(groupOf(phone).docName)
    await eventually(() => expect(JSON.stringify(room.doc.getMap('points').toJSON())).toContain(text))
  }

  /** Opens the summary document on a connection and waits for its first sync. */
  const summary = async (socket: ClientSocket) => {
    const opened = openDoc(socket, summaryDocName(created.sessionId))
    cleanups.push(() => opened.destroy())
    await opened.synced
    return opened
  }

  return { server, created, facilitator, co, projector, phones, groups, groupOf, roundId, write, summary }
}

describe('the gather step', () => {
  it('gathers every key point with provenance, a sector only when three people hold it, and duplicates', async () => {
    const r = await gatheringRoom()
    const police = r.phones.find((p) => p.sector === 'Law enforcement') as Phone
    const faith = r.phones.find((p) => p.sector === 'Faith-based') as Phone
    const otherTable = r.phones.find((p) => r.groupOf(p).id !== r.groupOf(police).id) as Phone
    await r.write(police, 'More shelter beds')
    await r.write(faith, 'Long-term housing for survivors', 'concern')
    await r.write(otherTable, 'more shelter beds!')

    const board = await ok<GatherBoard>(r.facilitator, 'gather:points', {})
    expect(board.rounds.map((x) => x.id)).toEqual([r.roundId])
    expect(board.points).toHaveLength(3)
    const byText = (text: string) => board.points.find((p) => p.text === text)
    expect(byText('More shelter beds')?.provenance).toMatchObject({
      roundId: r.roundId,
      roundTitle: 'Where next?',
      groupId: r.groupOf(police).id,
      sector: 'Law enforcement',
      name: null,
    })
    // Two people hold "Faith-based": showing it would all but name the writer.
    expect(byText('Long-term housing for survivors')?.provenance.sector).toBeNull()
    expect(byText('Long-term housing for survivors')?.kind).toBe('concern')
    expect(board.duplicates).toEqual([
      [byText('More shelter beds')?.ref, byText('more shelter beds!')?.ref].sort((a, b) =>
        board.points.findIndex((p) => p.ref === a) < board.points.findIndex((p) => p.ref === b) ? -1 : 1,
      ),
    ])

    // Participants and the projector may not read the board.
    for (const socket of [police.socket, r.projector]) {
      expect(await request(socket, 'gather:points', {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      })
    }
  })

  it('lets two facilitators edit the summary at once and converge', async () => {
    const r = await gatheringRoom()
    await r.write(r.phones[0] as Phone, 'More shelter beds')
    await r.write(r.phones[5] as Phone, 'Train officers to spot trafficking')
    const board = await ok<GatherBoard>(r.facilitator, 'gather:points', {})
    const [beds, training] = board.points.map((p) => p.ref) as [string, string]
    const a = await r.summary(r.facilitator)
    const b = await r.summary(r.co)
    createTheme(a.doc, 'housing', 'Housing', [beds])
    createTheme(b.doc, 'training', 'Training')
    await eventually(() =>
      expect(
        readThemes(b.doc)
          .map((t) => t.id)
          .sort(),
      ).toEqual(['housing', 'training']),
    )
    // Both type into the same fields at the same moment.
    renameTheme(a.doc, 'housing', 'Housing now')
    renameTheme(b.doc, 'housing', 'Safe housing')
    setSynthesis(a.doc, 'training', 'Officers ask for training.')
    setSynthesis(b.doc, 'training', 'Training is wanted.')
    placePoint(b.doc, training, 'training')
    addAction(a.doc, 'a1', {
      text: 'Count the beds',
      owner: 'Shelter network',
      due: '2026-07-01',
      themeId: 'housing',
    })
    addAction(b.doc, 'a2', { text: 'Plan a training day', owner: 'Police', due: '', themeId: 'training' })

    const server = (await r.server.app.hub.room(summaryDocName(r.created.sessionId))).doc
    await eventually(() => {
      const stateA = Y.encodeStateAsUpdate(a.doc)
      expect(Y.encodeStateAsUpdate(b.doc)).toEqual(stateA)
      expect(readThemes(server)).toEqual(readThemes(a.doc))
      expect(
        readActions(a.doc)
          .map((x) => x.id)
          .sort(),
      ).toEqual(['a1', 'a2'])
    })
    const housing = readThemes(a.doc).find((t) => t.id === 'housing')
    // Both edits of one title survive, merged character by character, and both replicas agree.
    expect(housing?.title).toMatch(/^Safe h.*now$|now.*Safe/)
    expect(readThemes(b.doc).find((t) => t.id === 'housing')?.title).toBe(housing?.title)
    expect(themeOf(a.doc, training)).toBe('training')
    expect(themeOf(b.doc, beds)).toBe('housing')
  })

  it('suggests themes and sorts the rest from the placements in the summary', async () => {
    const r = await gatheringRoom()
    const texts = [
      'More shelter beds',
      'Long-term housing for survivors',
      'Affordable apartments for families',
      'Train officers to recognise trafficking',
      'Training for teachers on warning signs',
      'Workshops for nurses to spot abuse',
    ]
    for (const [i, text] of texts.entries()) await r.write(r.phones[i] as Phone, text)
    const suggestion = await ok<ThemeSuggestions>(r.facilitator, 'gather:suggest', {})
    const suggested = suggestion.themes.flatMap((t) => t.refs).concat(suggestion.unsorted)
    expect(suggested).toHaveLength(texts.length)
    for (const theme of suggestion.themes) expect(theme.label).toBeTruthy()

    // Sort the rest needs seeds first.
    expect(await request(r.facilitator, 'gather:sortRest', {})).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })
    const board = await ok<GatherBoard>(r.facilitator, 'gather:points', {})
    const ref = (text: string) => board.points.find((p) => p.text === text)?.ref as string
    const s = await r.summary(r.facilitator)
    createTheme(s.doc, 'housing', 'Housing', [ref('More shelter beds')])
    createTheme(s.doc, 'training', 'Training', [ref('Train officers to recognise trafficking')])
    const server = (await r.server.app.hub.room(summaryDocName(r.created.sessionId))).doc
    await eventually(() => expect(readThemes(server)).toHaveLength(2))
    const sorted = await ok<SortRestResult>(r.facilitator, 'gather:sortRest', {})
    const proposed = [...sorted.proposals.map((p) => p.ref), ...sorted.unsure]
    expect(proposed.sort()).toEqual(
      texts
        .slice(1)
        .filter((t) => !t.startsWith('Train officers'))
        .map(ref)
        .sort(),
    )
    for (const p of sorted.proposals) {
      expect(['housing', 'training']).toContain(p.themeId)
      expect(p.confidence).toBeGreaterThan(0)
    }
    expect(await request(r.phones[0]?.socket as ClientSocket, 'gather:suggest', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
  })

  it('counts votes once per participant, across reconnects, and only while the vote is open', async () => {
    const r = await gatheringRoom()
    const s = await r.summary(r.facilitator)
    createTheme(s.doc, 'housing', 'Housing')
    createTheme(s.doc, 'training', 'Training')
    const server = (await r.server.app.hub.room(summaryDocName(r.created.sessionId))).doc
    await eventually(() => expect(readThemes(server)).toHaveLength(2))
    const [p1, p2] = r.phones as [Phone, Phone]

    // Nothing counts before the vote opens, and only facilitators open it.
    expect(await request(p1.socket, 'vote:cast', { themeId: 'housing', dots: 1 })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
    expect(await request(p1.socket, 'vote:open', { dotsPerParticipant: 3 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    const phoneHears = nextEvent<VoteView>(p1.socket, 'vote:changed', (v) => v.status === 'open')
    const opened = await ok<VoteView>(r.facilitator, 'vote:open', { dotsPerParticipant: 3 })
    expect(opened.themes).toEqual([
      { id: 'housing', title: 'Housing' },
      { id: 'training', title: 'Training' },
    ])
    const heard = await phoneHears
    expect(heard.tally).toBeNull()
    expect(heard.themes).toHaveLength(2)

    // Themes are frozen: one added now is not in the vote.
    createTheme(s.doc, 'late', 'Late idea')
    await eventually(() => expect(readThemes(server)).toHaveLength(3))
    expect(await request(p1.socket, 'vote:cast', { themeId: 'late', dots: 1 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })

    const projectorSees = nextEvent<VoteTally>(r.projector, 'vote:tally', (t) => t.dotsCast === 3)
    const mine = await ok<VoteView>(p1.socket, 'vote:cast', { themeId: 'housing', dots: 2 })
    expect(mine.mine).toEqual({ housing: 2 })
    expect(mine.tally).toBeNull()
    await ok(p1.socket, 'vote:cast', { themeId: 'training', dots: 1 })
    expect((await projectorSees).totals).toEqual({ housing: 2, training: 1 })
    // Over the budget is refused; moving a dot (take one back, place it elsewhere) is fine.
    expect(await request(p1.socket, 'vote:cast', { themeId: 'training', dots: 2 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })
    await ok(p1.socket, 'vote:cast', { themeId: 'housing', dots: 1 })
    await ok(p1.socket, 'vote:cast', { themeId: 'training', dots: 2 })

    // The same phone reconnects and sends the same dots again: they still count once.
    p1.socket.close()
    const again = await connect(r.server.baseUrl, p1.token)
    cleanups.push(() => again.close())
    const state = await ok<VoteView>(again, 'vote:state')
    expect(state.mine).toEqual({ housing: 1, training: 2 })
    await ok(again, 'vote:cast', { themeId: 'training', dots: 2 })
    await ok(p2.socket, 'vote:cast', { themeId: 'housing', dots: 3 })
    const tally = await ok<VoteView>(r.facilitator, 'vote:state')
    expect(tally.tally).toEqual({ totals: { housing: 4, training: 2 }, voters: 2, dotsCast: 6 })

    const closed = await ok<VoteView>(r.co, 'vote:close')
    expect(closed.status).toBe('closed')
    expect(await request(p2.socket, 'vote:cast', { themeId: 'training', dots: 0 })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
    expect((await ok<VoteView>(r.facilitator, 'vote:state')).tally?.dotsCast).toBe(6)
  })

  it('keeps drafts from participants and publishes what we heard to everyone, replacing it on republish', async () => {
    const r = await gatheringRoom()
    const [phone] = r.phones as [Phone]
    await r.write(r.phones[0] as Phone, 'More shelter beds')
    await r.write(r.phones[1] as Phone, 'more shelter beds')
    await r.write(r.phones[4] as Phone, 'Train officers to spot trafficking')
    const board = await ok<GatherBoard>(r.facilitator, 'gather:points', {})
    const s = await r.summary(r.facilitator)
    const [dupA, dupB] = board.duplicates[0] as [string, string]
    createTheme(s.doc, 'housing', 'Housing', [dupA])
    mergePoints(s.doc, [dupA, dupB])
    setSynthesis(s.doc, 'housing', 'Beds, now and for the long term.')
    addAction(s.doc, 'a1', {
      text: 'Count the beds',
      owner: 'Shelter network',
      due: '2026-07-01',
      themeId: 'housing',
    })

    // A participant cannot open the summary, so can neither read nor edit the draft.
    const attempt = openDoc(phone.socket, summaryDocName(r.created.sessionId))
    cleanups.push(() => attempt.destroy())
    const refused = await new Promise<{ code: number }>((resolve) =>
      attempt.provider.on('closed', (e) => resolve(e)),
    )
    expect(refused.code).toBe(4403)
    expect(readThemes(attempt.doc)).toEqual([])
    expect(await ok(phone.socket, 'summary:get')).toBeNull()
    expect(await request(phone.socket, 'summary:publish')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })

    const server = (await r.server.app.hub.room(summaryDocName(r.created.sessionId))).doc
    await eventually(() => expect(readActions(server)).toHaveLength(1))
    const phoneGets = nextEvent<PublishedSummary>(phone.socket, 'summary:published')
    const projectorGets = nextEvent<PublishedSummary>(r.projector, 'summary:published')
    const published = await ok<PublishedSummary>(r.facilitator, 'summary:publish')
    expect(published.themes).toEqual([
      {
        id: 'housing',
        title: 'Housing',
        synthesis: 'Beds, now and for the long term.',
        votes: 0,
        points: [
          {
            text: board.points.find((p) => p.ref === dupA)?.text,
            kind: 'idea',
            provenance: expect.arrayContaining([
              expect.objectContaining({ groupId: r.groupOf(r.phones[0] as Phone).id }),
              expect.objectContaining({ groupId: r.groupOf(r.phones[1] as Phone).id }),
            ]),
          },
        ],
      },
    ])
    expect(published.themes[0]?.points[0]?.provenance).toHaveLength(2)
    expect(published.actions).toEqual([
      { text: 'Count the beds', owner: 'Shelter network', due: '2026-07-01', themeTitle: 'Housing' },
    ])
    expect((await phoneGets).publishedAt).toBe(published.publishedAt)
    expect((await projectorGets).themes).toHaveLength(1)
    // The unsorted point and later draft edits stay out until the next publish.
    expect(JSON.stringify(published)).not.toContain('Train officers')
    createTheme(s.doc, 'training', 'Training', [
      board.points.find((p) => p.text.startsWith('Train'))?.ref as string,
    ])
    await eventually(() => expect(readThemes(server)).toHaveLength(2))
    expect((await ok<PublishedSummary>(phone.socket, 'summary:get'))?.themes).toHaveLength(1)
    const again = await ok<PublishedSummary>(r.co, 'summary:publish')
    expect(again.themes.map((t) => t.title)).toEqual(['Housing', 'Training'])
    expect((await ok<PublishedSummary>(phone.socket, 'summary:get'))?.themes).toHaveLength(2)
  })
})
