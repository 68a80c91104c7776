import * as Y from 'yjs'

interface Change {
  update: Uint8Array
  /** The connection it came from, which need not get it back. */
  from: unknown
}

/**
 * The changes to one document stored and applied in the same turn of the event loop, sent on as one Yjs update.
 *
 * SQLite's group commit stores every change that arrived in a turn at once, and each is applied as its commit
 * resolves; this queues what each would send and sends it all once they have run. When the server keeps up, a turn
 * holds one change per document and nothing changes. When it falls behind, a turn holds hundreds (at 2,000 writers
 * on two cores, 18-62% of the changes of each 2 s went out merged with another), and each member of a group gets
 * one message for them all instead of one per change: fewer socket writes, the server's largest cost, just when it
 * has no time to spare. Two writers' changes go to both of them too (as y-websocket's own server sends everyone
 * every change): Yjs skips what a document already has.
 */
export class ChangeOutbox {
  private pending: Change[] = []
  private sent: Promise<void> = Promise.resolve()

  constructor(private readonly send: (update: Uint8Array, except: unknown) => void) {}

  /**
   * Queues an applied change. Resolves once it was sent, with the others queued in this turn; rejects if sending
   * failed, for each of their writers alike.
   */
  add(update: Uint8Array, from: unknown): Promise<void> {
    if (this.pending.length === 0) {
      // A microtask: the commit resolved every change of the turn at once, so theirs are queued ahead of this one.
      this.sent = Promise.resolve().then(() => this.flush())
      this.sent.catch(() => {})
    }
    this.pending.push({ update, from })
    return this.sent
  }

  /** Drops what was not sent yet (the document is closing). */
  discard(): void {
    this.pending = []
  }

  private flush(): void {
    const changes = this.pending
    this.pending = []
    const [first] = changes
    if (!first) return
    if (changes.length === 1) this.send(first.update, first.from)
    else {
      const oneWriter = changes.every((change) => change.from === first.from)
      this.send(Y.mergeUpdates(changes.map((change) => change.update)), oneWriter ? first.from : undefined)
    }
  }
}
