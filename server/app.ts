import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import type { DocRef } from '../shared/docNames.ts'
import { ERROR_CODES } from '../shared/errors.ts'
import { publicSector, toMe } from './domain/identity.ts'
import { adminRouter } from './http/admin.ts'
import { apiRouter } from './http/api.ts'
import { errorHandler, sendError } from './http/errors.ts'
import { exportsRouter } from './http/exports.ts'
import { JoinFailureLimiter } from './http/joinLimiter.ts'
import { staticClient } from './http/staticClient.ts'
import type { Logger } from './logger.ts'
import { lanAddress } from './network.ts'
import { dropSessionConnections } from './realtime/archiveHandlers.ts'
import type { RealtimeContext } from './realtime/context.ts'
import { socketFanout } from './realtime/docHandlers.ts'
import { sessionDocPolicy } from './realtime/docs/access.ts'
import { groupNotesRules } from './realtime/docs/groupNotesRules.ts'
import { awarenessUser, DocHub } from './realtime/docs/hub.ts'
import { notesLocks } from './realtime/notesLocks.ts'
import { Presence } from './realtime/presence.ts'
import { previewPublisher } from './realtime/previewPublisher.ts'
import { roomPublisher } from './realtime/roomPublisher.ts'
import { rosterBroadcaster } from './realtime/roster.ts'
import { roundDeadlines } from './realtime/roundDeadlines.ts'
import { attachRealtime, createSocketServer } from './realtime/socketServer.ts'
import { type IoServer, rooms as socketRooms } from './realtime/types.ts'
import { ArchiveService, DEFAULT_RETENTION, type RetentionSettings } from './services/archiveService.ts'
import { NotesService } from './services/notesService.ts'
import { RETENTION_SWEEP_MS, RetentionService } from './services/retentionService.ts'
import { RoomQueries } from './services/roomQueries.ts'
import { RoomService } from './services/roomService.ts'
import { SessionService } from './services/sessionService.ts'
import type { Store } from './store/types.ts'

type GroupDocRef = Extract<DocRef, { kind: 'group' }>

/** What the app needs from outside: index.ts builds these from the environment, tests from temp dirs. */
export interface AppDeps {
  store: Store
  logger: Logger
  publicUrl?: string | null
  allowedOrigins?: string[]
  trustProxy?: boolean | number | string
  clientDir?: string
  emptyDocUnloadMs?: number
  /** How long locked notes still take edits after a round ends; LIMITS.notesLockGraceMs unless a test shortens it. */
  notesLockGraceMs?: number
  /** ADMIN_TOKEN: turns the admin routes on; null or missing leaves them off. */
  adminToken?: string | null
  /** Retention settings; `sweepIntervalMs: null` runs no job (tests sweep by hand), `now` sets the job's clock. */
  retention?: Partial<RetentionSettings> & { sweepIntervalMs?: number | null; now?: () => number }
}

/** A built, not yet listening, Convene server. */
export interface App {
  httpServer: HttpServer
  io: IoServer
  hub: DocHub
  sessions: SessionService
  /** Exports, sharing and retention choices. */
  archive: ArchiveService
  /** The retention job: closes quiet sessions and purges expired ones. */
  retention: RetentionService
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
  const rooms = new RoomService(store)
  const retentionSettings: RetentionSettings = {
    ...DEFAULT_RETENTION,
    ...definedOnly({
      closeAfterInactiveMs: deps.retention?.closeAfterInactiveMs,
      purgeAfterDays: deps.retention?.purgeAfterDays,
    }),
  }
  const archive = new ArchiveService(store, sessions, rooms, { publicBaseUrl }, retentionSettings)
  const retention = new RetentionService(
    store,
    sessions,
    retentionSettings,
    {
      onlineSessionIds: () => presence.sessionIds(),
      closed: async (sessionId) => {
        io.to(socketRooms.session(sessionId)).emit('session:updated', await sessions.view(sessionId))
      },
      beforePurge: async (sessionId) => {
        dropSessionConnections({ io }, sessionId)
        await hub.discardSession(sessionId)
      },
    },
    logger,
    deps.retention?.now,
  )

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true })
  })
  app.use('/api/admin', adminRouter(store, retention, retentionSettings, deps.adminToken ?? null))
  app.use('/api', exportsRouter(store, sessions, archive))
  app.use('/api', apiRouter(sessions, limiter))
  if (deps.clientDir) app.use(staticClient(deps.clientDir))
  app.use((_req, res) => sendError(res, { code: ERROR_CODES.notFound, message: 'Not found.' }))
  app.use(errorHandler(logger))

  const io = createSocketServer(httpServer, () => [
    ...(deps.allowedOrigins ?? []),
    new URL(publicBaseUrl()).origin,
  ])
  const presence = new Presence()
  const queries = new RoomQueries(store, Date.now, deps.notesLockGraceMs)
  const hub = new DocHub({
    store: store.docs,
    access: sessionDocPolicy((identity, ref) => queries.groupDocAccess(identity, ref as GroupDocRef)),
    logger,
    emptyDocUnloadMs: deps.emptyDocUnloadMs,
    fanout: socketFanout(io),
    userFor: async (peer) => {
      const session = await sessions.get(peer.identity.sessionId)
      const me = toMe(peer.identity, session.anonymity)
      return awarenessUser(peer, me.label, publicSector(session.anonymity, me.sector))
    },
    roomOptions: (_name, ref) =>
      ref.kind === 'group'
        ? {
            rules: groupNotesRules((docName, pointId, participantId) => {
              store.notes
                .recordAuthor(docName, pointId, participantId)
                .catch((err: unknown) => logger.error({ err }, 'recording an author failed'))
            }),
            onChange: (room) => previews.changed(room, ref.sessionId),
          }
        : {},
  })
  const notes = new NotesService(store, hub, queries)
  const previews = previewPublisher(io, () => notes, logger)
  const roster = rosterBroadcaster(io, sessions, presence, logger)
  const locks = notesLocks(store.rooms, queries, (sessionId) => hub.reauthorize(sessionId), logger)
  locks.restore().catch((err: unknown) => logger.error({ err }, 'restoring notes locks failed'))
  const roomBroadcasts = roomPublisher(io, queries, store.rooms, presence, hub, locks, logger)
  const publishRoom = roomBroadcasts.publish
  const deadlines = roundDeadlines(store.rooms, rooms, publishRoom, logger)
  deadlines.restore().catch((err: unknown) => logger.error({ err }, 'restoring round deadlines failed'))
  const ctx: RealtimeContext = {
    io,
    store,
    sessions,
    rooms,
    queries,
    notes,
    hub,
    presence,
    logger,
    publishRoom,
    rosterChanged: roster.changed,
    scheduleRoundDeadline: deadlines.schedule,
    archive,
    retention,
  }
  attachRealtime(ctx)
  const sweepEvery =
    deps.retention?.sweepIntervalMs === undefined ? RETENTION_SWEEP_MS : deps.retention.sweepIntervalMs
  if (sweepEvery !== null) retention.start(sweepEvery)

  let closing: Promise<void> | null = null
  return {
    httpServer,
    io,
    hub,
    sessions,
    archive,
    retention,
    publicBaseUrl,
    close() {
      closing ??= (async () => {
        retention.stop()
        roster.stop()
        roomBroadcasts.stop()
        deadlines.stop()
        locks.stop()
        previews.stop()
        // Closing the engine (not disconnecting each socket) lets clients reconnect by themselves after a restart.
        await new Promise<void>((resolve) => io.close(() => resolve()))
        await hub.closeAll()
        await store.close()
      })()
      return closing
    },
  }
}

/** The fields of an optional settings object that are set, so defaults fill only what was left out. */
function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>
}
