import { mkdirSync, writeFileSync } from 'node:fs'
import { get as httpGet, type IncomingHttpHeaders } from 'node:http'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
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

/** A GET that sends exactly the Accept-Encoding given and hands back the bytes as sent (fetch would decode them). */
function getRaw(
  url: string,
  acceptEncoding?: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
    httpGet(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
      res.on('error', reject)
    }).on('error', reject)
  })
}

describe('serving the client', () => {
  const script = `console.log(${JSON.stringify('convene '.repeat(3000))})`
  let served: TestServer
  let cleanup: () => void

  beforeAll(async () => {
    const temp = tempDir()
    cleanup = temp.cleanup
    const dir = temp.dir
    mkdirSync(join(dir, 'assets'))
    mkdirSync(join(dir, '.vite'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Convene app</title>')
    writeFileSync(join(dir, 'join.html'), '<!doctype html><title>Convene join</title>')
    writeFileSync(join(dir, 'join.html.br'), brotliCompressSync('<!doctype html><title>Convene join</title>'))
    writeFileSync(join(dir, '.vite', 'manifest.json'), '{"secret":"build manifest"}')
    // What the build writes: each asset and its brotli and gzip copies (scripts/precompress.ts).
    writeFileSync(join(dir, 'assets', 'app.js'), script)
    writeFileSync(join(dir, 'assets', 'app.js.br'), brotliCompressSync(script))
    writeFileSync(join(dir, 'assets', 'app.js.gz'), gzipSync(script, { level: 9 }))
    // An asset the build left without copies.
    writeFileSync(join(dir, 'assets', 'plain.js'), script)
    served = await startTestServer({ clientDir: dir })
  })

  afterAll(async () => {
    await served?.close()
    cleanup?.()
  })

  it('sends the precompressed brotli copy to a browser that takes brotli, the gzip one otherwise', async () => {
    const url = `${served.baseUrl}/assets/app.js`
    const br = await getRaw(url, 'gzip, deflate, br, zstd')
    expect(br.status).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toMatch(/javascript/)
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(br.headers['cache-control']).toBe('public, max-age=3600')
    expect(br.body.length).toBeLessThan(script.length / 10)
    expect(brotliDecompressSync(br.body).toString()).toBe(script)

    for (const acceptEncoding of ['gzip, deflate', 'br;q=0, gzip']) {
      const gz = await getRaw(url, acceptEncoding)
      expect(gz.headers['content-encoding']).toBe('gzip')
      expect(gz.headers.vary).toMatch(/accept-encoding/i)
      expect(gunzipSync(gz.body).toString()).toBe(script)
    }
  })

  it('sends the file itself to a browser that takes no compression, and gzips on the fly what has no copy', async () => {
    const raw = await getRaw(`${served.baseUrl}/assets/app.js`, 'identity')
    expect(raw.headers['content-encoding']).toBeUndefined()
    expect(raw.body.toString()).toBe(script)
    const none = await getRaw(`${served.baseUrl}/assets/app.js`)
    expect(none.body.toString()).toBe(script)
    const plain = await getRaw(`${served.baseUrl}/assets/plain.js`, 'gzip')
    expect(plain.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(plain.body).toString()).toBe(script)
  })

  it('sends the light join page for / and /j/<code>, the app for every other page, never the build manifest', async () => {
    for (const path of ['/', '/j/ABC234', '/j/abc234/', '/j/ABC234?table=4']) {
      const page = await getRaw(`${served.baseUrl}${path}`, 'gzip, br')
      expect(page.headers['content-type'], path).toMatch(/^text\/html/)
      expect(page.headers['cache-control'], path).toBe('no-cache')
      expect(page.headers['content-encoding'], path).toBe('br')
      expect(brotliDecompressSync(page.body).toString(), path).toContain('Convene join')
    }
    expect((await getRaw(`${served.baseUrl}/j/ABC234`)).body.toString()).toContain('Convene join')
    for (const path of [
      '/s/abc',
      '/new',
      '/f/abc/gather',
      '/jobs',
      '/j/ABC234/more',
      '/.vite/manifest.json',
    ]) {
      const page = await getRaw(`${served.baseUrl}${path}`)
      expect(page.headers['content-type'], path).toMatch(/^text\/html/)
      expect(page.body.toString(), path).toContain('Convene app')
    }
  })
})
