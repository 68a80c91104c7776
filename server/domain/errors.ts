import type { ErrorCode } from '../../shared/errors.ts'
import { ERROR_CODES } from '../../shared/errors.ts'

/** An error meant for the client: its code and message reach the client; nothing else does. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

/** Shorthands for the errors domain code throws most. */
export const fail = {
  forbidden: (message = 'You are not allowed to do that.') => new DomainError(ERROR_CODES.forbidden, message),
  notFound: (message = 'Not found.') => new DomainError(ERROR_CODES.notFound, message),
  badRequest: (message: string) => new DomainError(ERROR_CODES.badRequest, message),
}
