import express, { type Request, type Response, type Router } from 'express'
import { exportFormatSchema } from '../../shared/archiveProtocol.ts'
import { ERROR_CODES } from '../../shared/errors.ts'
import { DomainError } from '../domain/errors.ts'
import type { Identity } from '../domain/identity.ts'
import { archiveJsonSchema } from '../export/schema.ts'
import { type ArchiveService, canOrganize } from '../services/archiveService.ts'
import type { SessionService } from '../services/sessionService.ts'
import type { Store } from '../store/types.ts'
import { route } from './errors.ts'

/** Largest archive an import accepts: notes included, a large session's JSON stays well under this. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024

/** The bearer token of a request (`Authorization: Bearer <token>`), never a query string a log would keep. */
export function bearer(req: Request): string | null {
  const header = req.headers.authorization
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
  return match?.[1] ?? null
}

/** Sends a file as a download that the browser must not sniff, render or cache. */
export function sendFile(
  res: Response,
  file: { filename: string; contentType: string; data: Uint8Array },
): void {
  res.setHeader('Content-Type', file.contentType)
  res.setHeader('Content-Length', String(file.data.byteLength))
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  )
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox")
  res.end(Buffer.from(file.data))
}

/** Exports, imports, the public "what we heard" and the archive's schema (docs/API.md). */
export function exportsRouter(store: Store, sessions: SessionService, archive: ArchiveService): Router {
  const router = express.Router()

  /** The caller's identity, when its token may read and export this session. */
  const organizer = async (req: Request, sessionId?: string): Promise<Identity> => {
    const identity = await sessions.authenticate(bearer(req))
    if (!canOrganize(identity) || (sessionId !== undefined && identity.sessionId !== sessionId)) {
      throw new DomainError(ERROR_CODES.forbidden, 'This link may not export this session.')
    }
    return identity
  }

  router.get('/archive-schema.json', (_req, res) => {
    res.json(archiveJsonSchema())
  })

  router.post(
    '/sessions/import',
    express.json({ limit: IMPORT_MAX_BYTES }),
    route(async (req, res) => {
      res.status(201).json(await archive.import(req.body))
    }),
  )

  /** A finished export job's file: only the link that started it may fetch it, until it expires. */
  router.get(
    '/exports/:jobId',
    route(async (req, res) => {
      const identity = await organizer(req)
      const file = await store.archive.getExport(String(req.params.jobId))
      if (!file || file.principalId !== identity.id || file.expiresAt <= Date.now()) {
        throw new DomainError(ERROR_CODES.notFound, 'This export is not available (any more). Export again.')
      }
      sendFile(res, file)
    }),
  )

  /** One export written at once, for scripts: `?redact=id,id` redacts review findings. */
  router.get(
    '/sessions/:sessionId/export/:format',
    route(async (req, res) => {
      const sessionId = String(req.params.sessionId)
      await organizer(req, sessionId)
      const format = exportFormatSchema.parse(req.params.format)
      const redact = String(req.query.redact ?? '')
        .split(',')
        .filter(Boolean)
      sendFile(res, await archive.export(sessionId, format, redact))
    }),
  )

  /** The published summary behind a public link; the link's secret comes as a bearer token. */
  router.get(
    '/public/:sessionId',
    route(async (req, res) => {
      res.setHeader('Cache-Control', 'no-store')
      res.json({ summary: await archive.publicSummary(String(req.params.sessionId), bearer(req)) })
    }),
  )

  return router
}
