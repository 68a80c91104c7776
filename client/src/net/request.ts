import type { Ack, AckResult } from '../../../shared/errors.ts'
import type { ClientToServerEvents } from '../../../shared/protocol.ts'
import type { ClientSocket } from './docTunnel.ts'

/** How long a request waits for the server's ack before it counts as failed. */
export const ACK_TIMEOUT_MS = 10_000

type Requests = {
  [E in keyof ClientToServerEvents]: ClientToServerEvents[E] extends (
    ...args: [...infer _A, Ack<infer _T>]
  ) => void
    ? E
    : never
}[keyof ClientToServerEvents]

type RequestArgs<E extends Requests> = ClientToServerEvents[E] extends (
  ...args: [...infer A, Ack<infer _T>]
) => void
  ? A
  : never

type RequestData<E extends Requests> = ClientToServerEvents[E] extends (
  ...args: [...infer _A, Ack<infer T>]
) => void
  ? T
  : never

/** A request's result; `timeout` when the server did not answer in time (e.g. the connection dropped). */
export type RequestResult<T> = AckResult<T> | { ok: false; error: { code: 'timeout'; message: string } }

/** Emits an acknowledged event and resolves with its result; never rejects. */
export function request<E extends Requests>(
  socket: ClientSocket,
  event: E,
  ...args: RequestArgs<E>
): Promise<RequestResult<RequestData<E>>> {
  return new Promise((resolve) => {
    const emitter = socket.timeout(ACK_TIMEOUT_MS) as unknown as {
      emit(event: string, ...rest: unknown[]): void
    }
    emitter.emit(event, ...args, (timedOut: Error | null, result: AckResult<RequestData<E>>) => {
      if (timedOut)
        resolve({ ok: false, error: { code: 'timeout', message: 'The server did not answer in time.' } })
      else resolve(result)
    })
  })
}
