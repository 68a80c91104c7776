import { useEffect, useState } from 'react'
import { io } from 'socket.io-client'
import { ERROR_CODES, type ErrorBody } from '../../../shared/errors.ts'
import type { SessionSnapshot } from '../../../shared/protocol.ts'
import { wireParser } from '../../../shared/wireParser.ts'
import { PROTOCOL_VERSION } from '../constants.ts'
import { type ClientSocket, DocTunnel } from './docTunnel.ts'
import { request } from './request.ts'

/** How the page's connection is doing, as shown to people. */
export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline'

/** Errors after which reconnecting cannot help: the page shows a final screen instead. */
const FATAL_CODES: ReadonlySet<string> = new Set([
  ERROR_CODES.participantRemoved,
  ERROR_CODES.unauthorized,
  ERROR_CODES.forbidden,
  ERROR_CODES.sessionNotFound,
])

/** One page's live session: its socket, its document tunnel, the latest snapshot and the connection state. */
export interface SessionState {
  socket: ClientSocket | null
  tunnel: DocTunnel | null
  snapshot: SessionSnapshot | null
  status: ConnectionStatus
  /** Set when access ended for good (removed, revoked, unknown token); the socket is closed. */
  fatal: ErrorBody | null
}

const initial: SessionState = {
  socket: null,
  tunnel: null,
  snapshot: null,
  status: 'connecting',
  fatal: null,
}

/**
 * Connects one socket with `token`, fetches the snapshot on every (re)connect and applies broadcasts to it.
 * A null token means there is nothing to connect with.
 */
export function useSession(token: string | null): SessionState {
  const [state, setState] = useState<SessionState>(initial)

  useEffect(() => {
    if (!token) return
    const socket: ClientSocket = io(window.location.origin, {
      auth: { token, protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket', 'polling'],
      parser: wireParser,
    })
    const tunnel = new DocTunnel(socket)
    let done = false
    let ended = false
    let retry: ReturnType<typeof setTimeout> | undefined
    const patch = (change: Partial<SessionState> | ((s: SessionState) => Partial<SessionState>)) => {
      if (done) return
      setState((s) => ({ ...s, ...(typeof change === 'function' ? change(s) : change) }))
    }
    const editSnapshot = (edit: (snapshot: SessionSnapshot) => SessionSnapshot) =>
      patch((s) => (s.snapshot ? { snapshot: edit(s.snapshot) } : {}))
    const end = (error: ErrorBody) => {
      ended = true
      patch({ fatal: error, status: 'offline' })
      socket.disconnect()
    }
    const offlineStatus = (): ConnectionStatus => (navigator.onLine === false ? 'offline' : 'reconnecting')

    setState({ ...initial, socket, tunnel })

    socket.on('connect', async () => {
      const result = await request(socket, 'session:snapshot')
      if (result.ok) patch({ snapshot: result.data, status: 'online' })
      else if (FATAL_CODES.has(result.error.code)) end(result.error as ErrorBody)
      else patch({ status: 'online' })
    })
    socket.on('disconnect', (reason) => {
      if (ended) return
      patch({ status: offlineStatus() })
      // The server drops removed people and revoked links after telling them why ('access:revoked', which ends
      // the page). Any other server-side drop (a restart) does not reconnect by itself: try again, with jitter;
      // a token that stopped working then fails the handshake with a fatal code.
      if (reason === 'io server disconnect') {
        retry = setTimeout(() => !ended && !done && socket.connect(), 500 + Math.random() * 1500)
      }
    })
    socket.on('connect_error', (err) => {
      const data = (err as Error & { data?: ErrorBody }).data
      if (data && FATAL_CODES.has(data.code)) end(data)
      else patch({ status: offlineStatus() })
    })
    socket.on('access:revoked', (reason) => end(reason))
    socket.on('session:updated', (session) => editSnapshot((s) => ({ ...s, session })))
    socket.on('attendance:changed', (attendance) => editSnapshot((s) => ({ ...s, attendance })))
    socket.on('participants:changed', (participants) => editSnapshot((s) => ({ ...s, participants })))
    socket.on('invites:changed', (invites) => editSnapshot((s) => ({ ...s, invites })))

    const onOnline = () => {
      if (!socket.connected && !socket.active && !done && !ended) socket.connect()
    }
    const onOffline = () => patch({ status: 'offline' })
    // A phone waking from sleep: if Socket.IO gave up, try again now rather than waiting.
    const onVisible = () => {
      if (document.visibilityState === 'visible') onOnline()
    }
    window.addEventListener('online', onOnline)
    window.addEventListener('offline', onOffline)
    document.addEventListener('visibilitychange', onVisible)

    return () => {
      done = true
      clearTimeout(retry)
      window.removeEventListener('online', onOnline)
      window.removeEventListener('offline', onOffline)
      document.removeEventListener('visibilitychange', onVisible)
      socket.disconnect()
    }
  }, [token])

  return state
}
