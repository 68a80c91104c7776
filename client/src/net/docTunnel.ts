import type { Socket } from 'socket.io-client'
import { DOC_CLOSE_CODES, ERROR_CODES, type ErrorBody } from '../../../shared/errors.ts'
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/protocol.ts'

/** The typed client socket. */
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** The provider's server URL: the provider appends `/<document name>`, which the tunnel reads back. */
export const TUNNEL_URL = 'tunnel:'

/** How long the server has to accept a document open before we let the provider retry. */
export const DOC_OPEN_TIMEOUT_MS = 10_000

/** A close event as y-websocket's provider reads it. */
export interface TunnelCloseEvent {
  code: number
  reason: string
  error?: ErrorBody
}

type Listener<T> = ((event: T) => void) | null

/** What the provider calls `new` on for each document's channel (its `WebSocketPolyfill`). */
type ChannelConstructor = new (url: string) => TunnelChannel

/** What a document's observers may hear from the server besides y-websocket's own messages. */
export interface DocWatcher {
  /** The server accepted an open; `writable` says whether it will take this connection's changes. */
  opened?(writable: boolean): void
  /** Every y-websocket message the server sent for the document, as it arrived. */
  message?(bytes: Uint8Array): void
  /** The state the server has stored for the document, as a Yjs state vector. */
  stored?(stateVector: Uint8Array): void
  /** A change was refused (stored but partly undone by a rule, such as a full list). */
  rejected?(reason: ErrorBody): void
  /** The server closed the document for this connection. */
  closed?(code: number, reason: ErrorBody): void
}

/** Tunnels made in this page, newest last: a page has one session socket, so the newest is the page's. */
const tunnelListeners = new Set<() => void>()
let newestTunnel: DocTunnel | null = null

/** The page's newest tunnel, for components mounted without one passed down. */
export const latestTunnel = (): DocTunnel | null => newestTunnel

/** Calls `listener` whenever a newer tunnel is made; returns the unsubscribe. */
export function onTunnelChange(listener: () => void): () => void {
  tunnelListeners.add(listener)
  return () => tunnelListeners.delete(listener)
}

const CONNECTING = 0
const OPEN = 1
const CLOSING = 2
const CLOSED = 3

/** Close codes after which reconnecting cannot help: the provider stops. */
const PERMANENT: Partial<Record<ErrorBody['code'], number>> = {
  [ERROR_CODES.forbidden]: DOC_CLOSE_CODES.forbidden,
  [ERROR_CODES.notFound]: DOC_CLOSE_CODES.notFound,
  [ERROR_CODES.unauthorized]: DOC_CLOSE_CODES.forbidden,
  [ERROR_CODES.participantRemoved]: DOC_CLOSE_CODES.forbidden,
}

/**
 * Carries y-websocket's messages for many documents over one Socket.IO connection. `WebSocket` is the class to
 * pass as the provider's `WebSocketPolyfill`: each instance is one document's channel.
 */
export class DocTunnel {
  private readonly channels = new Map<string, TunnelChannel>()
  private readonly watchers = new Map<string, Set<DocWatcher>>()
  readonly WebSocket: ChannelConstructor

  constructor(readonly socket: ClientSocket) {
    const tunnel = this
    // The provider calls `new` on this: a function returning a channel of this tunnel, not a subclass per
    // tunnel. Each class gives its instances a shape of their own, and with hundreds of tunnels in one process
    // (the benchmark's clients) every access to a channel's fields, ours and the provider's, took V8's slow
    // megamorphic path.
    this.WebSocket = function TunnelWebSocket(url: string) {
      return new TunnelChannel(tunnel, url)
    } as unknown as ChannelConstructor
    socket.on('doc:message', (doc, message, stored) => {
      const watchers = this.watchers.get(doc)
      if (watchers) {
        const bytes = message instanceof Uint8Array ? message : new Uint8Array(message as ArrayBuffer)
        for (const w of watchers) w.message?.(bytes)
      }
      this.channels.get(doc)?.receive(message)
      if (stored) this.storedState(doc, stored)
    })
    socket.on('doc:closed', ({ doc, code, reason }) => {
      this.channels.get(doc)?.closeFromServer(code, reason)
      for (const w of this.watchers.get(doc) ?? []) w.closed?.(code, reason)
    })
    socket.on('doc:stored', ({ doc, stateVector }) => this.storedState(doc, stateVector))
    socket.on('doc:rejected', ({ doc, reason }) => {
      for (const w of this.watchers.get(doc) ?? []) w.rejected?.(reason)
    })
    socket.on('disconnect', () => {
      for (const channel of [...this.channels.values()]) channel.closeFromServer(DOC_CLOSE_CODES.goingAway)
    })
    newestTunnel = this
    for (const listener of [...tunnelListeners]) listener()
  }

  /** Hands the state the server stored, from a notice or a change sent on, to the document's watchers. */
  private storedState(doc: string, stateVector: Uint8Array | ArrayBuffer): void {
    const bytes = stateVector instanceof Uint8Array ? stateVector : new Uint8Array(stateVector)
    for (const w of this.watchers.get(doc) ?? []) w.stored?.(bytes)
  }

  /** Listens to what the server says about one document (stored state, refusals, closes); returns the unsubscribe. */
  watch(doc: string, watcher: DocWatcher): () => void {
    let set = this.watchers.get(doc)
    if (!set) {
      set = new Set()
      this.watchers.set(doc, set)
    }
    set.add(watcher)
    return () => {
      set.delete(watcher)
      if (set.size === 0 && this.watchers.get(doc) === set) this.watchers.delete(doc)
    }
  }

  /** @internal */
  notifyOpened(doc: string, writable: boolean): void {
    for (const w of this.watchers.get(doc) ?? []) w.opened?.(writable)
  }

  /** @internal */
  register(channel: TunnelChannel): void {
    this.channels.get(channel.doc)?.closeFromServer(DOC_CLOSE_CODES.goingAway)
    this.channels.set(channel.doc, channel)
  }

  /** @internal */
  unregister(channel: TunnelChannel): void {
    if (this.channels.get(channel.doc) === channel) this.channels.delete(channel.doc)
  }
}

/** One document's channel, shaped like the WebSocket y-websocket's provider expects. */
export class TunnelChannel {
  // The provider reads these from the instance, not the class.
  readonly CONNECTING = CONNECTING
  readonly OPEN = OPEN
  readonly CLOSING = CLOSING
  readonly CLOSED = CLOSED
  readyState: number = CONNECTING
  binaryType = 'arraybuffer'
  onopen: Listener<unknown> = null
  /**
   * A message's bytes as a view into the frame they came in. A WebSocket would give an ArrayBuffer of their own,
   * but the provider copies `data` into a Uint8Array either way (`new Uint8Array(data)`), and a view's copy of a
   * few dozen bytes stays on V8's heap where an ArrayBuffer slice allocates outside it: at a summit the slice was
   * 3% of a client's CPU.
   */
  onmessage: Listener<{ data: Uint8Array }> = null
  onclose: Listener<TunnelCloseEvent> = null
  onerror: Listener<unknown> = null
  readonly doc: string
  /** Messages that arrived between the server accepting the open and our `onopen`. */
  private early: Uint8Array[] = []

  constructor(
    private readonly tunnel: DocTunnel,
    readonly url: string,
  ) {
    this.doc = url.slice(TUNNEL_URL.length + 1).split('?')[0] as string
    tunnel.register(this)
    if (tunnel.socket.connected) this.open()
    else tunnel.socket.once('connect', () => this.open())
  }

  /** Sends one message; while not open it is dropped, never queued: the provider resyncs on open. */
  send(data: Uint8Array | ArrayBuffer): void {
    if (this.readyState !== OPEN) return
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data)
    this.tunnel.socket.emit('doc:message', this.doc, bytes)
  }

  close(): void {
    if (this.readyState === CLOSED) return
    if (this.readyState === OPEN && this.tunnel.socket.connected)
      this.tunnel.socket.emit('doc:close', { doc: this.doc })
    this.finish({ code: 1000, reason: 'closed by client' })
  }

  /** @internal */
  receive(message: ArrayBuffer | Uint8Array): void {
    const bytes = message instanceof Uint8Array ? message : new Uint8Array(message)
    if (this.readyState === CONNECTING) this.early.push(bytes)
    else if (this.readyState === OPEN) this.deliver(bytes)
  }

  /** @internal */
  closeFromServer(code: number, error?: ErrorBody): void {
    this.finish({ code, reason: error?.message ?? '', error })
  }

  private open(): void {
    if (this.readyState !== CONNECTING) return
    this.tunnel.socket.timeout(DOC_OPEN_TIMEOUT_MS).emit('doc:open', { doc: this.doc }, (timeout, result) => {
      if (this.readyState !== CONNECTING) return
      if (timeout) return this.finish({ code: DOC_CLOSE_CODES.goingAway, reason: 'open timed out' })
      if (!result.ok) {
        const code = PERMANENT[result.error.code] ?? DOC_CLOSE_CODES.goingAway
        return this.finish({ code, reason: result.error.message, error: result.error })
      }
      this.readyState = OPEN
      this.tunnel.notifyOpened(this.doc, result.data.writable)
      this.onopen?.({})
      const early = this.early
      this.early = []
      for (const bytes of early) this.deliver(bytes)
    })
  }

  private deliver(bytes: Uint8Array): void {
    this.onmessage?.({ data: bytes })
  }

  private finish(event: TunnelCloseEvent): void {
    if (this.readyState === CLOSED) return
    this.readyState = CLOSED
    this.early = []
    this.tunnel.unregister(this)
    this.onclose?.(event)
  }
}
