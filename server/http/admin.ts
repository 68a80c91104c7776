import { createHash, timingSafeEqual } from 'node:crypto'
import express, { type Request, type Router } from 'express'
import type { AdminSessionRow } from '../../shared/archiveProtocol.ts'
import { ERROR_CODES } from '../../shared/errors.ts'
import { DomainError } from '../domain/errors.ts'
import { purgeDate, type RetentionSettings } from '../services/archiveService.ts'
import type { RetentionService } from '../services/retentionService.ts'
import type { Store } from '../store/types.ts'
import { route } from './errors.ts'
import { bearer } from './exports.ts'

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest()

/** Whether a request carries the admin token; compared in constant time. */
export function isAdmin(req: Request, adminToken: string | null): boolean {
  const given = bearer(req)
  if (!adminToken || !given) return false
  return timingSafeEqual(digest(given), digest(adminToken))
}

/** The instance admin's routes, behind ADMIN_TOKEN; off (404) when no token is set. */
export function adminRouter(
  store: Store,
  retention: RetentionService,
  settings: RetentionSettings,
  adminToken: string | null,
): Router {
  const router = express.Router()
  router.use((req, _res, next) => {
    if (!adminToken) {
      next(new DomainError(ERROR_CODES.notFound, 'The admin page is off: set ADMIN_TOKEN to turn it on.'))
    } else if (!isAdmin(req, adminToken)) {
      next(new DomainError(ERROR_CODES.unauthorized, 'The admin token is not right.'))
    } else next()
  })

  router.get(
    '/sessions',
    route(async (_req, res) => {
      const rows: AdminSessionRow[] = (await store.archive.listActivity()).map((s) => ({
        id: s.id,
        title: s.title,
        status: s.status,
        createdAt: s.createdAt,
        closedAt: s.closedAt,
        lastActivityAt: s.lastActivityAt,
        participants: s.participants,
        bytes: s.bytes,
        purgeAt: purgeDate(s.closedAt, s.retention, settings),
        keep: s.retention.mode === 'keep',
      }))
      res.setHeader('Cache-Control', 'no-store')
      res.json({ sessions: rows, closeAfterInactiveMs: settings.closeAfterInactiveMs })
    }),
  )

  router.delete(
    '/sessions/:sessionId',
    route(async (req, res) => {
      const sessionId = String(req.params.sessionId)
      if (!(await store.sessions.get(sessionId)))
        throw new DomainError(ERROR_CODES.sessionNotFound, 'No such session.')
      await retention.purge(sessionId)
      res.json({ ok: true })
    }),
  )

  return router
}
