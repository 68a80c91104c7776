import {
  archiveDeleteSchema,
  exportStartSchema,
  publicLinkSchema,
  retentionChoiceSchema,
} from '../../shared/archiveProtocol.ts'
import { ERROR_CODES } from '../../shared/errors.ts'
import { DomainError, fail } from '../domain/errors.ts'
import { newId } from '../domain/secrets.ts'
import { canOrganize } from '../services/archiveService.ts'
import type { RealtimeContext } from './context.ts'
import { onRequest } from './requests.ts'
import { type IoSocket, rooms } from './types.ts'

/** How long a finished export waits on the server for its download. */
export const EXPORT_TTL_MS = 10 * 60 * 1000
/** Progress events at most this often per job, so a 250-group export does not flood the socket. */
const PROGRESS_EVERY_MS = 100

/** The Socket.IO room of a session's facilitators and organizers: who hears about retention and sharing. */
export const organizersRoom = (sessionId: string) => `session:${sessionId}:organizers`

/** Exports, sharing links and retention settings: facilitators and organizers; nobody else. */
export function registerArchiveHandlers(ctx: RealtimeContext, socket: IoSocket): void {
  const { identity } = socket.data
  const { sessionId } = identity
  const log = ctx.logger
  const allowed = canOrganize(identity)
  if (allowed) socket.join(organizersRoom(sessionId))
  const requireOrganizer = () => {
    if (!allowed) throw fail.forbidden('Only facilitators and organizers can do that.')
  }
  let exporting = false

  onRequest(socket, log, 'export:review', null, async () => {
    requireOrganizer()
    return { findings: await ctx.archive.review(sessionId) }
  })

  onRequest(socket, log, 'archive:preview', null, async () => {
    requireOrganizer()
    return ctx.archive.archive(sessionId)
  })

  onRequest(socket, log, 'export:start', exportStartSchema, async ({ format, redact }) => {
    requireOrganizer()
    if (exporting) throw new DomainError(ERROR_CODES.rateLimited, 'An export is already running.')
    exporting = true
    const jobId = newId()
    let lastProgressAt = 0
    const run = async () => {
      const file = await ctx.archive.export(sessionId, format, redact, (done, total) => {
        const now = Date.now()
        if (done < total && now - lastProgressAt < PROGRESS_EVERY_MS) return
        lastProgressAt = now
        socket.emit('export:progress', { jobId, phase: 'collecting', done, total })
      })
      socket.emit('export:progress', { jobId, phase: 'writing', done: 1, total: 1 })
      const now = Date.now()
      await ctx.store.archive.saveExport({
        id: jobId,
        sessionId,
        principalId: identity.id,
        filename: file.filename,
        contentType: file.contentType,
        data: file.data,
        createdAt: now,
        expiresAt: now + EXPORT_TTL_MS,
      })
      socket.emit('export:done', { jobId, ok: true, filename: file.filename, bytes: file.data.byteLength })
    }
    // The ack returns at once; the job reports progress and its end as events.
    setImmediate(() => {
      run()
        .catch((err: unknown) => {
          const message = err instanceof DomainError ? err.message : 'The export failed on the server.'
          if (!(err instanceof DomainError)) log.error({ err, sessionId, format }, 'export failed')
          socket.emit('export:done', { jobId, ok: false, filename: '', bytes: 0, message })
        })
        .finally(() => {
          exporting = false
        })
    })
    return { jobId }
  })

  onRequest(socket, log, 'archive:settings', null, async () => {
    requireOrganizer()
    return ctx.archive.settings(sessionId)
  })

  onRequest(socket, log, 'archive:retention', retentionChoiceSchema, async (choice) => {
    requireOrganizer()
    const view = await ctx.archive.setRetention(sessionId, choice)
    ctx.io.to(organizersRoom(sessionId)).emit('archive:changed', view)
    return view
  })

  onRequest(socket, log, 'archive:publicLink', publicLinkSchema, async ({ enabled }) => {
    requireOrganizer()
    const link = await ctx.archive.setPublicLink(sessionId, enabled)
    ctx.io.to(organizersRoom(sessionId)).emit('archive:changed', await ctx.archive.settings(sessionId))
    return link
  })

  onRequest(socket, log, 'archive:delete', archiveDeleteSchema, async ({ confirmTitle }) => {
    requireOrganizer()
    await ctx.archive.confirmDelete(sessionId, confirmTitle)
    // Answer first: the purge drops this very connection.
    setImmediate(() => {
      ctx.retention
        .purge(sessionId)
        .catch((err: unknown) => log.error({ err, sessionId }, 'delete now failed'))
    })
    return null
  })
}

/** Tells everyone in a session that it is gone, then drops their connections. */
export function dropSessionConnections(ctx: Pick<RealtimeContext, 'io'>, sessionId: string): void {
  const room = rooms.session(sessionId)
  ctx.io.to(room).emit('access:revoked', {
    code: ERROR_CODES.sessionNotFound,
    message: 'This session was deleted.',
  })
  ctx.io.in(room).disconnectSockets(true)
}
