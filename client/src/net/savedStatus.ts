import * as Y from 'yjs'

/** Clock ranges [clock, clock + len) per Yjs client, sorted and merged. */
export type Ranges = Map<number, [number, number][]>

/** What a group of local edits wrote: the highest clock per client id and the items it deleted. */
export interface Written {
  clocks: Map<number, number>
  deletes: Ranges
}

/** The part of a delete set a transaction or an update carries. */
interface DeleteSetLike {
  clients: Map<number, { clock: number; len: number }[]>
}

/** Adds [clock, clock + len) to a client's ranges, keeping them sorted and merged. */
export function addRange(ranges: Ranges, client: number, clock: number, len: number): void {
  if (len <= 0) return
  const list = ranges.get(client) ?? []
  list.push([clock, clock + len])
  list.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const range of list) {
    const last = merged.at(-1)
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([range[0], range[1]])
  }
  ranges.set(client, merged)
}

/** Adds every range of a Yjs delete set. */
export function addDeleteSet(ranges: Ranges, ds: DeleteSetLike): void {
  for (const [client, items] of ds.clients)
    for (const item of items) addRange(ranges, client, item.clock, item.len)
}

/** Whether every range of `inner` lies inside `outer`. */
export function rangesCover(outer: Ranges, inner: Ranges): boolean {
  for (const [client, list] of inner) {
    const cover = outer.get(client) ?? []
    for (const [start, end] of list) {
      if (!cover.some(([s, e]) => s <= start && end <= e)) return false
    }
  }
  return true
}

/** Whether the server's state vector and delete set hold everything in `written`. */
export function covered(written: Written, serverClocks: Map<number, number>, serverDeletes: Ranges): boolean {
  for (const [client, clock] of written.clocks) if ((serverClocks.get(client) ?? 0) < clock) return false
  return rangesCover(serverDeletes, written.deletes)
}

/**
 * What this device wrote that the server has not confirmed it stored, grouped by what it touched (a key point's
 * id, or "discussion"), so a refused change can be shown on the right text. "Saved" means every group is covered
 * by the state the server said it stored: its state vector for insertions, its delete set for deletions.
 */
export class SaveTracker {
  private pending = new Map<string, Written & { text?: string }>()
  /** The highest clock per client the server said it holds. */
  readonly serverClocks = new Map<number, number>()
  /** Deletions the server is known to hold. */
  readonly serverDeletes: Ranges = new Map()

  /** Records one local transaction against what it touched. */
  record(target: string, client: number, clock: number, ds: DeleteSetLike, text?: string): void {
    const entry: Written & { text?: string } = this.pending.get(target) ?? {
      clocks: new Map(),
      deletes: new Map(),
    }
    entry.clocks.set(client, Math.max(entry.clocks.get(client) ?? 0, clock))
    addDeleteSet(entry.deletes, ds)
    if (text !== undefined) entry.text = text
    this.pending.set(target, entry)
  }

  /** The server said its state is at least `stateVector`. */
  noteServerState(stateVector: Map<number, number>): void {
    for (const [client, clock] of stateVector) {
      if (clock > (this.serverClocks.get(client) ?? 0)) this.serverClocks.set(client, clock)
    }
    this.settle()
  }

  /** The server sent its delete set (in reply to a sync step 1, it sends all of it). */
  noteServerDeletes(ds: DeleteSetLike): void {
    addDeleteSet(this.serverDeletes, ds)
    this.settle()
  }

  /** Whether every local change is confirmed stored. */
  get saved(): boolean {
    return this.pending.size === 0
  }

  /** Whether what is left waits only on deletions the server has not yet told us about. */
  get waitsOnDeletes(): boolean {
    for (const entry of this.pending.values()) if (entry.deletes.size > 0) return true
    return false
  }

  /** The targets with unconfirmed changes, and the last text this device gave each. */
  unsaved(): { target: string; text: string | undefined }[] {
    return [...this.pending].map(([target, entry]) => ({ target, text: entry.text }))
  }

  /** Drops everything covered by the server's known state. */
  private settle(): void {
    for (const [target, entry] of this.pending) {
      if (covered(entry, this.serverClocks, this.serverDeletes)) this.pending.delete(target)
    }
  }

  /** The pending changes as JSON, to keep across reloads. */
  toJSON(): PendingJson {
    return [...this.pending].map(([target, entry]) => ({
      target,
      clocks: [...entry.clocks],
      deletes: [...entry.deletes].flatMap(([client, list]) =>
        list.map(([s, e]) => [client, s, e - s] as const),
      ),
      text: entry.text,
    }))
  }

  /** Restores pending changes kept before a reload. */
  restore(json: PendingJson): void {
    for (const item of json) {
      const entry = { clocks: new Map(item.clocks), deletes: new Map() as Ranges, text: item.text }
      for (const [client, clock, len] of item.deletes) addRange(entry.deletes, client, clock, len)
      this.pending.set(item.target, entry)
    }
  }
}

/** Pending changes as kept in storage. */
export type PendingJson = {
  target: string
  clocks: [number, number][]
  deletes: (readonly [number, number, number])[]
  text?: string
}[]

/** The document's target of everything outside key points. */
export const DISCUSSION_TARGET = 'discussion'

/**
 * What a local transaction on a group's notes touched: the ids of the key points whose map entry, fields or text
 * changed, and "discussion" for the rich text.
 */
export function targetsOf(transaction: Y.Transaction, points: Y.Map<unknown>): Set<string> {
  const targets = new Set<string>()
  for (const [type, keys] of transaction.changed) {
    if ((type as unknown) === points) {
      for (const key of keys) if (key) targets.add(key)
      continue
    }
    const id = pointIdOf(type, points)
    targets.add(id ?? DISCUSSION_TARGET)
  }
  return targets
}

// biome-ignore lint/suspicious/noExplicitAny: Yjs types its parents as AbstractType<any>.
type AnyType = Y.AbstractType<any>

/** The id of the key point a nested type belongs to, or null when it is not inside `points`. */
function pointIdOf(type: AnyType, points: Y.Map<unknown>): string | null {
  let current: AnyType | null = type
  while (current?._item) {
    const parent = current._item.parent as AnyType | null
    if ((parent as unknown) === points) return current._item.parentSub
    current = parent
  }
  return null
}

/** Reads a y-websocket sync message from the server: its state vector (step 1) or its delete set (step 2). */
export function readServerSync(
  bytes: Uint8Array,
): { stateVector: Map<number, number> } | { deletes: DeleteSetLike } | null {
  // [messageSync=0][step][varUint8Array payload]; a step 1 carries a state vector, a step 2 a full update.
  if (bytes[0] !== 0 || (bytes[1] !== 0 && bytes[1] !== 1)) return null
  let offset = 2
  let length = 0
  let shift = 0
  for (;;) {
    const byte = bytes[offset++]
    if (byte === undefined) return null
    length += (byte & 0x7f) * 2 ** shift
    shift += 7
    if (byte < 0x80) break
  }
  const payload = bytes.subarray(offset, offset + length)
  try {
    if (bytes[1] === 0) return { stateVector: Y.decodeStateVector(payload) }
    return { deletes: Y.decodeUpdate(payload).ds as unknown as DeleteSetLike }
  } catch {
    return null
  }
}
