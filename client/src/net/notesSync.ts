import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { encodeSyncMessage } from '../../../shared/docMessages.ts'
import { ERROR_CODES, type ErrorBody } from '../../../shared/errors.ts'
import { authorsMap, discussionFragment, pointsMap } from '../../../shared/notes.ts'
import type { DocHandle } from './docRegistry.ts'
import type { DocTunnel } from './docTunnel.ts'
import { forgetOffline, keepOffline, loadOffline } from './offlineStore.ts'
import { DISCUSSION_TARGET, readServerSync, SaveTracker, targetsOf } from './savedStatus.ts'

/** How long after the last keystroke the unsaved state is written to this phone's storage. */
export const OFFLINE_SAVE_DEBOUNCE_MS = 400
/** How long to wait for the server's delete set before asking again. */
const VERIFY_TIMEOUT_MS = 5_000
/** A point this phone added that the server removes within this long after refusing a change was refused. */
const REFUSAL_WINDOW_MS = 15_000

/** Origin of key-point deletions, the only changes the undo manager tracks. */
export const DELETE_ORIGIN = Symbol('notes-delete')
/** Origin of other key-point edits made on this phone. */
export const LOCAL_ORIGIN = Symbol('notes-local')
const OFFLINE_ORIGIN = Symbol('notes-offline-copy')

/** A piece of text the server did not take, shown with "not saved" and ready to copy. */
export interface NotSaved {
  /** A key point's id, or "discussion". */
  target: string
  text: string
}

/** Everything the notes show about saving, as one immutable snapshot. */
export interface NotesSyncState {
  /** Connected through the tunnel and synced with the server's copy. */
  online: boolean
  /** Synced at least once since this page loaded. */
  loaded: boolean
  /** What the server said on open; null before the first open. */
  serverWritable: boolean | null
  /** Every change made here is confirmed stored by the server. */
  saved: boolean
  /** Unsaved changes are kept in this phone's storage (false when storage refused). */
  keptLocally: boolean
  /** The server's last refusal of a change (notes full, too large), if any. */
  refusal: ErrorBody | null
  /** The server closed the notes for good for this connection (no access). */
  closed: ErrorBody | null
  /** Unsaved text by target, with the last text this phone had. */
  unsaved: { target: string; text: string | undefined }[]
  /** Key points the server removed after refusing them. */
  refused: NotSaved[]
}

/**
 * The saving side of one group's notes document: tracks what this phone wrote against what the server says it
 * stored, keeps unsaved state in local storage across reloads, and notices refusals. One per Y.Doc, outside
 * React, so StrictMode and several components share it.
 */
export class NotesSync {
  readonly tracker = new SaveTracker()
  readonly undo: Y.UndoManager
  private state: NotesSyncState
  private readonly listeners = new Set<() => void>()
  private readonly cleanups: (() => void)[] = []
  private persistTimer: ReturnType<typeof setTimeout> | undefined
  private verifying: ReturnType<typeof setTimeout> | undefined
  private verifyAgain = false
  private refusedAt = 0
  /** Points this phone created that the server has not stamped yet, with their text. */
  private readonly createdHere = new Map<string, string>()

  constructor(
    readonly name: string,
    private readonly handle: DocHandle,
    tunnel: DocTunnel,
  ) {
    const { doc, provider } = handle
    this.state = {
      online: provider.wsconnected && provider.synced,
      loaded: provider.synced,
      serverWritable: null,
      saved: true,
      keptLocally: true,
      refusal: null,
      closed: null,
      unsaved: [],
      refused: [],
    }
    this.undo = new Y.UndoManager(pointsMap(doc), {
      trackedOrigins: new Set([DELETE_ORIGIN]),
      captureTimeout: 0,
    })

    // What this phone kept before a reload goes in first; the provider then sends the server what it lacks.
    const kept = loadOffline(name)
    if (kept) {
      this.tracker.restore(kept.pending)
      Y.applyUpdate(doc, kept.update, OFFLINE_ORIGIN)
    }

    const onTransaction = (transaction: Y.Transaction) => this.afterTransaction(transaction)
    doc.on('afterTransaction', onTransaction)
    this.cleanups.push(() => doc.off('afterTransaction', onTransaction))

    const onStatus = () => this.update({ online: provider.wsconnected && provider.synced })
    const onSync = (synced: boolean) => {
      this.update({ online: provider.wsconnected && synced, loaded: this.state.loaded || synced })
    }
    provider.on('status', onStatus)
    provider.on('sync', onSync)
    this.cleanups.push(() => {
      provider.off('status', onStatus)
      provider.off('sync', onSync)
    })

    this.cleanups.push(
      tunnel.watch(name, {
        opened: (writable) => this.update({ serverWritable: writable }),
        message: (bytes) => this.serverMessage(bytes),
        stored: (stateVector) => {
          this.tracker.noteServerState(Y.decodeStateVector(stateVector))
          if (this.tracker.waitsOnDeletes) this.verify()
          this.changed()
        },
        rejected: (reason) => this.refuse(reason),
        closed: (code, reason) => {
          if (reason.code === ERROR_CODES.docFull || reason.code === ERROR_CODES.payloadTooLarge) {
            this.refuse(reason)
          } else if (code >= 4400 && code < 4500) this.update({ closed: reason })
        },
      }),
    )

    const flush = () => {
      if (this.persistTimer === undefined) return
      clearTimeout(this.persistTimer)
      this.persist()
    }
    const onHidden = () => document.visibilityState === 'hidden' && flush()
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', onHidden)
    this.cleanups.push(() => {
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', onHidden)
      flush()
    })
    this.changed()
  }

  /** The latest snapshot (stable between changes, for useSyncExternalStore). */
  getState = (): NotesSyncState => this.state

  /** Calls `listener` on every change of the state; returns the unsubscribe. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Forgets a refusal once its text was dealt with. */
  dismissRefused(): void {
    this.update({ refused: [], refusal: null })
  }

  destroy(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup()
    clearTimeout(this.verifying)
    this.undo.destroy()
    this.listeners.clear()
  }

  private afterTransaction(transaction: Y.Transaction): void {
    const { doc } = this.handle
    const points = pointsMap(doc)
    if (!transaction.local) {
      this.noticeRemovedByServer(transaction)
      return
    }
    const client = doc.clientID
    const clock = transaction.afterState.get(client) ?? 0
    const wrote = clock > (transaction.beforeState.get(client) ?? 0) || transaction.deleteSet.clients.size > 0
    if (!wrote) return
    const authors = authorsMap(doc)
    for (const target of targetsOf(transaction, points as Y.Map<unknown>)) {
      const text = target === DISCUSSION_TARGET ? undefined : points.get(target)?.get('text')?.toString()
      this.tracker.record(target, client, clock, transaction.deleteSet, text)
      if (text !== undefined && !authors.has(target)) this.createdHere.set(target, text)
    }
    this.changed()
  }

  /** A point created here and removed by the server (not yet stamped) right after a refusal was refused. */
  private noticeRemovedByServer(transaction: Y.Transaction): void {
    if (this.createdHere.size === 0) return
    const { doc } = this.handle
    const points = pointsMap(doc) as Y.Map<unknown>
    const authors = authorsMap(doc)
    const keys = [...transaction.changed].find(([type]) => (type as unknown) === points)?.[1]
    const refused: NotSaved[] = []
    for (const [id, text] of this.createdHere) {
      if (authors.has(id)) this.createdHere.delete(id)
      else if (keys?.has(id) && !points.has(id)) {
        this.createdHere.delete(id)
        if (Date.now() - this.refusedAt < REFUSAL_WINDOW_MS) refused.push({ target: id, text })
      }
    }
    if (refused.length > 0) this.update({ refused: [...this.state.refused, ...refused] })
  }

  private refuse(reason: ErrorBody): void {
    this.refusedAt = Date.now()
    this.update({ refusal: reason })
  }

  private serverMessage(bytes: Uint8Array): void {
    const sync = readServerSync(bytes)
    if (!sync) return
    if ('stateVector' in sync) this.tracker.noteServerState(sync.stateVector)
    else {
      this.tracker.noteServerDeletes(sync.deletes)
      clearTimeout(this.verifying)
      this.verifying = undefined
      if (this.verifyAgain && this.tracker.waitsOnDeletes) {
        this.verifyAgain = false
        this.verify()
      }
    }
    this.changed()
  }

  /**
   * Asks the server for its delete set: a state vector does not show deletions, so after the server stored a
   * deletion made here, a sync step 1 makes it answer with all it holds (a step 2 with the full delete set).
   */
  private verify(): void {
    const { provider, doc } = this.handle
    const ws = provider.ws
    if (!provider.wsconnected || !ws) return
    if (this.verifying !== undefined) {
      this.verifyAgain = true
      return
    }
    ws.send(encodeSyncMessage((encoder) => syncProtocol.writeSyncStep1(encoder, doc)))
    this.verifying = setTimeout(() => {
      this.verifying = undefined
    }, VERIFY_TIMEOUT_MS)
  }

  /** Recomputes what depends on the tracker, and keeps or forgets the offline copy. */
  private changed(): void {
    const saved = this.tracker.saved
    if (saved) {
      clearTimeout(this.persistTimer)
      this.persistTimer = undefined
      forgetOffline(this.name)
    } else if (this.persistTimer === undefined) {
      this.persistTimer = setTimeout(() => this.persist(), OFFLINE_SAVE_DEBOUNCE_MS)
    }
    const unsaved = this.tracker.unsaved()
    // Keep the same array while nothing changed in it, so a keystroke does not re-render every reader.
    const same = JSON.stringify(unsaved) === JSON.stringify(this.state.unsaved)
    this.update({ saved, unsaved: same ? this.state.unsaved : unsaved })
  }

  private persist(): void {
    this.persistTimer = undefined
    if (this.tracker.saved) return
    const kept = keepOffline(this.name, Y.encodeStateAsUpdate(this.handle.doc), this.tracker.toJSON())
    this.update({ keptLocally: kept })
  }

  private update(change: Partial<NotesSyncState>): void {
    const next = { ...this.state, ...change }
    if (
      Object.keys(change).every(
        (key) => next[key as keyof NotesSyncState] === this.state[key as keyof NotesSyncState],
      )
    )
      return
    this.state = next
    for (const listener of [...this.listeners]) listener()
  }
}

const syncs = new WeakMap<Y.Doc, NotesSync>()

/** The one NotesSync of a document, made on first use and dropped when the document is destroyed. */
export function notesSyncFor(tunnel: DocTunnel, name: string, handle: DocHandle): NotesSync {
  const existing = syncs.get(handle.doc)
  if (existing) return existing
  const sync = new NotesSync(name, handle, tunnel)
  syncs.set(handle.doc, sync)
  handle.doc.once('destroy', () => {
    sync.destroy()
    syncs.delete(handle.doc)
  })
  return sync
}

/** The discussion notes as plain text, one line per paragraph or list item, for copying. */
export function discussionText(doc: Y.Doc): string {
  const lines: string[] = []
  const textOf = (node: Y.XmlText) =>
    (node.toDelta() as { insert: unknown }[])
      .map((d) => (typeof d.insert === 'string' ? d.insert : ''))
      .join('')
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    const children = node.toArray() as (Y.XmlElement | Y.XmlText)[]
    if (children.length > 0 && children.every((c) => c instanceof Y.XmlText)) {
      lines.push(children.map((c) => textOf(c as Y.XmlText)).join(''))
    } else for (const child of children) if (child instanceof Y.XmlElement) walk(child)
  }
  walk(discussionFragment(doc))
  return lines.filter((line) => line.trim() !== '').join('\n')
}
