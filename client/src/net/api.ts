import type { ErrorBody } from '../../../shared/errors.ts'
import type {
  CreatedSession,
  CreateSessionInput,
  JoinedSession,
  JoinSessionInput,
  SessionPreview,
} from '../../../shared/session.ts'

/** A failed API call: the server's error body, or `network` when the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorBody['code'] | 'network',
    message: string,
  ) {
    super(message)
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response
  try {
    res = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } })
  } catch {
    throw new ApiError('network', 'The server could not be reached.')
  }
  const body = (await res.json().catch(() => null)) as (T & { error?: ErrorBody }) | null
  if (!res.ok || !body) {
    const error = body?.error
    throw new ApiError(error?.code ?? 'internal', error?.message ?? `HTTP ${res.status}`)
  }
  return body
}

/** POST /api/sessions. */
export const createSession = (input: CreateSessionInput) =>
  call<CreatedSession>('/api/sessions', { method: 'POST', body: JSON.stringify(input) })

/** GET /api/sessions/by-code/:code. */
export const previewSession = (code: string) =>
  call<SessionPreview>(`/api/sessions/by-code/${encodeURIComponent(code)}`)

/** POST /api/sessions/join. */
export const joinSession = (input: JoinSessionInput) =>
  call<JoinedSession>('/api/sessions/join', { method: 'POST', body: JSON.stringify(input) })
