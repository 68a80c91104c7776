import { generateKeyBetween } from 'fractional-indexing'
import * as Y from 'yjs'

/** Replaces a Y.Text's content with the smallest edit, so concurrent typing elsewhere in it survives. */
export function replaceText(text: Y.Text, next: string): void {
  const current = text.toString()
  if (current === next) return
  let start = 0
  while (start < current.length && start < next.length && current[start] === next[start]) start++
  let end = 0
  while (
    end < current.length - start &&
    end < next.length - start &&
    current[current.length - 1 - end] === next[next.length - 1 - end]
  ) {
    end++
  }
  const apply = () => {
    text.delete(start, current.length - start - end)
    text.insert(start, next.slice(start, next.length - end))
  }
  if (text.doc) text.doc.transact(apply)
  else apply()
}

/**
 * Gives an item of an ordered map a fractional position between two neighbours (null: the start or the end), so
 * concurrent moves never duplicate or lose it. `ordered` is the list in its current order.
 */
export function moveBetween(
  item: Y.Map<unknown>,
  ordered: readonly { id: string; position: string }[],
  before: string | null,
  after: string | null,
): void {
  const pos = (id: string | null) => (id ? (ordered.find((o) => o.id === id)?.position ?? null) : null)
  const lo = pos(before)
  const hi = pos(after)
  item.set(
    'position',
    lo !== null && hi !== null && lo >= hi ? generateKeyBetween(lo, null) : generateKeyBetween(lo, hi),
  )
}

/** A Y.Text's or a plain string field's text. */
export function textOf(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key)
  return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : ''
}
