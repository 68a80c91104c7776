import express, { type Request, type Response, type Router } from 'express'
import { ERROR_CODES } from '../../shared/errors.ts'
import { LIMITS } from '../../shared/limits.ts'
import { createSessionSchema, joinSessionSchema } from '../../shared/session.ts'
import { DomainError } from '../domain/errors.ts'
import type { SessionService } from '../services/sessionService.ts'
import { route, sendError } from './errors.ts'
import type { JoinFailureLimiter } from './joinLimiter.ts'

/** The JSON API (docs/API.md). */
export function apiRouter(sessions: SessionService, limiter: JoinFailureLimiter): Router {
  const router = express.Router()
  router.use(express.json({ limit: LIMITS.httpBodyMaxBytes }))

  /** A route that takes a join code: wrong codes count against the caller's address, right ones never do. */
  const byJoinCode = (handler: (req: Request, res: Response) => Promise<void>) =>
    route(async (req, res) => {
      const address = req.ip ?? 'unknown'
      if (limiter.isBlocked(address)) {
        res.setHeader('Retry-After', String(limiter.retryAfterSeconds(address)))
        sendError(res, {
          code: ERROR_CODES.tooManyAttempts,
          message: 'Too many wrong codes. Wait a minute, then try again.',
        })
        return
      }
      try {
        await handler(req, res)
      } catch (error) {
        if (error instanceof DomainError && error.code === ERROR_CODES.sessionNotFound)
          limiter.recordFailure(address)
        throw error
      }
    })

  router.post(
    '/sessions',
    route(async (req, res) => {
      res.status(201).json(await sessions.create(createSessionSchema.parse(req.body ?? {})))
    }),
  )

  router.post(
    '/sessions/join',
    byJoinCode(async (req, res) => {
      res.json(await sessions.join(joinSessionSchema.parse(req.body ?? {})))
    }),
  )

  router.get(
    '/sessions/by-code/:code',
    byJoinCode(async (req, res) => {
      res.json(await sessions.preview(String(req.params.code)))
    }),
  )

  router.use((_req, res) => sendError(res, { code: ERROR_CODES.notFound, message: 'No such API route.' }))
  return router
}
