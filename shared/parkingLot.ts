import type * as Y from 'yjs'
import { LIMITS } from './limits.ts'

/** One question or idea parked "for later". */
export interface ParkingItem {
  id: string
  text: string
  /** Milliseconds since the epoch, by the writer's clock. */
  at: number
}

/** The parking lot's items, in the order they were added. */
export const parkingItems = (doc: Y.Doc): Y.Array<ParkingItem> => doc.getArray<ParkingItem>('items')

/** Adds an item; text is trimmed and cut to the limit. Returns false for empty text. */
export function addParkingItem(doc: Y.Doc, text: string, id: string, at = Date.now()): boolean {
  const clean = text.trim().slice(0, LIMITS.parkingItemMaxChars)
  if (!clean) return false
  parkingItems(doc).push([{ id, text: clean, at }])
  return true
}
