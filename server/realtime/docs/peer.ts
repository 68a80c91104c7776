import type { ErrorBody } from '../../../shared/errors.ts'
import type { Identity } from '../../domain/identity.ts'

/** One connection as the document hub sees it: no Socket.IO here, so the hub can be tested and reused. */
export interface DocPeer {
  /** Unique per connection. */
  readonly id: string
  readonly identity: Identity
  /** Whether the connection is still up; a document opened after it dropped would never be left. */
  isConnected(): boolean
  /**
   * Sends a y-websocket protocol message for one document; `stored`, when given, is the state the server has
   * stored (as `stored()` tells it), carried along so that a busy document needs no notice of its own.
   */
  send(doc: string, message: Uint8Array, stored?: Uint8Array): void
  /** Tells the client which state of this document the server has stored (a Yjs state vector). */
  stored(doc: string, stateVector: Uint8Array): void
  /** Tells the client a change of theirs was refused or undone, while the document stays open. */
  rejected(doc: string, reason: ErrorBody): void
  /** Tells the client the server closed this document for it. */
  closed(doc: string, code: number, reason: ErrorBody): void
}

/** Sends one message of a document to several connections; a transport may encode it once for all of them. */
export type DocFanout = (
  peers: readonly DocPeer[],
  doc: string,
  message: Uint8Array,
  stored?: Uint8Array,
) => void

/** The fanout without a transport's help: one send per connection. */
export const sendToEach: DocFanout = (peers, doc, message, stored) => {
  for (const peer of peers) peer.send(doc, message, stored)
}
