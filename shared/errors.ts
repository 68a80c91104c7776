/** Error codes that clients may receive, in acks and HTTP error bodies. */
export const ERROR_CODES = {
  badRequest: 'bad_request',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not_found',
  sessionNotFound: 'session_not_found',
  sessionClosed: 'session_closed',
  sessionNotOpen: 'session_not_open',
  participantRemoved: 'participant_removed',
  tooManyAttempts: 'too_many_attempts',
  payloadTooLarge: 'payload_too_large',
  docFull: 'doc_full',
  readOnly: 'read_only',
  docInvalidMessage: 'doc_invalid_message',
  rateLimited: 'rate_limited',
  conflict: 'conflict',
  internal: 'internal',
} as const

/** One of the error codes above. */
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES]

/** The error body clients receive: a stable code for programs and a message for people. */
export interface ErrorBody {
  code: ErrorCode
  message: string
  /** Extra data for programs, such as the current state after a `conflict`. */
  details?: unknown
}

/** The result every acknowledged request returns. */
export type AckResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody }

/** The callback a client passes as the last argument of an acknowledged event. */
export type Ack<T> = (result: AckResult<T>) => void

/** Close codes of a tunnelled document: 4400-4499 tell y-websocket's provider not to reconnect. */
export const DOC_CLOSE_CODES = {
  /** The server is going away or the connection dropped: reconnect. */
  goingAway: 1001,
  /** The client sent a malformed or oversized message: the provider may reconnect and resync. */
  invalidMessage: 4000,
  /** This identity may not open this document, or was removed: do not reconnect. */
  forbidden: 4403,
  /** The document does not exist: do not reconnect. */
  notFound: 4404,
} as const
