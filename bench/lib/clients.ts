import { HocuspocusProvider } from '@hocuspocus/provider'
import { io } from 'socket.io-client'
import { WebSocket as NodeWebSocket } from 'ws'
import type { WebsocketProvider } from 'y-websocket'
import { WebsocketProvider as ClassicProvider } from 'y-websocket-classic'
import * as Y from 'yjs'
import { type ClientSocket, DocTunnel } from '../../client/src/net/docTunnel.ts'
import { tunnelProvider } from '../../client/src/net/tunnelProvider.ts'
import type { AckResult } from '../../shared/errors.ts'
import { PROTOCOL_VERSION, type RoomSnapshot } from '../../shared/protocol.ts'
import { wireParser } from '../../shared/wireParser.ts'
import { type ClientSpec, now, withTimeout } from './common.ts'

/** Where the marks live: one key per client, `[seq, sentAt]`, overwritten by each edit so the document stays small. */
const MARKS = 'bench-marks'
const TEXT = 'notes'

/** Receives every remote edit a client applies. */
export interface DeliverySink {
  /** `count` edits of `sender` became visible at once; the newest was sent at `sentAt`, `latencyMs` ago. */
  deliver(count: number, latencyMs: number, sentAt: number): void
  error(what: string): void
}

type AnyProvider = WebsocketProvider | ClassicProvider | HocuspocusProvider

const WsPolyfill = NodeWebSocket as unknown as typeof WebSocket

/** One simulated participant: its document, its provider, and what it has seen of the others. */
export class BenchClient {
  readonly doc = new Y.Doc()
  readonly marks = this.doc.getMap<[number, number]>(MARKS)
  readonly text = this.doc.getText(TEXT)
  readonly key: string
  /** Highest seq applied per sender. */
  readonly lastSeen = new Map<number, number>()
  seq = 0
  /** Convene: the highest own seq the server said it stored. */
  storedSeq = 0
  /** Own seq → this client's Yjs clock after that edit, to read the stored state vectors. */
  private readonly clockAfter: number[] = [0]
  /** Clock time of the last sync (initial or after a reconnect). */
  syncedAt = 0
  docName = ''
  private provider: AnyProvider | null = null
  private socket: ClientSocket | null = null
  private destroyed = false

  constructor(
    readonly spec: ClientSpec,
    private readonly sink: DeliverySink,
  ) {
    this.key = String(spec.id)
    this.marks.observe((event) => {
      if (event.transaction.local) return
      const at = now()
      for (const key of event.keysChanged) {
        const value = this.marks.get(key)
        if (!value) continue
        const sender = Number(key)
        const previous = this.lastSeen.get(sender) ?? 0
        if (value[0] <= previous) continue
        this.lastSeen.set(sender, value[0])
        this.sink.deliver(value[0] - previous, at - value[1], value[1])
      }
    })
  }

  /** Connects and opens the document; resolves once it is in sync (connected, for the relay that answers nothing). */
  async open(timeoutMs: number): Promise<void> {
    const { spec } = this
    if (spec.target === 'convene') await this.openConvene(timeoutMs)
    else if (spec.target === 'socketio-relay') await this.openRelayed(timeoutMs, 'opened')
    else if (spec.target === 'socketio-store') await this.openRelayed(timeoutMs, 'synced')
    else if (spec.target === 'hocuspocus' || spec.target === 'hocuspocus-sqlite') {
      // The polyfill is passed through to the provider's own websocket, which its type does not show.
      const config = {
        url: spec.url,
        name: spec.room as string,
        document: this.doc,
        WebSocketPolyfill: WsPolyfill,
      }
      const provider = new HocuspocusProvider(config)
      this.provider = provider
      provider.on('synced', ({ state }: { state: boolean }) => {
        if (state) this.syncedAt = now()
      })
      provider.on('close', () => {
        if (!this.destroyed) this.sink.error('hocuspocus: connection closed')
      })
      await withTimeout(
        new Promise<void>((resolve) => provider.on('synced', () => resolve())),
        timeoutMs,
        'hocuspocus sync',
      )
    } else {
      const provider = new ClassicProvider(spec.url, spec.room as string, this.doc, {
        WebSocketPolyfill: WsPolyfill,
        disableBc: true,
      })
      this.provider = provider
      provider.on('synced', (state: boolean) => {
        if (state) this.syncedAt = now()
      })
      provider.on('connection-close', () => {
        if (!this.destroyed) this.sink.error(`${spec.target}: connection closed`)
      })
      // The relay applies nothing, so nobody answers a lone client's sync: connected is as ready as it gets.
      const ready = spec.target === 'ws-relay' ? 'status' : 'synced'
      await withTimeout(
        new Promise<void>((resolve) =>
          provider.on(ready, (e: unknown) => {
            if (ready === 'synced' || (e as { status: string }).status === 'connected') resolve()
          }),
        ),
        timeoutMs,
        `${spec.target} ${ready}`,
      )
    }
  }

  /** Convene's client socket: Socket.IO over WebSocket with Convene's wire parser, not yet connected. */
  private clientSocket(auth: Record<string, unknown>): ClientSocket {
    const socket: ClientSocket = io(this.spec.url, {
      auth,
      transports: ['websocket'],
      parser: wireParser,
      forceNew: true,
      autoConnect: false,
    })
    this.socket = socket
    socket.on('connect_error', (err) => {
      if (!this.destroyed) this.sink.error(`connect_error: ${err.message}`)
    })
    return socket
  }

  /** Convene: the real client path: Socket.IO with the token, the room snapshot, then y-websocket over the tunnel. */
  private async openConvene(timeoutMs: number): Promise<void> {
    const socket = this.clientSocket({ token: this.spec.token as string, protocolVersion: PROTOCOL_VERSION })
    socket.on('doc:closed', ({ reason }) => this.sink.error(`doc closed: ${reason.code}`))
    // A late joiner is placed after it connects: listen before connecting, as the client does.
    const assigned = new Promise<string>((resolve) =>
      socket.on('group:assigned', ({ group }) => {
        if (group) resolve(group.docName)
      }),
    )
    socket.connect()
    await withTimeout(
      new Promise<void>((resolve) => socket.once('connect', () => resolve())),
      timeoutMs,
      'socket connect',
    )
    const snapshot = (await socket
      .timeout(timeoutMs)
      .emitWithAck('room:snapshot')) as unknown as AckResult<RoomSnapshot>
    if (!snapshot.ok) throw new Error(`room:snapshot: ${snapshot.error.code}`)
    const docName =
      snapshot.data.myGroup?.docName ?? (await withTimeout(assigned, timeoutMs, 'group assignment'))
    await this.openConveneDoc(docName, timeoutMs)
  }

  /**
   * The Socket.IO relay or store: the same client stack as Convene's, straight to the document (no session). The
   * relay answers nothing, so for it the open, not a sync, is as ready as it gets (as with ws-relay).
   */
  private async openRelayed(timeoutMs: number, ready: 'synced' | 'opened'): Promise<void> {
    const socket = this.clientSocket({})
    socket.connect()
    await this.openConveneDoc(this.spec.room as string, timeoutMs, socket, ready)
  }

  /** Opens one document over the tunnel of a socket; resolves once it is synced (or only opened, for the relay). */
  async openConveneDoc(
    docName: string,
    timeoutMs: number,
    socket = this.socket,
    ready: 'synced' | 'opened' = 'synced',
  ): Promise<void> {
    if (!socket) throw new Error('no socket')
    this.socket = socket
    this.docName = docName
    const tunnel = new DocTunnel(socket)
    const provider = tunnelProvider(tunnel, docName, this.doc)
    this.provider = provider
    let opened = () => {}
    const open = new Promise<void>((resolve) => {
      opened = resolve
    })
    // As the phone's notes do: the stored state comes in its own notice or with someone else's change.
    tunnel.watch(docName, {
      opened: () => opened(),
      stored: (stateVector) => {
        const clock = Y.decodeStateVector(stateVector).get(this.doc.clientID) ?? 0
        while (this.storedSeq < this.seq && (this.clockAfter[this.storedSeq + 1] ?? Infinity) <= clock)
          this.storedSeq++
      },
    })
    provider.on('sync', (state: boolean) => {
      if (state) this.syncedAt = now()
    })
    const synced = new Promise<void>((resolve) => {
      if (provider.synced) resolve()
      else provider.once('sync', () => resolve())
    })
    await withTimeout(ready === 'synced' ? synced : open, timeoutMs, `document ${ready}`)
  }

  /** One edit: a few characters of text and this client's mark, in one transaction (one update on the wire). */
  edit(): void {
    const seq = ++this.seq
    const sentAt = now()
    this.doc.transact(() => {
      this.text.insert(this.text.length, 'ab ')
      this.marks.set(this.key, [seq, sentAt])
    })
    if (this.spec.target === 'convene') this.clockAfter[seq] = Y.getState(this.doc.store, this.doc.clientID)
  }

  destroy(): void {
    this.destroyed = true
    this.provider?.destroy()
    this.socket?.close()
    this.doc.destroy()
  }
}

/** Joins by code through the HTTP API, as a phone does; returns the participant token. */
export async function joinByCode(baseUrl: string, joinCode: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/sessions/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ joinCode }),
  })
  const body = (await res.json()) as { participantToken?: string }
  if (res.status !== 200 || !body.participantToken) throw new Error(`join failed: ${res.status}`)
  return body.participantToken
}
