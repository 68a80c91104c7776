import type { z } from 'zod'
import { type AckResult, ERROR_CODES } from '../../shared/errors.ts'
import type { ClientToServerEvents } from '../../shared/protocol.ts'
import { DomainError } from '../domain/errors.ts'
import { describeZodError } from '../http/errors.ts'
import type { Logger } from '../logger.ts'
import type { IoSocket } from './types.ts'

type AckData<E extends keyof ClientToServerEvents> =
  Parameters<ClientToServerEvents[E]> extends [...unknown[], (result: AckResult<infer T>) => void] ? T : never

/**
 * Registers a request handler that reads as validate → act → ack. Every payload is parsed by its schema; domain
 * errors become `ok: false` acks; anything else is logged and answered with `internal`, never left unhandled.
 */
export function onRequest<E extends keyof ClientToServerEvents, S extends z.ZodType>(
  socket: IoSocket,
  logger: Logger,
  event: E,
  schema: S | null,
  handler: (input: z.infer<S>) => Promise<AckData<E>>,
): void {
  const listener = (...args: unknown[]) => {
    const last = args.at(-1)
    const ack = typeof last === 'function' ? (last as (r: AckResult<AckData<E>>) => void) : () => {}
    const run = async (): Promise<AckResult<AckData<E>>> => {
      if (schema === null) return { ok: true, data: await handler(undefined as z.infer<S>) }
      const parsed = schema.safeParse(args[0])
      if (!parsed.success) {
        return { ok: false, error: { code: ERROR_CODES.badRequest, message: describeZodError(parsed.error) } }
      }
      return { ok: true, data: await handler(parsed.data) }
    }
    run()
      .catch((error: unknown): AckResult<AckData<E>> => {
        if (error instanceof DomainError) {
          const { code, message, details } = error
          return { ok: false, error: details === undefined ? { code, message } : { code, message, details } }
        }
        logger.error({ err: error, event }, 'request failed')
        return {
          ok: false,
          error: { code: ERROR_CODES.internal, message: 'Something went wrong on the server.' },
        }
      })
      .then(ack)
      .catch((error: unknown) => logger.error({ err: error, event }, 'ack failed'))
  }
  socket.on(event, listener as never)
}
