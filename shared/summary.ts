import * as Y from 'yjs'
import type { PointKind } from './notes.ts'

/**
 * The session summary document, edited by facilitators together:
 * - `themes`: theme id → Y.Map { title: Y.Text, synthesis: Y.Text, position (fractional index), createdAt }
 * - `placements`: point ref → theme id (a point not in the map is unsorted)
 * - `merges`: point ref → the point ref it duplicates (merged points keep every provenance)
 * - `actions`: action id → Y.Map { text: Y.Text, owner, due (YYYY-MM-DD or ''), themeId (or ''), position }
 * A point ref names a key point across the session: `<group document name>#<point id>`.
 */
export const themesMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('themes')
export const placementsMap = (doc: Y.Doc): Y.Map<string> => doc.getMap('placements')
export const mergesMap = (doc: Y.Doc): Y.Map<string> => doc.getMap('merges')
export const actionsMap = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap('actions')

/** The ref of a key point in a group's notes. */
export const pointRef = (groupDocName: string, pointId: string): string => `${groupDocName}#${pointId}`

/** Where a key point came from, as the anonymity setting allows. */
export interface Provenance {
  roundId: string
  roundTitle: string
  groupId: string
  groupName: string
  /** Shown only when at least three people in the session hold the sector; otherwise null. */
  sector: string | null
  /** The author's name, only in a "named" session. */
  name: string | null
}

/** A key point on the gather board. */
export interface GatherPoint {
  ref: string
  kind: PointKind
  text: string
  provenance: Provenance
}

/** One theme as published. */
export interface PublishedTheme {
  id: string
  title: string
  synthesis: string
  points: { text: string; kind: PointKind; provenance: Provenance[] }[]
  votes: number
}

/** One action item as published. */
export interface PublishedAction {
  text: string
  owner: string
  due: string
  themeTitle: string | null
}

/** "What we heard": the snapshot participants, the projector and the public link see. Drafts never leave. */
export interface PublishedSummary {
  sessionTitle: string
  publishedAt: number
  themes: PublishedTheme[]
  actions: PublishedAction[]
  /** Dots cast in the vote, if one ran. */
  votesCast: number
}

/** Reads a Y.Text or a plain string field. */
export function textOf(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key)
  return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : ''
}
