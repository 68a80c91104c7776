import { io } from 'socket.io-client'
import { afterEach, describe, expect, it } from 'vitest'
import { parkingDocName } from '../../shared/docNames.ts'
import type { CreatedInvite } from '../../shared/protocol.ts'
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

let server: TestServer
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

async function start() {
  server = await startTestServer()
  cleanups.push(() => server.close())
  return createSession(server.baseUrl)
}

function handshakeError(url: string, token: string, extraHeaders?: Record<string, string>) {
  return new Promise<{ message: string; data?: { code: string } }>((resolve, reject) => {
    const socket = io(url, {
      auth: { token },
      transports: ['polling'],
      extraHeaders,
      reconnection: false,
      forceNew: true,
    })
    socket.on('connect', () => {
      socket.close()
      reject(new Error('connected'))
    })
    socket.on('connect_error', (err) => {
      socket.close()
      resolve(err as unknown as { message: string; data?: { code: string } })
    })
  })
}

describe('roles and access', () => {
  it('disconnects a removed participant at once and refuses their token afterwards', async () => {
    const created = await start()
    const facilitator = await connect(server.baseUrl, created.facilitatorToken)
    const joined = await joinSession(server.baseUrl, created.joinCode, { displayName: 'Eve' })
    const participant = await connect(server.baseUrl, joined.participantToken, { reconnection: false })
    cleanups.push(
      () => facilitator.close(),
      () => participant.close(),
    )
    const doc = openDoc(participant, parkingDocName(created.sessionId))
    cleanups.push(() => doc.destroy())
    await doc.synced

    const revoked = nextEvent<{ code: string }>(participant, 'access:revoked')
    const disconnected = nextEvent<string>(participant, 'disconnect')
    const result = await request(facilitator, 'participant:remove', { participantId: joined.participantId })
    expect(result).toEqual({ ok: true, data: null })
    expect((await revoked).code).toBe('participant_removed')
    expect(await disconnected).toBe('io server disconnect')

    const error = await handshakeError(server.baseUrl, joined.participantToken)
    expect(error.data?.code).toBe('participant_removed')
    const lobby = await server.app.sessions.participants(created.sessionId, () => false)
    expect(lobby.map((p) => p.id)).not.toContain(joined.participantId)
  })

  it('refuses a handshake from a foreign origin and accepts the same origin', async () => {
    const created = await start()
    const error = await handshakeError(server.baseUrl, created.facilitatorToken, {
      Origin: 'http://evil.example',
    })
    expect(error.message).toMatch(/origin|xhr poll error/i)
    const same = io(server.baseUrl, {
      auth: { token: created.facilitatorToken },
      transports: ['polling'],
      extraHeaders: { Origin: server.baseUrl },
      forceNew: true,
    })
    cleanups.push(() => same.close())
    await new Promise<void>((resolve, reject) => {
      same.on('connect', () => resolve())
      same.on('connect_error', reject)
    })
  })

  it('refuses unknown tokens', async () => {
    await start()
    const error = await handshakeError(server.baseUrl, 'A'.repeat(43))
    expect(error.data?.code).toBe('unauthorized')
  })

  it('gives co-facilitators their own revocable link and keeps participants from facilitating', async () => {
    const created = await start()
    const facilitator = await connect(server.baseUrl, created.facilitatorToken)
    cleanups.push(() => facilitator.close())
    const invited = await request<CreatedInvite>(facilitator, 'invite:create', {
      role: 'cofacilitator',
      label: 'Sam',
    })
    if (!invited.ok) throw new Error(invited.error.message)
    const token = invited.data.url.split('#')[1] as string
    expect(invited.data.url).toContain(`/f/${created.sessionId}#`)
    const co = await connect(server.baseUrl, token, { reconnection: false })
    cleanups.push(() => co.close())
    const snapshot = await request<{ me: { role: string } }>(co, 'session:snapshot')
    expect(snapshot.ok && snapshot.data.me.role).toBe('cofacilitator')

    const joined = await joinSession(server.baseUrl, created.joinCode)
    const participant = await connect(server.baseUrl, joined.participantToken)
    cleanups.push(() => participant.close())
    const forbidden = await request(participant, 'participant:remove', {
      participantId: joined.participantId,
    })
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const badInput = await request(facilitator, 'participant:remove', { participantId: 42 })
    expect(badInput).toMatchObject({ ok: false, error: { code: 'bad_request' } })

    const gone = nextEvent(co, 'disconnect')
    const revoke = await request(facilitator, 'invite:revoke', { inviteId: invited.data.invite.id })
    expect(revoke.ok).toBe(true)
    await gone
    expect((await handshakeError(server.baseUrl, token)).data?.code).toBe('unauthorized')
  })

  it('lets a projector read the parking lot but never write to it', async () => {
    const created = await start()
    const projectorToken = created.projectorUrl.split('#')[1] as string
    const projector = await connect(server.baseUrl, projectorToken)
    const joined = await joinSession(server.baseUrl, created.joinCode)
    const participant = await connect(server.baseUrl, joined.participantToken)
    cleanups.push(
      () => projector.close(),
      () => participant.close(),
    )
    const name = parkingDocName(created.sessionId)
    const screen = openDoc(projector, name)
    const phone = openDoc(participant, name)
    cleanups.push(
      () => screen.destroy(),
      () => phone.destroy(),
    )
    await Promise.all([screen.synced, phone.synced])
    screen.doc.getArray('items').push([{ id: 'x', text: 'from the projector', at: 0 }])
    phone.doc.getArray('items').push([{ id: 'y', text: 'from a phone', at: 0 }])
    await eventually(() => expect(screen.doc.getArray('items').length).toBe(2))
    const room = await server.app.hub.room(name)
    expect(room.doc.getArray('items').toJSON()).toEqual([{ id: 'y', text: 'from a phone', at: 0 }])
  })

  it('rewrites awareness so nobody can pose as someone else', async () => {
    const created = await start()
    const ana = await joinSession(server.baseUrl, created.joinCode, { sector: 'Faith-based' })
    const ben = await joinSession(server.baseUrl, created.joinCode, { sector: 'Law enforcement' })
    const a = await connect(server.baseUrl, ana.participantToken)
    const b = await connect(server.baseUrl, ben.participantToken)
    cleanups.push(
      () => a.close(),
      () => b.close(),
    )
    const name = parkingDocName(created.sessionId)
    const docA = openDoc(a, name)
    const docB = openDoc(b, name)
    cleanups.push(
      () => docA.destroy(),
      () => docB.destroy(),
    )
    await Promise.all([docA.synced, docB.synced])
    docA.provider.awareness.setLocalStateField('user', {
      name: 'The facilitator',
      role: 'facilitator',
      color: '#000',
    })
    await eventually(() => {
      const seen = docB.provider.awareness.getStates().get(docA.doc.clientID) as {
        user: { name: string; role: string }
      }
      expect(seen.user).toMatchObject({ name: 'Faith-based', role: 'participant' })
    })
  })
})
