import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { ERROR_CODES } from '../shared/errors.ts'
import { toMe } from './domain/identity.ts'
import { apiRouter } from './http/api.ts'
import { errorHandler, sendError } from './http/errors.ts'
import { JoinFailureLimiter } from './http/joinLimiter.ts'
import { staticClient } from './http/staticClient.ts'
import type { Logger } from './logger.ts'
import { lanAddress } from './network.ts'
import type { RealtimeContext } from './realtime/context.ts'
import { sessionDocPolicy } from './realtime/docs/access.ts'
import { awarenessUser, DocHub } from './realtime/docs/hub.ts'
import { Presence } from './realtime/presence.ts'
import { rosterBroadcaster } from './realtime/roster.ts'
import { attachRealtime, createSocketServer } from './realtime/socketServer.ts'
import type { IoServer } from './realtime/types.ts'
import { SessionService } from './services/sessionService.ts'
import type { Store } from './store/types.ts'

/** What the app needs from outside: index.ts builds these from the environment, tests from temp dirs. */
export interface AppDeps {
  store: Store
  logger: Logger
  publicUrl?: string | null
  allowedOrigins?: string[]
  trustProxy?: boolean | number | string
  clientDir?: string
  emptyDocUnloadMs?: number
}

/** A built, not yet listening, Convene server. */
export interface App {
  httpServer: HttpServer
  io: IoServer
  hub: DocHub
  sessions: SessionService
  /** The base URL phones use: PUBLIC_URL, or this machine's LAN address and port. */
  publicBaseUrl(): string
  /** Stops accepting, closes every connection, compacts documents and closes the store. */
  close(): Promise<void>
}

/** Builds the server; only index.ts calls listen. */
export function createApp(deps: AppDeps): App {
  const { store, logger } = deps
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', deps.trustProxy ?? false)
  const httpServer = createServer(app)

  const publicBaseUrl = () => {
    if (deps.publicUrl) return deps.publicUrl
    const address = httpServer.address() as AddressInfo | null
    const port = address?.port ?? 3000
    return `http://${lanAddress() ?? 'localhost'}:${port}`
  }
  const sessions = new SessionService(store, { publicBaseUrl })
  const limiter = new JoinFailureLimiter()

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true })
  })
  app.use('/api', apiRouter(sessions, limiter))
  if (deps.clientDir) app.use(staticClient(deps.clientDir))
  app.use((_req, res) => sendError(res, { code: ERROR_CODES.notFound, message: 'Not found.' }))
  app.use(errorHandler(logger))

  const io = createSocketServer(httpServer, () => [...(deps.allowedOrigins ?? []), new URL(publicBaseUrl()).origin])
  const presence = new Presence()
  const hub = new DocHub({
    store: store.docs,
    // Group documents open to their members once rounds form groups; until then only facilitators reach them.
    access: sessionDocPolicy(async () => 'none'),
    logger,
    emptyDocUnloadMs: deps.emptyDocUnloadMs,
    userFor: async (peer) => {
      const session = await sessions.get(peer.identity.sessionId)
      return awarenessUser(peer, toMe(peer.identity, session.anonymity).label)
    },
  })
  const roster = rosterBroadcaster(io, sessions, presence, logger)
  const ctx: RealtimeContext = { io, sessions, hub, presence, logger, rosterChanged: roster.changed }
  attachRealtime(ctx)

  let closing: Promise<void> | null = null
  return {
    httpServer,
    io,
    hub,
    sessions,
    publicBaseUrl,
    close() {
      closing ??= (async () => {
        roster.stop()
        io.disconnectSockets(true)
        await new Promise<void>((resolve) => io.close(() => resolve()))
        await hub.closeAll()
        await store.close()
      })()
      return closing
    },
  }
}
