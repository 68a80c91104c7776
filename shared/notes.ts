import { generateKeyBetween } from 'fractional-indexing'
import * as Y from 'yjs'
import { moveBetween, replaceText } from './crdt.ts'
import { LIMITS } from './limits.ts'

/**
 * A group's notes document:
 * - `points`: key points, a map keyed by point id so concurrent edits and reorders never duplicate or lose one;
 *   each point is a Y.Map { kind, text: Y.Text, position (fractional index), createdAt }.
 * - `authors`: written by the server only, point id → how the author may be shown (label, sector); clients' writes
 *   to it are reverted.
 * - `discussion`: the free-form notes, a Y.XmlFragment edited with ProseMirror (client/src/pages/notes/editor).
 */
export const POINT_KINDS = ['idea', 'concern', 'question', 'action'] as const
export type PointKind = (typeof POINT_KINDS)[number]

/** How the server stamps a point's author: only what the anonymity setting allows. */
export interface AuthorStamp {
  label: string | null
  sector: string | null
}

/** A key point, read out of the document. */
export interface KeyPoint {
  id: string
  kind: PointKind
  text: string
  position: string
  createdAt: number
  author: AuthorStamp | null
}

/** The key points map. */
export const pointsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('points')
/** The server-written authorship map. */
export const authorsMap = (doc: Y.Doc): Y.Map<AuthorStamp> => doc.getMap('authors')
/** The free-form discussion notes. */
export const discussionFragment = (doc: Y.Doc): Y.XmlFragment => doc.getXmlFragment('discussion')

/** The key points in their agreed order (position, then id so every replica sorts alike). */
export function readPoints(doc: Y.Doc): KeyPoint[] {
  const authors = authorsMap(doc)
  const points: KeyPoint[] = []
  for (const [id, item] of pointsMap(doc)) {
    const text = item.get('text')
    const kind = item.get('kind')
    points.push({
      id,
      kind: POINT_KINDS.includes(kind as PointKind) ? (kind as PointKind) : 'idea',
      text: text instanceof Y.Text ? text.toString() : '',
      position: String(item.get('position') ?? ''),
      createdAt: Number(item.get('createdAt') ?? 0),
      author: authors.get(id) ?? null,
    })
  }
  return points.sort((a, b) =>
    a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : 1,
  )
}

/** Adds a point at the end; returns false for empty text or a full list. */
export function addPoint(doc: Y.Doc, id: string, kind: PointKind, text: string, now = Date.now()): boolean {
  const clean = text.trim().slice(0, LIMITS.pointMaxChars)
  const points = pointsMap(doc)
  if (!clean || points.size >= LIMITS.pointsPerGroupMax) return false
  const last = readPoints(doc).at(-1)?.position ?? null
  doc.transact(() => {
    const item = new Y.Map<unknown>()
    item.set('kind', kind)
    item.set('text', new Y.Text(clean))
    item.set('position', generateKeyBetween(last, null))
    item.set('createdAt', now)
    points.set(id, item)
  })
  return true
}

/** Moves a point between two neighbours (null: the start or the end). */
export function movePoint(doc: Y.Doc, id: string, before: string | null, after: string | null): void {
  const item = pointsMap(doc).get(id)
  if (item) moveBetween(item, readPoints(doc), before, after)
}

/** Replaces a point's text with the smallest edit, so concurrent typing elsewhere in it survives. */
export function setPointText(doc: Y.Doc, id: string, next: string): void {
  const text = pointsMap(doc).get(id)?.get('text')
  if (text instanceof Y.Text) replaceText(text, next)
}

/** Deletes a point. */
export function deletePoint(doc: Y.Doc, id: string): void {
  pointsMap(doc).delete(id)
}
