import { type DocRef, parseDocName } from '../../../shared/docNames.ts'
import { DOC_CLOSE_CODES, ERROR_CODES, type ErrorBody } from '../../../shared/errors.ts'
import { LIMITS } from '../../../shared/limits.ts'
import { DomainError } from '../../domain/errors.ts'
import type { Logger } from '../../logger.ts'
import type { DocStore } from '../../store/types.ts'
import type { DocAccessPolicy } from './access.ts'
import { type AwarenessUser, colorFor } from './awarenessGuard.ts'
import type { DocFanout, DocPeer } from './peer.ts'
import { DocRoom, type DocRoomOptions } from './room.ts'

const LOCKED: ErrorBody = { code: ERROR_CODES.readOnly, message: 'These notes are locked now.' }
const FORBIDDEN: ErrorBody = { code: ERROR_CODES.forbidden, message: 'You may no longer open this document.' }
const GONE: ErrorBody = { code: ERROR_CODES.sessionNotFound, message: 'This session was deleted.' }

/**
 * Access checks a re-check makes before it lets the event loop run. Each reads the store (about 30-50 µs); a round
 * ending at a summit re-checks 2,000 connections, which in one go would hold every document's traffic for 60-90 ms.
 */
const RECHECKS_PER_TURN = 100

/** How long an empty document stays loaded, so a reconnecting phone finds it warm. */
export const EMPTY_DOC_UNLOAD_MS = 30_000

export interface DocHubOptions {
  store: DocStore
  access: DocAccessPolicy
  logger: Logger
  /** What others see for this connection in awareness (never taken from the client). */
  userFor: (peer: DocPeer) => Promise<AwarenessUser>
  /** Per-document behaviour, such as the rules of group notes. */
  roomOptions?: (name: string, ref: DocRef) => DocRoomOptions
  /** How a document's message reaches several connections at once. */
  fanout?: DocFanout
  emptyDocUnloadMs?: number
}

/** Loads documents on demand, routes each connection's messages to them, and unloads them when idle. */
export class DocHub {
  private readonly rooms = new Map<string, DocRoom>()
  private readonly loading = new Map<string, Promise<DocRoom>>()
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>()
  private readonly peerDocs = new Map<string, Set<string>>()
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(private readonly options: DocHubOptions) {}

  /** Documents loaded in memory now. */
  get loadedCount(): number {
    return this.rooms.size
  }

  /** Opens a document for a connection after checking it may; returns whether it may write. */
  async open(peer: DocPeer, name: string): Promise<{ writable: boolean }> {
    const ref = parseDocName(name)
    if (!ref) throw new DomainError(ERROR_CODES.notFound, 'No such document.')
    const access = await this.options.access(peer.identity, ref)
    if (access === 'none') throw new DomainError(ERROR_CODES.forbidden, 'You may not open this document.')
    const open = this.peerDocs.get(peer.id) ?? new Set<string>()
    if (!open.has(name) && open.size >= LIMITS.docsOpenPerSocketMax) {
      throw new DomainError(ERROR_CODES.rateLimited, 'Too many documents open on this connection.')
    }
    const [room, user] = await Promise.all([this.room(name), this.options.userFor(peer)])
    if (!peer.isConnected()) throw new DomainError(ERROR_CODES.unauthorized, 'The connection closed.')
    if (room.has(peer)) room.leave(peer)
    open.add(name)
    this.peerDocs.set(peer.id, open)
    this.cancelUnload(name)
    room.join(peer, access === 'write', user)
    return { writable: access === 'write' }
  }

  /** Routes one message; a bad one closes this document for this connection only. */
  async message(peer: DocPeer, name: string, message: Uint8Array): Promise<void> {
    const room = this.rooms.get(name)
    if (!room?.has(peer)) return
    if (message.byteLength > LIMITS.docMessageMaxBytes) {
      this.refuse(peer, name, DOC_CLOSE_CODES.invalidMessage, {
        code: ERROR_CODES.payloadTooLarge,
        message: 'That change is too large to save.',
      })
      return
    }
    if (!this.takeToken(peer)) {
      this.refuse(peer, name, DOC_CLOSE_CODES.invalidMessage, {
        code: ERROR_CODES.rateLimited,
        message: 'Too many changes at once. Reconnecting.',
      })
      return
    }
    try {
      await room.receive(peer, message)
    } catch (error) {
      const body = toErrorBody(error)
      if (body.code === ERROR_CODES.internal)
        this.options.logger.error({ err: error, doc: name }, 'doc message failed')
      // A full or locked document refuses the change but stays open: closing would only make the provider resend it.
      if (body.code === ERROR_CODES.docFull || body.code === ERROR_CODES.readOnly) peer.rejected(name, body)
      else this.refuse(peer, name, DOC_CLOSE_CODES.invalidMessage, body)
    }
  }

  /** The client closed a document. */
  close(peer: DocPeer, name: string): void {
    const room = this.rooms.get(name)
    room?.leave(peer)
    this.peerDocs.get(peer.id)?.delete(name)
    if (room && room.size === 0) this.scheduleUnload(name)
  }

  /** A connection went away: leave every document it had open. */
  disconnect(peer: DocPeer): void {
    for (const name of this.peerDocs.get(peer.id) ?? []) this.close(peer, name)
    this.peerDocs.delete(peer.id)
    this.buckets.delete(peer.id)
  }

  /**
   * Re-checks open connections to a session's documents, after a round locked or unlocked notes: every one, or only
   * those of the people in `only` (someone moved to another table changes nobody else's access).
   */
  async reauthorize(sessionId: string, only?: readonly string[]): Promise<void> {
    const prefix = `s/${sessionId}/`
    const people = only && new Set(only)
    let checked = 0
    for (const [name, room] of this.rooms) {
      const ref = name.startsWith(prefix) ? parseDocName(name) : null
      if (!ref) continue
      for (const peer of room.peers()) {
        if (people && !people.has(peer.identity.id)) continue
        if (++checked % RECHECKS_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve))
        const access = await this.options.access(peer.identity, ref)
        // The loop let others run: this connection may have left, or the document unloaded.
        if (this.rooms.get(name) !== room || !room.has(peer)) continue
        if (access === 'none') this.refuse(peer, name, DOC_CLOSE_CODES.forbidden, FORBIDDEN)
        else if (room.setWritable(peer, access === 'write') && access !== 'write') peer.rejected(name, LOCKED)
      }
    }
  }

  /** A token bucket per connection: a steady rate with bursts, so one client cannot flood a room. */
  private takeToken(peer: DocPeer): boolean {
    const now = Date.now()
    const bucket = this.buckets.get(peer.id) ?? { tokens: LIMITS.docMessageBurst, at: now }
    bucket.tokens = Math.min(
      LIMITS.docMessageBurst,
      bucket.tokens + ((now - bucket.at) / 1000) * LIMITS.docMessagesPerSecond,
    )
    bucket.at = now
    this.buckets.set(peer.id, bucket)
    if (bucket.tokens < 1) return false
    bucket.tokens--
    return true
  }

  /** Closes a document for a connection, telling the client why. */
  refuse(peer: DocPeer, name: string, code: number, reason: ErrorBody): void {
    this.close(peer, name)
    peer.closed(name, code, reason)
  }

  /**
   * Drops every loaded document of a session without saving it, closing it for whoever still has it open: the
   * session is being purged, and an unload would otherwise write a snapshot of it back.
   */
  async discardSession(sessionId: string): Promise<void> {
    const prefix = `s/${sessionId}/`
    const pending = [...this.loading.entries()].filter(([name]) => name.startsWith(prefix))
    await Promise.allSettled(pending.map(([, load]) => load))
    for (const [name, room] of [...this.rooms]) {
      if (!name.startsWith(prefix)) continue
      for (const peer of room.peers()) this.refuse(peer, name, DOC_CLOSE_CODES.notFound, GONE)
      this.cancelUnload(name)
      this.rooms.delete(name)
      room.destroy()
    }
  }

  /** Compacts and unloads every document, for shutdown. */
  async closeAll(): Promise<void> {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer)
    this.unloadTimers.clear()
    await Promise.allSettled([...this.loading.values()])
    await Promise.all([...this.rooms.keys()].map((name) => this.unload(name, true)))
  }

  /** A document's live copy, loading it when needed (for server-side readers such as previews and exports). */
  async room(name: string): Promise<DocRoom> {
    const loaded = this.rooms.get(name)
    if (loaded) return loaded
    const pending = this.loading.get(name)
    if (pending) return pending
    const ref = parseDocName(name)
    const room = new DocRoom(name, this.options.store, {
      fanout: this.options.fanout,
      ...(ref ? this.options.roomOptions?.(name, ref) : {}),
    })
    const load = room.load().then(
      () => {
        this.rooms.set(name, room)
        this.loading.delete(name)
        if (room.size === 0) this.scheduleUnload(name)
        return room
      },
      (error: unknown) => {
        this.loading.delete(name)
        room.destroy()
        throw error
      },
    )
    this.loading.set(name, load)
    return load
  }

  private scheduleUnload(name: string): void {
    this.cancelUnload(name)
    const timer = setTimeout(() => {
      this.unloadTimers.delete(name)
      this.unload(name).catch((err: unknown) =>
        this.options.logger.error({ err, doc: name }, 'unload failed'),
      )
    }, this.options.emptyDocUnloadMs ?? EMPTY_DOC_UNLOAD_MS)
    timer.unref()
    this.unloadTimers.set(name, timer)
  }

  private cancelUnload(name: string): void {
    const timer = this.unloadTimers.get(name)
    if (timer) clearTimeout(timer)
    this.unloadTimers.delete(name)
  }

  private async unload(name: string, evenWithMembers = false): Promise<void> {
    const room = this.rooms.get(name)
    if (!room || (room.size > 0 && !evenWithMembers)) return
    this.rooms.delete(name)
    try {
      await room.serverWritesStored()
      await room.compact()
    } finally {
      room.destroy()
    }
  }
}

/** The awareness identity of a connection, derived from the server's view of it. */
export function awarenessUser(peer: DocPeer, label: string | null, sector: string | null): AwarenessUser {
  return { name: label, sector, role: peer.identity.role, color: colorFor(peer.identity.id) }
}

function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) return { code: error.code, message: error.message }
  return { code: ERROR_CODES.internal, message: 'Something went wrong saving this change.' }
}
