import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import {
  type AwarenessChange,
  DOC_MESSAGE,
  encodeAwarenessMessage,
  encodeSyncMessage,
} from '../../../shared/docMessages.ts'
import { ERROR_CODES } from '../../../shared/errors.ts'
import { LIMITS } from '../../../shared/limits.ts'
import { DomainError } from '../../domain/errors.ts'
import type { DocStore } from '../../store/types.ts'
import { changedAnything, holdsBack, sentOn } from './appliedChange.ts'
import { type AwarenessUser, rewriteAwarenessUpdate } from './awarenessGuard.ts'
import { ChangeOutbox } from './changeOutbox.ts'
import { type DocFanout, type DocPeer, sendToEach } from './peer.ts'

/** Compact the update log into a snapshot after this many updates. */
export const COMPACT_EVERY_UPDATES = 500

interface Member {
  peer: DocPeer
  writable: boolean
  user: AwarenessUser
  clientIds: Set<number>
  /** The Yjs clients whose changes this connection sent: its stored state need name no others. */
  wrote: Set<number>
  storedTimer: NodeJS.Timeout | null
}

/** The origin of changes the server itself makes (author stamps, moderation): stored, then sent to everyone. */
export const SERVER_ORIGIN = Symbol('server')

/**
 * How long the server waits to tell a writer what it stored, so a burst of keystrokes costs one answer. At 100 ms
 * a hall of people typing got almost one notice per change, a third of all the messages the server sent; at
 * 500 ms "Saved" still shows within half a second of the last keystroke. A writer who receives someone else's
 * change meanwhile gets no notice at all: that change carried the stored state.
 */
export const STORED_NOTICE_MS = 500

/** Per-kind rules that run after a connection's change was stored and applied. */
export interface DocRules {
  /** Runs once the stored state is loaded, before anyone connects. */
  afterLoad?(room: DocRoom): void
  /** May fix the document with `room.serverWrite`; returns an error to tell the writer, or null. */
  afterPeerUpdate(room: DocRoom, peer: DocPeer, transaction: Y.Transaction): DomainError | null
}

/** Optional behaviour of a room. */
export interface DocRoomOptions {
  rules?: DocRules
  /** Called after every change, whoever made it. */
  onChange?: (room: DocRoom) => void
  /** How a message reaches several members at once. */
  fanout?: DocFanout
}

const EMPTY_UPDATE_BYTES = 2

/** One loaded document: its Yjs copy, awareness, members, and its path to disk. */
export class DocRoom {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  private readonly members = new Map<string, Member>()
  private approxBytes = 0
  private lastSeq = 0
  private updatesSinceSnapshot = 0
  private compacting: Promise<void> = Promise.resolve()
  /**
   * The transaction of the peer's change being applied: the first to end once `receiveSync` clears it. Yjs may run
   * another right after (its own clean-up of formatting after a remote change to formatted text).
   */
  private appliedTransaction: Y.Transaction | null = null
  private serverWrites: Promise<void> = Promise.resolve()
  /** Peers' changes applied in this turn, sent on together once the turn's commit has resolved them all. */
  private readonly outbox = new ChangeOutbox((update, except) => this.broadcast(update, except))

  constructor(
    readonly name: string,
    private readonly store: DocStore,
    private readonly options: DocRoomOptions = {},
  ) {
    this.awareness.setLocalState(null)
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      this.appliedTransaction ??= transaction
    })
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed]
      // Not back to the connection it came from (the origin): its author has that state already.
      this.sendToMembers(encodeAwarenessMessage(this.awareness, changed), origin)
    })
  }

  /** Loads the snapshot and the updates after it. */
  async load(): Promise<void> {
    const stored = await this.store.load(this.name)
    Y.transact(
      this.doc,
      () => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot)
        for (const u of stored.updates) Y.applyUpdate(this.doc, u)
      },
      'store',
    )
    this.approxBytes = (stored.snapshot?.length ?? 0) + stored.updates.reduce((n, u) => n + u.length, 0)
    this.lastSeq = stored.lastSeq
    this.updatesSinceSnapshot = stored.updates.length
    this.options.rules?.afterLoad?.(this)
  }

  get size(): number {
    return this.members.size
  }

  has(peer: DocPeer): boolean {
    return this.members.has(peer.id)
  }

  /** The awareness identity of a member, as the server set it. */
  userOf(peer: DocPeer): AwarenessUser | null {
    return this.members.get(peer.id)?.user ?? null
  }

  /** Adds a connection and starts the sync: our state vector, then everyone's awareness. */
  join(peer: DocPeer, writable: boolean, user: AwarenessUser): void {
    this.members.set(peer.id, {
      peer,
      writable,
      user,
      clientIds: new Set(),
      wrote: new Set(),
      storedTimer: null,
    })
    peer.send(
      this.name,
      encodeSyncMessage((e) => syncProtocol.writeSyncStep1(e, this.doc)),
    )
    if (this.awareness.getStates().size > 0) {
      peer.send(this.name, encodeAwarenessMessage(this.awareness, [...this.awareness.getStates().keys()]))
    }
  }

  /** The connections in this document. */
  peers(): DocPeer[] {
    return [...this.members.values()].map((m) => m.peer)
  }

  /** Changes what a connection may do, when a round locks or unlocks its notes. */
  /** Returns whether the connection could write before. */
  setWritable(peer: DocPeer, writable: boolean): boolean {
    const member = this.members.get(peer.id)
    const before = member?.writable ?? false
    if (member) member.writable = writable
    return before
  }

  /**
   * Makes a change as the server: it is stored, then sent to every member. Call it outside any other transaction of
   * this document (as every caller does): inside one, Yjs would emit the change only when the outer one ends.
   */
  serverWrite(change: () => void): void {
    // Yjs encodes a transaction's update only while someone listens, so the room listens for its own changes only.
    let update: Uint8Array | null = null
    const capture = (u: Uint8Array, origin: unknown) => {
      if (origin === SERVER_ORIGIN) update = u
    }
    this.doc.on('update', capture)
    try {
      this.doc.transact(change, SERVER_ORIGIN)
    } finally {
      this.doc.off('update', capture)
    }
    const written = update as Uint8Array | null
    if (!written) return
    // The server's own changes follow the same rule as everyone's: on disk before anyone sees them.
    this.serverWrites = this.serverWrites
      .then(() => this.store.append(this.name, [written]))
      .then((seq) => {
        this.lastSeq = Math.max(this.lastSeq, seq)
        this.updatesSinceSnapshot++
        this.broadcast(written, SERVER_ORIGIN)
      })
      // A failed write is not broadcast; the next compaction stores the whole state, this change included.
      .catch(() => {})
  }

  /** Resolves once every change the server made so far is on disk. */
  serverWritesStored(): Promise<void> {
    return this.serverWrites
  }

  /** Removes a connection and its awareness states. */
  leave(peer: DocPeer): void {
    const member = this.members.get(peer.id)
    if (!member) return
    if (member.storedTimer) clearTimeout(member.storedTimer)
    this.members.delete(peer.id)
    if (member.clientIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...member.clientIds], null)
    }
  }

  /**
   * Handles one y-websocket message. Updates are stored before they are applied and broadcast; a malformed
   * message throws a DomainError and the caller closes the document for that connection only.
   */
  async receive(peer: DocPeer, message: Uint8Array): Promise<void> {
    const member = this.members.get(peer.id)
    if (!member) return
    const decoder = decoding.createDecoder(message)
    const type = readOrInvalid(() => decoding.readVarUint(decoder))
    switch (type) {
      case DOC_MESSAGE.sync:
        return this.receiveSync(member, decoder)
      case DOC_MESSAGE.awareness:
        return this.receiveAwareness(
          member,
          readOrInvalid(() => decoding.readVarUint8Array(decoder)),
        )
      case DOC_MESSAGE.queryAwareness:
        peer.send(this.name, encodeAwarenessMessage(this.awareness, [...this.awareness.getStates().keys()]))
        return
      case DOC_MESSAGE.auth:
        return
      default:
        throw invalid('Unknown message type.')
    }
  }

  /** Writes the whole state as one snapshot and drops the updates it covers. */
  compact(): Promise<void> {
    this.compacting = this.compacting.then(async () => {
      if (this.updatesSinceSnapshot === 0) return
      const snapshot = Y.encodeStateAsUpdate(this.doc)
      const upTo = this.lastSeq
      this.updatesSinceSnapshot = 0
      this.approxBytes = snapshot.length
      await this.store.compact(this.name, snapshot, upTo)
    })
    return this.compacting
  }

  /** Whether the room was unloaded; a late timer must not read it. */
  destroyed = false

  destroy(): void {
    this.destroyed = true
    this.outbox.discard()
    for (const member of this.members.values()) if (member.storedTimer) clearTimeout(member.storedTimer)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private async receiveSync(member: Member, decoder: decoding.Decoder): Promise<void> {
    const syncType = readOrInvalid(() => decoding.readVarUint(decoder))
    const payload = readOrInvalid(() => decoding.readVarUint8Array(decoder))
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const reply = encodeSyncMessage((e) => syncProtocol.writeSyncStep2(e, this.doc, payload))
      member.peer.send(this.name, reply)
      return
    }
    if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
      throw invalid('Unknown sync message type.')
    }
    if (payload.length <= EMPTY_UPDATE_BYTES && payload.every((b) => b === 0)) return
    const decoded = readOrInvalid(() => Y.decodeUpdate(payload))
    if (!member.writable) {
      // Read-only members still answer the server's sync step 1 with their delete set: ignore that quietly, but
      // tell a writer whose notes were locked that new text was not saved.
      if (decoded.structs.length === 0) return
      throw new DomainError(ERROR_CODES.readOnly, 'These notes are locked now; this change was not saved.')
    }
    if (this.approxBytes + payload.length > LIMITS.docMaxBytes) {
      throw new DomainError(
        ERROR_CODES.docFull,
        'These notes are full. Start a new item or ask the facilitator.',
      )
    }
    this.approxBytes += payload.length
    for (const struct of decoded.structs) member.wrote.add(struct.id.client)
    this.lastSeq = Math.max(this.lastSeq, await this.store.append(this.name, [payload]))
    const held = holdsBack(this.doc)
    this.appliedTransaction = null
    Y.applyUpdate(this.doc, payload, member.peer)
    const transaction = this.appliedTransaction as Y.Transaction | null
    const sent =
      transaction && changedAnything(transaction)
        ? this.outbox.add(sentOn(this.doc, payload, transaction, held), member.peer)
        : null
    this.noticeStored(member)
    if (++this.updatesSinceSnapshot >= COMPACT_EVERY_UPDATES) void this.compact().catch(() => {})
    const refusal = transaction && this.options.rules?.afterPeerUpdate(this, member.peer, transaction)
    await sent
    if (refusal) throw refusal
  }

  /** Sends an applied (and stored) change to every member but `except`, and tells the room's owner. */
  private broadcast(update: Uint8Array, except: unknown): void {
    const message = encodeSyncMessage((e) => syncProtocol.writeUpdate(e, update))
    // Everything applied so far is on disk (peers' changes are stored before they are applied, the server's
    // before they are sent), so each client's state now is the stored state a recipient may rely on.
    this.sendToMembers(message, except, true)
    this.options.onChange?.(this)
  }

  /**
   * Sends a message to every member but `except`, encoded once for all by the fanout. With `withStored`, a member
   * still waiting to hear that its own changes are stored gets, with the message, the stored state of the clients
   * it wrote with, and so no notice later; the others have nothing unconfirmed and get the message alone.
   */
  private sendToMembers(message: Uint8Array, except?: unknown, withStored = false): void {
    const plain: DocPeer[] = []
    const fanout = this.options.fanout ?? sendToEach
    for (const m of this.members.values()) {
      if (m.peer === except) continue
      if (withStored && m.storedTimer) {
        clearTimeout(m.storedTimer)
        m.storedTimer = null
        fanout([m.peer], this.name, message, this.storedStateOf(m))
      } else plain.push(m.peer)
    }
    if (plain.length > 0) fanout(plain, this.name, message)
  }

  /**
   * What the server has stored of a member's own clients, as a Yjs state vector: everything applied is on disk
   * (peers' changes are stored before they are applied). The whole document's state vector would do as well; this
   * one costs a few bytes, where that one is built from every client that ever wrote, for every change sent on.
   */
  private storedStateOf(member: Member): Uint8Array {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, member.wrote.size)
    for (const client of member.wrote) {
      encoding.writeVarUint(encoder, client)
      encoding.writeVarUint(encoder, Y.getState(this.doc.store, client))
    }
    return encoding.toUint8Array(encoder)
  }

  /** Tells a writer, shortly after, the state the server has stored: its "Saved" is true only against this. */
  private noticeStored(member: Member): void {
    if (member.storedTimer) return
    member.storedTimer = setTimeout(() => {
      member.storedTimer = null
      if (this.members.get(member.peer.id) === member)
        member.peer.stored(this.name, this.storedStateOf(member))
    }, STORED_NOTICE_MS)
  }

  private receiveAwareness(member: Member, update: Uint8Array): void {
    const rewritten = readOrInvalid(() =>
      rewriteAwarenessUpdate(update, member.user, (id) => this.ownedByOther(member, id)),
    )
    if (!rewritten) return
    for (const id of rewritten.clientIds) member.clientIds.add(id)
    awarenessProtocol.applyAwarenessUpdate(this.awareness, rewritten.update, member.peer)
  }

  private ownedByOther(member: Member, clientId: number): boolean {
    for (const m of this.members.values()) if (m !== member && m.clientIds.has(clientId)) return true
    return false
  }
}

function invalid(message: string): DomainError {
  return new DomainError(ERROR_CODES.docInvalidMessage, message)
}

function readOrInvalid<T>(read: () => T): T {
  try {
    return read()
  } catch {
    throw invalid('This document message could not be read.')
  }
}
