import { io } from 'socket.io-client'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { type ClientSocket, DocTunnel } from '../../client/src/net/docTunnel.ts'
import { tunnelProvider } from '../../client/src/net/tunnelProvider.ts'
import type { AckResult } from '../../shared/errors.ts'
import type {
  CreatedSession,
  CreateSessionInput,
  JoinedSession,
  JoinSessionInput,
} from '../../shared/session.ts'
import { wireParser } from '../../shared/wireParser.ts'

/** POSTs JSON and returns status and parsed body. */
export async function postJson<T = unknown>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as T }
}

/** Creates a session through the API, as the create page does. */
export async function createSession(
  baseUrl: string,
  input: Partial<CreateSessionInput> = {},
): Promise<CreatedSession> {
  const { status, body } = await postJson<CreatedSession>(`${baseUrl}/api/sessions`, {
    title: 'Community Conversation',
    sectors: ['Law enforcement', 'Faith-based', 'Nonprofit services'],
    ...input,
  })
  if (status !== 201) throw new Error(`create failed: ${status} ${JSON.stringify(body)}`)
  return body
}

/** Joins by code through the API, as a phone does. */
export async function joinSession(
  baseUrl: string,
  joinCode: string,
  extra: Partial<JoinSessionInput> = {},
): Promise<JoinedSession> {
  const { status, body } = await postJson<JoinedSession>(`${baseUrl}/api/sessions/join`, {
    joinCode,
    ...extra,
  })
  if (status !== 200) throw new Error(`join failed: ${status} ${JSON.stringify(body)}`)
  return body
}

/** Opens a real socket.io-client connection with a token and waits until it is connected. */
export function connect(
  baseUrl: string,
  token: string,
  options: { reconnection?: boolean; beforeConnect?: (socket: ClientSocket) => void } = {},
): Promise<ClientSocket> {
  const socket: ClientSocket = io(baseUrl, {
    auth: { token },
    transports: ['websocket'],
    parser: wireParser,
    forceNew: true,
    reconnection: options.reconnection ?? true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    autoConnect: false,
  })
  options.beforeConnect?.(socket)
  socket.connect()
  return new Promise((resolve, reject) => {
    // Only the first connection is awaited; later connect errors are Socket.IO's to retry.
    const failed = (err: Error) => {
      socket.close()
      reject(err)
    }
    socket.once('connect', () => {
      socket.off('connect_error', failed)
      resolve(socket)
    })
    socket.once('connect_error', failed)
  })
}

/** Sends a request and resolves with its ack. */
export function request<T>(socket: ClientSocket, event: string, ...args: unknown[]): Promise<AckResult<T>> {
  return (
    socket.timeout(5000) as unknown as { emitWithAck: (e: string, ...a: unknown[]) => Promise<AckResult<T>> }
  ).emitWithAck(event, ...args)
}

/** A document opened through the real y-websocket provider over the tunnel. */
export interface OpenDoc {
  doc: Y.Doc
  provider: WebsocketProvider
  tunnel: DocTunnel
  destroy(): void
}

/**
 * Raises the process's listener limit by one for as long as a provider is open. In Node, y-websocket's provider
 * adds a process `exit` listener (to clear its awareness state) and removes it on destroy, so a test holding more
 * than ten providers at once got Node's "possible EventEmitter memory leak" warning for no leak.
 */
function allowProviderExitListener(): () => void {
  process.setMaxListeners(process.getMaxListeners() + 1)
  let released = false
  return () => {
    if (released) return
    released = true
    process.setMaxListeners(process.getMaxListeners() - 1)
  }
}

/** Opens a document as the client does; `synced` resolves after the first sync with the server. */
export function openDoc(
  socket: ClientSocket,
  name: string,
  doc = new Y.Doc(),
): OpenDoc & { synced: Promise<void> } {
  const tunnel = new DocTunnel(socket)
  const release = allowProviderExitListener()
  const provider = tunnelProvider(tunnel, name, doc)
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve()
    else provider.once('sync', () => resolve())
  })
  const destroy = () => {
    provider.destroy()
    release()
  }
  return { doc, provider, tunnel, synced, destroy }
}

/**
 * Opens a document and records what the server says of it: `opened` holds each open's ack (may this connection
 * write?), and `allStored()` resolves once a stored state covers everything this replica wrote so far.
 */
export function openWatchedDoc(socket: ClientSocket, name: string, cleanups: (() => unknown)[]) {
  const open = openDoc(socket, name)
  cleanups.push(() => open.destroy())
  const opened: boolean[] = []
  let storedClock = 0
  open.tunnel.watch(name, {
    opened: (writable) => opened.push(writable),
    stored: (stateVector) => {
      storedClock = Math.max(storedClock, Y.decodeStateVector(stateVector).get(open.doc.clientID) ?? 0)
    },
  })
  const allStored = () =>
    eventually(() => {
      if (storedClock < Y.getState(open.doc.store, open.doc.clientID)) throw new Error('not all stored yet')
    })
  return { ...open, opened, allStored }
}

/** Retries an assertion until it passes or the time is up; the last failure is thrown. */
export async function eventually<T>(
  check: () => T | Promise<T>,
  timeoutMs = 5000,
  intervalMs = 10,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, intervalMs))
    }
  }
}

/** Resolves with the next emission of a server event that passes `accept` (default: any). */
export function nextEvent<T>(
  socket: ClientSocket,
  event: string,
  accept: (value: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  const target = socket as unknown as {
    on: (e: string, f: (v: T) => void) => void
    off: (e: string, f: (v: T) => void) => void
  }
  return new Promise((resolve, reject) => {
    const listener = (value: T) => {
      if (!accept(value)) return
      clearTimeout(timer)
      target.off(event, listener)
      resolve(value)
    }
    const timer = setTimeout(() => {
      target.off(event, listener)
      reject(new Error(`no matching ${event} within ${timeoutMs} ms`))
    }, timeoutMs)
    target.on(event, listener)
  })
}
