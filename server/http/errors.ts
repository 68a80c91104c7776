import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express'
import { ZodError } from 'zod'
import { ERROR_CODES, type ErrorBody, type ErrorCode } from '../../shared/errors.ts'
import { DomainError } from '../domain/errors.ts'
import type { Logger } from '../logger.ts'

const STATUS: Partial<Record<ErrorCode, number>> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  session_not_found: 404,
  session_closed: 409,
  session_not_open: 409,
  participant_removed: 403,
  too_many_attempts: 429,
  rate_limited: 429,
  payload_too_large: 400,
  conflict: 409,
}

/** Sends the standard error body with the status its code implies. */
export function sendError(res: Response, body: ErrorBody): void {
  res.status(STATUS[body.code] ?? 500).json({ error: body })
}

/** Turns a zod error into a sentence naming the first bad field. */
export function describeZodError(error: ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'The request is not valid.'
  const where = issue.path.length ? `${issue.path.join('.')}: ` : ''
  return `${where}${issue.message}`
}

/** Wraps an async route so a rejection reaches the error handler instead of ending the process. */
export function route(handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req, res, next) => {
    handler(req, res).catch(next)
  }
}

/** The last handler: clear JSON errors, never a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (error instanceof DomainError) return sendError(res, { code: error.code, message: error.message })
    if (error instanceof ZodError) {
      return sendError(res, { code: ERROR_CODES.badRequest, message: describeZodError(error) })
    }
    const httpError = error as { type?: string; status?: number }
    if (httpError.type === 'entity.too.large') {
      return sendError(res, { code: ERROR_CODES.payloadTooLarge, message: 'The request body is too large.' })
    }
    if (httpError.type === 'entity.parse.failed' || httpError.status === 400) {
      return sendError(res, { code: ERROR_CODES.badRequest, message: 'The request body is not valid JSON.' })
    }
    logger.error({ err: error }, 'request failed')
    return sendError(res, { code: ERROR_CODES.internal, message: 'Something went wrong on the server.' })
  }
}
