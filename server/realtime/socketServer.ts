import type { Server as HttpServer, IncomingMessage } from 'node:http'
import { Server } from 'socket.io'
import { ERROR_CODES } from '../../shared/errors.ts'
import { SOCKET_MAX_BUFFER_BYTES } from '../../shared/limits.ts'
import { PROTOCOL_VERSION } from '../../shared/protocol.ts'
import { wireParser } from '../../shared/wireParser.ts'
import { DomainError } from '../domain/errors.ts'
import { canFacilitate, watchesRoom } from '../domain/identity.ts'
import { registerArchiveHandlers } from './archiveHandlers.ts'
import type { RealtimeContext } from './context.ts'
import { registerDocHandlers } from './docHandlers.ts'
import { registerGatherHandlers } from './gatherHandlers.ts'
import { registerNotesHandlers } from './notesHandlers.ts'
import { registerRoomHandlers } from './roomHandlers.ts'
import { registerSessionHandlers } from './sessionHandlers.ts'
import { type IoServer, rooms } from './types.ts'

/** Handler groups, each registering its events on a new connection. Features add theirs here. */
const HANDLER_GROUPS = [
  registerSessionHandlers,
  registerRoomHandlers,
  registerDocHandlers,
  registerNotesHandlers,
  registerGatherHandlers,
  registerArchiveHandlers,
]

/**
 * Whether a handshake's Origin may connect: same host as the request, or listed. Clients that send no Origin
 * (not browsers) are allowed, since they cannot be a cross-site page riding on someone's session.
 */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin
  if (!origin) return true
  if (allowed.includes(origin)) return true
  try {
    return new URL(origin).host === req.headers.host
  } catch {
    return false
  }
}

/** Creates the Socket.IO server: origin check, token auth, then each handler group. */
export function createSocketServer(
  httpServer: HttpServer,
  allowedOrigins: () => readonly string[],
): IoServer {
  const io: IoServer = new Server(httpServer, {
    maxHttpBufferSize: SOCKET_MAX_BUFFER_BYTES,
    parser: wireParser,
    serveClient: false,
    allowRequest: (req, callback) => {
      const ok = originAllowed(req, allowedOrigins())
      callback(ok ? null : 'origin not allowed', ok)
    },
  })
  // Engine.IO keeps each connection's first HTTP request for its whole life; nothing here reads it after the origin
  // check, so it is let go, as Socket.IO's memory guide suggests (its headers, parser and buffers, per connection).
  io.engine.on('connection', (raw: { request: unknown }) => {
    raw.request = null
  })
  return io
}

/** Wires authentication and handlers onto the server. */
export function attachRealtime(ctx: RealtimeContext): void {
  const { io } = ctx
  io.use((socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown; protocolVersion?: unknown }
    if (auth.protocolVersion !== undefined && auth.protocolVersion !== PROTOCOL_VERSION) {
      const body = {
        code: ERROR_CODES.badRequest,
        message: 'Convene was updated. Reload the page to continue.',
      }
      next(Object.assign(new Error(body.message), { data: body }))
      return
    }
    ctx.sessions
      .authenticate(auth.token)
      .then((identity) => {
        socket.data.identity = identity
        next()
      })
      .catch((error: unknown) => {
        const body =
          error instanceof DomainError
            ? { code: error.code, message: error.message }
            : { code: ERROR_CODES.internal, message: 'Could not check this token.' }
        if (!(error instanceof DomainError)) ctx.logger.error({ err: error }, 'handshake failed')
        next(Object.assign(new Error(body.message), { data: body }))
      })
  })

  io.on('connection', (socket) => {
    const { identity } = socket.data
    socket.join([rooms.session(identity.sessionId), rooms.principal(identity.id)])
    if (identity.role === 'participant') socket.join(rooms.participant(identity.id))
    if (canFacilitate(identity.role)) socket.join(rooms.facilitators(identity.sessionId))
    if (watchesRoom(identity.role)) socket.join(rooms.screens(identity.sessionId))
    for (const register of HANDLER_GROUPS) register(ctx, socket)
    if (ctx.presence.add(identity.sessionId, identity.id) && identity.role === 'participant') {
      ctx.rosterChanged(identity.sessionId)
    }
    socket.on('disconnect', () => {
      if (ctx.presence.remove(identity.sessionId, identity.id) && identity.role === 'participant') {
        ctx.rosterChanged(identity.sessionId)
      }
    })
  })
}
