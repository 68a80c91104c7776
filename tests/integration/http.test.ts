import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LIMITS } from '../../shared/limits.ts'
import { createSession, joinSession, postJson } from '../helpers/clients.ts'
import { startTestServer, type TestServer, tempDir } from '../helpers/server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

describe('HTTP API', () => {
  it('answers the health check', async () => {
    const res = await fetch(`${server.baseUrl}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
  })

  it('creates a session with a join code, links and a facilitator token', async () => {
    const created = await createSession(server.baseUrl, { title: 'Town hall' })
    expect(created.joinCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/)
    expect(created.joinUrl).toMatch(new RegExp(`/j/${created.joinCode}$`))
    expect(created.facilitatorUrl).toContain(`/f/${created.sessionId}#${created.facilitatorToken}`)
    expect(created.facilitatorToken.length).toBeGreaterThanOrEqual(22)
  })

  it('joins by code, case-insensitively, and returns a fresh participant token', async () => {
    const { joinCode, sessionId } = await createSession(server.baseUrl)
    const a = await joinSession(server.baseUrl, joinCode.toLowerCase(), { displayName: 'Ana' })
    const b = await joinSession(server.baseUrl, ` ${joinCode.slice(0, 3)}-${joinCode.slice(3)} `)
    expect(a.sessionId).toBe(sessionId)
    expect(b.sessionId).toBe(sessionId)
    expect(a.participantToken).not.toBe(b.participantToken)
    expect(a.participantId).not.toBe(b.participantId)
  })

  it('answers an unknown code with 404 session_not_found', async () => {
    const res = await postJson<{ error: { code: string; message: string } }>(
      `${server.baseUrl}/api/sessions/join`,
      {
        joinCode: 'ZZZZZZ',
      },
    )
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('session_not_found')
    expect(res.body.error.message).toMatch(/code/i)
  })

  it('gives bad JSON, missing fields and oversized bodies a 400 with the error shape, never a stack', async () => {
    const badJson = await postJson<{ error: { code: string } }>(`${server.baseUrl}/api/sessions`, '{"title":')
    expect(badJson.status).toBe(400)
    expect(badJson.body.error.code).toBe('bad_request')
    const missing = await postJson<{ error: { code: string; message: string } }>(
      `${server.baseUrl}/api/sessions`,
      {},
    )
    expect(missing.status).toBe(400)
    expect(missing.body.error.message).toMatch(/title/)
    const huge = await postJson<{ error: { code: string } }>(`${server.baseUrl}/api/sessions`, {
      title: 'x',
      welcome: 'y'.repeat(LIMITS.httpBodyMaxBytes + 10),
    })
    expect(huge.status).toBe(400)
    expect(huge.body.error.code).toBe('payload_too_large')
    expect(JSON.stringify([badJson.body, missing.body, huge.body])).not.toMatch(/at .*\.ts:\d+/)
  })

  it('refuses to join a closed session with session_closed and a draft with session_not_open', async () => {
    const open = await createSession(server.baseUrl)
    const record = await server.app.sessions.setStatus(open.sessionId, 'closed')
    expect(record.status).toBe('closed')
    const closed = await postJson<{ error: { code: string } }>(`${server.baseUrl}/api/sessions/join`, {
      joinCode: open.joinCode,
    })
    expect(closed.status).toBe(409)
    expect(closed.body.error.code).toBe('session_closed')
    const draft = await createSession(server.baseUrl, { draft: true })
    const notOpen = await postJson<{ error: { code: string } }>(`${server.baseUrl}/api/sessions/join`, {
      joinCode: draft.joinCode,
    })
    expect(notOpen.body.error.code).toBe('session_not_open')
  })

  it('previews a session by code for the join page', async () => {
    const { joinCode } = await createSession(server.baseUrl, {
      title: 'Preview me',
      sectors: ['Health care'],
    })
    const res = await fetch(`${server.baseUrl}/api/sessions/by-code/${joinCode.toLowerCase()}`)
    const body = (await res.json()) as { title: string; sectors: string[]; status: string }
    expect(body).toMatchObject({ title: 'Preview me', sectors: ['Health care'], status: 'open' })
  })
})

describe('join throttling', () => {
  it('lets 1,000 people join from one address while 50 wrong codes in a row get throttled', async () => {
    const throttled = await startTestServer()
    try {
      const { joinCode } = await createSession(throttled.baseUrl)
      const joins = await Promise.all(
        Array.from({ length: 1000 }, () =>
          postJson(`${throttled.baseUrl}/api/sessions/join`, { joinCode }).then((r) => r.status),
        ),
      )
      expect(joins.filter((s) => s === 200)).toHaveLength(1000)

      const wrong: number[] = []
      for (let i = 0; i < 50; i++) {
        wrong.push((await postJson(`${throttled.baseUrl}/api/sessions/join`, { joinCode: 'WRONG2' })).status)
      }
      expect(wrong.slice(0, LIMITS.joinFailuresPerWindow).every((s) => s === 404)).toBe(true)
      expect(wrong.slice(LIMITS.joinFailuresPerWindow).every((s) => s === 429)).toBe(true)
      // Once throttled, even the right code waits: guessing must not be able to probe around the limit.
      const right = await postJson<{ error: { code: string } }>(`${throttled.baseUrl}/api/sessions/join`, {
        joinCode,
      })
      expect(right.body.error.code).toBe('too_many_attempts')
    } finally {
      await throttled.close()
    }
  })
})

describe('serving the client', () => {
  it('sends the JavaScript gzipped to a phone that accepts it, and index.html for page routes', async () => {
    const { dir, cleanup } = tempDir()
    mkdirSync(join(dir, 'assets'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Convene</title>')
    writeFileSync(join(dir, 'assets', 'app.js'), `console.log(${JSON.stringify('x'.repeat(20_000))})`)
    const served = await startTestServer({ clientDir: dir })
    try {
      const js = await fetch(`${served.baseUrl}/assets/app.js`, { headers: { 'accept-encoding': 'gzip' } })
      expect(js.headers.get('content-encoding')).toBe('gzip')
      expect((await js.text()).length).toBeGreaterThan(20_000)
      const page = await fetch(`${served.baseUrl}/j/ABC234`)
      expect(await page.text()).toContain('<title>Convene</title>')
    } finally {
      await served.close()
      cleanup()
    }
  })
})
