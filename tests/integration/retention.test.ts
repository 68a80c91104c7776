import { existsSync, readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArchiveSettingsView, ExportDone } from '../../shared/archiveProtocol.ts'
import type { ErrorBody } from '../../shared/errors.ts'
import { connect, createSession, eventually, nextEvent, request } from '../helpers/clients.ts'
import { startTestServer } from '../helpers/server.ts'
import { finishedSession, MARK, ok } from './archiveSetup.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

/** How many times a string occurs in the database file and its write-ahead log, as raw bytes. */
function occurrences(dataFile: string, needle: string): number {
  let count = 0
  for (const file of [dataFile, `${dataFile}-wal`]) {
    if (!existsSync(file)) continue
    const bytes = readFileSync(file)
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) count++
  }
  return count
}

describe('purging a session', () => {
  it('"Delete now" removes every byte of the session from the database and its WAL', async () => {
    let clock = Date.now()
    const s = await finishedSession(cleanups, {
      publish: true,
      deps: { retention: { sweepIntervalMs: null, now: () => clock } },
    })
    const keeper = await createSession(s.server.baseUrl, { title: 'Keep zzkeepmarker' })
    // A cached export holds the text too.
    const done = nextEvent<ExportDone>(s.organizer, 'export:done')
    await ok(s.organizer, 'export:start', { format: 'markdown' })
    expect((await done).ok).toBe(true)
    await ok(s.organizer, 'archive:publicLink', { enabled: true })
    await s.server.app.retention.sweep()
    expect(occurrences(s.server.dataFile, MARK)).toBeGreaterThan(0)

    expect(await request(s.organizer, 'archive:delete', { confirmTitle: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })
    const revoked = nextEvent<ErrorBody>(s.phones[0]?.socket as never, 'access:revoked')
    await ok(s.organizer, 'archive:delete', { confirmTitle: `Community Conversation ${MARK}` })
    expect((await revoked).code).toBe('session_not_found')
    await eventually(async () =>
      expect(await s.server.app.sessions.get(s.created.sessionId).catch(() => null)).toBeNull(),
    )
    // Nothing is left, in the file or the log; the other session is untouched.
    await eventually(() => expect(occurrences(s.server.dataFile, MARK)).toBe(0))
    for (const name of ['Officer Diaz', 'maria@example.org', 'Trường học']) {
      expect(occurrences(s.server.dataFile, name)).toBe(0)
    }
    expect(await s.server.app.sessions.get(keeper.sessionId)).toMatchObject({ title: 'Keep zzkeepmarker' })
    // Its tokens no longer open anything.
    await expect(
      connect(s.server.baseUrl, s.created.facilitatorToken, { reconnection: false }),
    ).rejects.toThrow()
    // The next sweep finds nothing to do for it, and a stopped server leaves nothing either.
    clock += 365 * DAY
    await s.server.app.retention.sweep()
    await s.server.stop()
    expect(occurrences(s.server.dataFile, MARK)).toBe(0)
    expect(occurrences(s.server.dataFile, 'zzkeepmarker')).toBeGreaterThan(0)
  })
})

describe('retention', () => {
  it('closes a quiet session, then purges it at its purge date; "keep" is never purged', async () => {
    let clock = Date.now()
    const server = await startTestServer({ retention: { sweepIntervalMs: null, now: () => clock } })
    cleanups.push(() => server.close())
    const quiet = await createSession(server.baseUrl, { title: 'Quiet zzquiet' })
    const kept = await createSession(server.baseUrl, { title: 'Kept zzkept' })
    const short = await createSession(server.baseUrl, { title: 'Short zzshort' })
    const draft = await createSession(server.baseUrl, { title: 'Draft zzdraft', draft: true })
    const keptSocket = await connect(server.baseUrl, kept.facilitatorToken)
    const shortSocket = await connect(server.baseUrl, short.facilitatorToken)
    await ok(keptSocket, 'archive:retention', { mode: 'keep' })
    const view = await ok<ArchiveSettingsView>(shortSocket, 'archive:retention', { mode: 'days', days: 2 })
    expect(view).toMatchObject({ retention: { mode: 'days', days: 2 }, purgeAt: null, defaultPurgeDays: 30 })
    expect(view.autoCloseAt).toBeGreaterThan(Date.now() + 23 * HOUR)
    keptSocket.close()
    shortSocket.close()
    await eventually(() => expect(server.app.io.sockets.sockets.size).toBe(0))

    // An hour later nothing happens; a day and a bit later all three are closed.
    clock += HOUR
    expect((await server.app.retention.sweep()).closed).toEqual([])
    clock += 24 * HOUR
    const first = await server.app.retention.sweep()
    // A draft prepared ahead waits for its day.
    expect(first.closed.sort()).toEqual([quiet.sessionId, kept.sessionId, short.sessionId].sort())
    expect((await server.app.sessions.get(draft.sessionId)).status).toBe('draft')
    const closedQuiet = await server.app.sessions.get(quiet.sessionId)
    expect(closedQuiet.status).toBe('closed')

    // Purge dates: closing time + 2 days, + 30 days by default, never for "keep".
    const settings = async (id: string) => server.app.archive.settings(id)
    const shortClosedAt = (await server.app.sessions.get(short.sessionId)).closedAt as number
    expect((await settings(short.sessionId)).purgeAt).toBe(shortClosedAt + 2 * DAY)
    expect((await settings(quiet.sessionId)).purgeAt).toBe((closedQuiet.closedAt as number) + 30 * DAY)
    expect((await settings(kept.sessionId)).purgeAt).toBeNull()

    clock = Date.now() + 3 * DAY
    expect((await server.app.retention.sweep()).purged).toEqual([short.sessionId])
    clock = Date.now() + 31 * DAY
    expect((await server.app.retention.sweep()).purged).toEqual([quiet.sessionId])
    clock = Date.now() + 3650 * DAY
    expect((await server.app.retention.sweep()).purged).toEqual([])
    expect((await server.app.sessions.get(kept.sessionId)).title).toBe('Kept zzkept')
    await server.stop()
    expect(occurrences(server.dataFile, 'zzquiet')).toBe(0)
    expect(occurrences(server.dataFile, 'zzshort')).toBe(0)
  })

  it('counts people connected as activity', async () => {
    let clock = Date.now()
    const server = await startTestServer({ retention: { sweepIntervalMs: null, now: () => clock } })
    cleanups.push(() => server.close())
    const busy = await createSession(server.baseUrl, { title: 'Busy' })
    const socket = await connect(server.baseUrl, busy.facilitatorToken)
    cleanups.push(() => socket.close())
    clock += 25 * HOUR
    expect((await server.app.retention.sweep()).closed).toEqual([])
    socket.close()
    await eventually(() => expect(server.app.io.sockets.sockets.size).toBe(0))
    clock += 25 * HOUR
    expect((await server.app.retention.sweep()).closed).toEqual([busy.sessionId])
  })
})

describe('the admin routes', () => {
  it('are off without ADMIN_TOKEN, and list every session with size and purge date with it', async () => {
    const off = await startTestServer({ retention: { sweepIntervalMs: null } })
    cleanups.push(() => off.close())
    expect((await fetch(`${off.baseUrl}/api/admin/sessions`)).status).toBe(404)

    const server = await startTestServer({
      adminToken: 'let-me-in-please',
      retention: { sweepIntervalMs: null },
    })
    cleanups.push(() => server.close())
    const a = await createSession(server.baseUrl, { title: 'Alpha' })
    await createSession(server.baseUrl, { title: 'Beta' })
    expect((await fetch(`${server.baseUrl}/api/admin/sessions`)).status).toBe(401)
    const wrong = await fetch(`${server.baseUrl}/api/admin/sessions`, {
      headers: { authorization: 'Bearer nope' },
    })
    expect(wrong.status).toBe(401)
    const auth = { authorization: 'Bearer let-me-in-please' }
    const res = await fetch(`${server.baseUrl}/api/admin/sessions`, { headers: auth })
    const body = (await res.json()) as {
      sessions: { id: string; title: string; bytes: number; purgeAt: number | null }[]
    }
    expect(body.sessions.map((s) => s.title).sort()).toEqual(['Alpha', 'Beta'])
    expect(body.sessions.every((s) => s.bytes > 0 && s.purgeAt === null)).toBe(true)
    const del = await fetch(`${server.baseUrl}/api/admin/sessions/${a.sessionId}`, {
      method: 'DELETE',
      headers: auth,
    })
    expect(del.status).toBe(200)
    const after = (await (
      await fetch(`${server.baseUrl}/api/admin/sessions`, { headers: auth })
    ).json()) as typeof body
    expect(after.sessions.map((s) => s.title)).toEqual(['Beta'])
  })
})
