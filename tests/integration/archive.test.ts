import { parse as parseCsv } from 'csv-parse/sync'
import JSZip from 'jszip'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterEach, describe, expect, it } from 'vitest'
import type {
  ArchiveSettingsView,
  ExportDone,
  ExportProgress,
  ExportReview,
  PublicLinkView,
} from '../../shared/archiveProtocol.ts'
import { type SessionArchive, sessionArchiveSchema } from '../../shared/archiveSchema.ts'
import type { RoomSnapshot } from '../../shared/protocol.ts'
import type { CreatedSession } from '../../shared/session.ts'
import { connect, nextEvent, postJson, request } from '../helpers/clients.ts'
import { fetchExport, finishedSession, MARK, ok } from './archiveSetup.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

async function pdfText(data: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise
  let text = ''
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent()
    text += ` ${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}`
  }
  await pdf.destroy()
  return text.replace(/\s+/g, ' ')
}

describe('exports of a real session', () => {
  it('writes all five formats from the stored session, read back by independent readers', async () => {
    const s = await finishedSession(cleanups)
    const get = (format: string) =>
      fetchExport(s.server.baseUrl, s.created.sessionId, s.organizerToken, format)

    const json = await get('json')
    expect(json.res.status).toBe(200)
    expect(json.res.headers.get('content-disposition')).toMatch(/attachment/)
    const archive = sessionArchiveSchema.parse(JSON.parse(json.body.toString('utf8')))
    expect(archive.session.title).toBe(`Community Conversation ${MARK}`)
    // Four people hold "Law enforcement"; the two in "Faith-based" are folded into "other".
    expect(archive.participation).toMatchObject({
      total: 6,
      bySector: [{ sector: 'Law enforcement', count: 4 }],
      other: 2,
    })
    expect(archive.participation.names).toContain('Nguyễn Thị Hoa')
    expect(archive.agenda.map((r) => r.title)).toEqual(['Where next?', 'Collaborate'])
    expect(archive.summary.source).toBe('draft')
    expect(archive.summary.themes[0]?.title).toBe(`Housing ${MARK}`)
    expect(archive.summary.themes[0]?.points[0]?.provenance[0]).toMatchObject({
      roundTitle: 'Where next?',
      sector: 'Law enforcement',
      name: 'Officer Diaz',
    })
    expect(archive.summary.actions[0]).toMatchObject({
      owner: 'Pastor Ruth Okafor',
      themeTitle: `Housing ${MARK}`,
    })
    const allPoints = archive.notes.flatMap((n) => n.groups.flatMap((g) => g.points))
    expect(allPoints).toHaveLength(4)
    const faithPoint = allPoints.find((p) => p.text.startsWith('Trường'))
    expect(faithPoint?.author?.sector).toBeNull()
    expect(archive.notes.flatMap((n) => n.groups.map((g) => g.discussion)).join()).toContain(
      'maria@example.org',
    )
    expect(archive.parkingLot[0]?.text).toContain(MARK)
    // Never a token.
    for (const token of [s.created.facilitatorToken, s.organizerToken]) {
      expect(json.body.toString('utf8')).not.toContain(token)
    }

    const md = (await get('markdown')).body.toString('utf8')
    expect(md).toContain(`# Community Conversation ${MARK}`)
    expect(md).not.toMatch(/<script/i)
    expect(md).not.toContain('](javascript:')

    const docx = await get('docx')
    const xml = (await (await JSZip.loadAsync(docx.body)).file('word/document.xml')?.async('string')) ?? ''
    expect(xml).toContain('Heading1')
    expect(xml).toContain('Trường học an toàn hơn')
    expect(xml).not.toMatch(/<script/i)

    const pdf = await get('pdf')
    expect(pdf.res.headers.get('content-type')).toBe('application/pdf')
    const text = await pdfText(pdf.body)
    expect(text).toContain('Trường học an toàn hơn — más refugios')
    expect(text).toContain(`Housing ${MARK}`)

    const csv = (await get('csv')).body.toString('utf8').replace(/^\uFEFF/, '')
    const rows = parseCsv(csv, { columns: true }) as Record<string, string>[]
    expect(rows.filter((r) => r.type === 'key point')).toHaveLength(4)
    const formula = rows.find((r) => r.text?.includes('HYPERLINK'))
    expect(formula?.text?.startsWith("'=")).toBe(true)
    expect(rows.find((r) => r.type === 'action item')?.text).toBe("'+Open a shelter")
    for (const row of rows) for (const v of Object.values(row)) expect(v).not.toMatch(/^[=+\-@\t\r\n]/)
  })

  it('refuses participants, other sessions and missing tokens', async () => {
    const s = await finishedSession(cleanups)
    const phone = s.phones[0]?.socket
    expect(await request(phone as never, 'export:review')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    const other = await postJson<CreatedSession>(`${s.server.baseUrl}/api/sessions`, { title: 'Other' })
    const foreign = await fetchExport(
      s.server.baseUrl,
      s.created.sessionId,
      other.body.facilitatorToken,
      'json',
    )
    expect(foreign.res.status).toBe(403)
    const none = await fetch(`${s.server.baseUrl}/api/sessions/${s.created.sessionId}/export/json`)
    expect(none.status).toBe(401)
  })

  it('reviews personal details and redacts the chosen ones in every format', async () => {
    const s = await finishedSession(cleanups)
    const { findings } = await ok<ExportReview>(s.organizer, 'export:review')
    const byText = (text: string) => findings.find((f) => f.text === text)
    expect(byText('maria@example.org')?.kind).toBe('email')
    expect(findings.some((f) => f.kind === 'phone' && f.text.includes('555 123 4567'))).toBe(true)
    expect(byText('Pastor Ruth Okafor')?.kind).toBe('name')
    const chosen = findings
      .filter((f) => f.kind !== 'name' || f.text === 'Pastor Ruth Okafor')
      .map((f) => f.id)
    for (const format of ['json', 'markdown', 'csv']) {
      const out = (
        await fetchExport(s.server.baseUrl, s.created.sessionId, s.organizerToken, format, chosen.join(','))
      ).body.toString('utf8')
      for (const detail of ['maria@example.org', '555 123 4567', 'Pastor Ruth Okafor'])
        expect(out).not.toContain(detail)
      expect(out).toContain(format === 'markdown' ? '\\[redacted\\]' : '[redacted]')
    }
    const json = JSON.parse(
      (
        await fetchExport(s.server.baseUrl, s.created.sessionId, s.organizerToken, 'json', chosen.join(','))
      ).body.toString(),
    )
    expect(json.redactions).toBeGreaterThanOrEqual(3)
    // Not chosen: left as written.
    expect(JSON.stringify(json)).toContain('Officer Diaz')
  })

  it('runs an export job over Socket.IO with progress, then serves the file to that link only', async () => {
    const s = await finishedSession(cleanups)
    const progress: ExportProgress[] = []
    s.organizer.on('export:progress' as never, (p: ExportProgress) => {
      progress.push(p)
    })
    const done = nextEvent<ExportDone>(s.organizer, 'export:done')
    const { jobId } = await ok<{ jobId: string }>(s.organizer, 'export:start', { format: 'docx', redact: [] })
    const result = await done
    expect(result).toMatchObject({ jobId, ok: true })
    expect(result.filename).toMatch(/^community-conversation-.*\.docx$/)
    expect(progress.some((p) => p.phase === 'collecting')).toBe(true)
    expect(progress.at(-1)?.phase).toBe('writing')
    const url = `${s.server.baseUrl}/api/exports/${jobId}`
    const mine = await fetch(url, { headers: { authorization: `Bearer ${s.organizerToken}` } })
    expect(mine.status).toBe(200)
    expect((await mine.arrayBuffer()).byteLength).toBe(result.bytes)
    const theirs = await fetch(url, { headers: { authorization: `Bearer ${s.created.facilitatorToken}` } })
    expect(theirs.status).toBe(404)
  })

  it('an organizer reads and exports but cannot run the session', async () => {
    const s = await finishedSession(cleanups)
    const preview = await ok<SessionArchive>(s.organizer, 'archive:preview')
    expect(preview.session.title).toContain(MARK)
    const snap = await ok<RoomSnapshot>(s.facilitator, 'room:snapshot')
    const second = snap.state.rounds[1]?.id
    for (const [event, payload] of [
      ['round:start', { expectedVersion: snap.state.version, roundId: second }],
      ['agenda:save', { expectedVersion: snap.state.version, rounds: [] }],
      ['session:status', { status: 'closed' }],
      ['invite:create', { role: 'organizer', label: '' }],
    ] as const) {
      expect(await request(s.organizer, event, payload)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      })
    }
  })
})

describe('the public "what we heard" link', () => {
  it('shows the published summary without names or provenance, and stops when turned off', async () => {
    const s = await finishedSession(cleanups, { publish: true })
    const link = await ok<PublicLinkView>(s.organizer, 'archive:publicLink', { enabled: true })
    expect(link.url).toMatch(new RegExp(`/w/${s.created.sessionId}#`))
    const token = link.url?.split('#')[1] as string
    const url = `${s.server.baseUrl}/api/public/${s.created.sessionId}`
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(200)
    const body = await res.text()
    expect(body).toContain(`Housing ${MARK}`)
    for (const hidden of [
      'Officer Diaz',
      'Pastor Ruth Okafor',
      'Law enforcement',
      'maria@example.org',
      'Trường',
    ]) {
      expect(body).not.toContain(hidden)
    }
    const settings = await ok<ArchiveSettingsView>(s.facilitator, 'archive:settings')
    expect(settings).toMatchObject({ publicLinkEnabled: true, hasPublishedSummary: true })
    await ok(s.organizer, 'archive:publicLink', { enabled: false })
    expect((await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status).toBe(404)
  })
})

describe('importing an archive', () => {
  it('creates a new session with the same settings and agenda', async () => {
    const s = await finishedSession(cleanups)
    const exported = JSON.parse(
      (await fetchExport(s.server.baseUrl, s.created.sessionId, s.organizerToken, 'json')).body.toString(
        'utf8',
      ),
    )
    const imported = await postJson<CreatedSession>(`${s.server.baseUrl}/api/sessions/import`, exported)
    expect(imported.status).toBe(201)
    expect(imported.body.sessionId).not.toBe(s.created.sessionId)
    const socket = await connect(s.server.baseUrl, imported.body.facilitatorToken)
    cleanups.push(() => socket.close())
    const snapshot = await ok<{ session: { title: string; sectors: string[]; anonymity: string } }>(
      socket,
      'session:snapshot',
    )
    expect(snapshot.session).toMatchObject({
      title: `Community Conversation ${MARK}`,
      sectors: ['Law enforcement', 'Faith-based'],
      anonymity: 'named',
    })
    const room = await ok<RoomSnapshot>(socket, 'room:snapshot')
    expect(room.state.rounds.map((r) => [r.title, r.prompts, r.durationMs, r.status])).toEqual([
      ['Where next?', ['Where should we go next?'], 20 * 60_000, 'planned'],
      ['Collaborate', ['How can we collaborate better?'], 15 * 60_000, 'planned'],
    ])
    const bad = await postJson(`${s.server.baseUrl}/api/sessions/import`, { hello: 'world' })
    expect(bad.status).toBe(400)
  })
})
