import { generateKeyBetween } from 'fractional-indexing'
import * as Y from 'yjs'
import { moveBetween, replaceText, textOf } from './crdt.ts'
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

/** The longest theme title and action text, in characters. */
export const SUMMARY_LIMITS = {
  themeTitleMaxChars: 120,
  synthesisMaxChars: 4000,
  actionMaxChars: 500,
} as const

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

/** A round the board can gather from. */
export interface GatherRound {
  id: string
  title: string
}

/** A group the board's points came from. */
export interface GatherGroup {
  id: string
  roundId: string
  name: string
}

/** Everything the gather board shows, read by the server from the chosen rounds' group notes. */
export interface GatherBoard {
  rounds: GatherRound[]
  groups: GatherGroup[]
  points: GatherPoint[]
  /** Sets of refs (two or more, in board order) whose points say the same thing at different tables. */
  duplicates: string[][]
}

/** A theme the server suggests; `refs` are the points it would hold. */
export interface ThemeProposal {
  id: string
  label: string
  words: string[]
  refs: string[]
}

/** A theme as frozen for a vote. */
export interface VoteTheme {
  id: string
  title: string
}

/** Live totals of a vote: dots per theme id, how many people voted and how many dots they placed. */
export interface VoteTally {
  totals: Record<string, number>
  voters: number
  dotsCast: number
}

/** A dot vote as one connection sees it. */
export interface VoteView {
  status: 'none' | 'open' | 'closed'
  dotsPerParticipant: number
  /** When this vote opened (a new vote has a new time, and no dots); null without a vote. */
  openedAt: number | null
  /** The themes frozen when the vote opened, in order. */
  themes: VoteTheme[]
  /** Participants: their own dots per theme id; null for everyone else. */
  mine: Record<string, number> | null
  /** Facilitators, the projector and organizers: the totals; null for participants. */
  tally: VoteTally | null
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
  /** How many people voted (0 when no vote ran). */
  voters: number
}

/** A theme read out of the summary. */
export interface SummaryTheme {
  id: string
  title: string
  synthesis: string
  position: string
}

/** An action item read out of the summary. */
export interface SummaryAction {
  id: string
  text: string
  owner: string
  due: string
  themeId: string
  position: string
}

const byPosition = <T extends { id: string; position: string }>(a: T, b: T) =>
  a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : 1

/** The themes in their agreed order. */
export function readThemes(doc: Y.Doc): SummaryTheme[] {
  const out: SummaryTheme[] = []
  for (const [id, item] of themesMap(doc)) {
    out.push({
      id,
      title: textOf(item, 'title'),
      synthesis: textOf(item, 'synthesis'),
      position: String(item.get('position') ?? ''),
    })
  }
  return out.sort(byPosition)
}

/** Adds a theme at the end, optionally holding some points already; returns false for an empty title. */
export function createTheme(doc: Y.Doc, id: string, title: string, refs: readonly string[] = []): boolean {
  const clean = title.trim().slice(0, SUMMARY_LIMITS.themeTitleMaxChars)
  if (!clean) return false
  const last = readThemes(doc).at(-1)?.position ?? null
  doc.transact(() => {
    const item = new Y.Map<unknown>()
    item.set('title', new Y.Text(clean))
    item.set('synthesis', new Y.Text(''))
    item.set('position', generateKeyBetween(last, null))
    item.set('createdAt', Date.now())
    themesMap(doc).set(id, item)
    for (const ref of refs) placePoint(doc, ref, id)
  })
  return true
}

/** Renames a theme (the smallest edit, so two people typing merge). */
export function renameTheme(doc: Y.Doc, id: string, title: string): void {
  const text = themesMap(doc).get(id)?.get('title')
  if (text instanceof Y.Text) replaceText(text, title.slice(0, SUMMARY_LIMITS.themeTitleMaxChars))
}

/** Rewrites a theme's synthesis. */
export function setSynthesis(doc: Y.Doc, id: string, synthesis: string): void {
  const text = themesMap(doc).get(id)?.get('synthesis')
  if (text instanceof Y.Text) replaceText(text, synthesis.slice(0, SUMMARY_LIMITS.synthesisMaxChars))
}

/** Moves a theme between two neighbours (null: the start or the end). */
export function moveTheme(doc: Y.Doc, id: string, before: string | null, after: string | null): void {
  const item = themesMap(doc).get(id)
  if (item) moveBetween(item, readThemes(doc), before, after)
}

/** Deletes a theme: its points go back to unsorted and its action items lose the link. */
export function deleteTheme(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    themesMap(doc).delete(id)
    const placements = placementsMap(doc)
    for (const [ref, themeId] of [...placements.entries()]) if (themeId === id) placements.delete(ref)
    for (const item of actionsMap(doc).values()) if (item.get('themeId') === id) item.set('themeId', '')
  })
}

/** The ref a point was merged into, following chains; the ref itself when it stands alone. */
export function mergeTarget(doc: Y.Doc, ref: string): string {
  const merges = mergesMap(doc)
  let current = ref
  const seen = new Set<string>([current])
  for (let next = merges.get(current); next !== undefined && !seen.has(next); next = merges.get(current)) {
    current = next
    seen.add(current)
  }
  return current
}

/** Places a point (or the point it was merged into) in a theme; null takes it back to unsorted. */
export function placePoint(doc: Y.Doc, ref: string, themeId: string | null): void {
  const target = mergeTarget(doc, ref)
  if (themeId === null) placementsMap(doc).delete(target)
  else placementsMap(doc).set(target, themeId)
}

/** The theme a point sits in (through its merge), or null when unsorted. */
export function themeOf(doc: Y.Doc, ref: string): string | null {
  const themeId = placementsMap(doc).get(mergeTarget(doc, ref))
  return themeId !== undefined && themesMap(doc).has(themeId) ? themeId : null
}

/** Merges duplicates into the first ref: the others follow it wherever it is placed and keep their provenance. */
export function mergePoints(doc: Y.Doc, refs: readonly string[]): void {
  const [first, ...rest] = refs
  if (first === undefined) return
  doc.transact(() => {
    const into = mergeTarget(doc, first)
    const placements = placementsMap(doc)
    const merges = mergesMap(doc)
    let themeId = placements.get(into)
    for (const ref of rest) {
      const from = mergeTarget(doc, ref)
      if (from === into) continue
      themeId ??= placements.get(from)
      placements.delete(from)
      merges.set(from, into)
    }
    if (themeId !== undefined) placements.set(into, themeId)
  })
}

/** Separates a merged point from the one it duplicated; it keeps the same theme. */
export function unmergePoint(doc: Y.Doc, ref: string): void {
  const merges = mergesMap(doc)
  if (!merges.has(ref)) return
  doc.transact(() => {
    const themeId = themeOf(doc, ref)
    merges.delete(ref)
    if (themeId) placementsMap(doc).set(ref, themeId)
  })
}

/** Every ref merged into `ref` (not including itself). */
export function mergedInto(doc: Y.Doc, ref: string): string[] {
  const out: string[] = []
  for (const from of mergesMap(doc).keys()) if (from !== ref && mergeTarget(doc, from) === ref) out.push(from)
  return out.sort()
}

/** The action items in their agreed order. */
export function readActions(doc: Y.Doc): SummaryAction[] {
  const out: SummaryAction[] = []
  for (const [id, item] of actionsMap(doc)) {
    out.push({
      id,
      text: textOf(item, 'text'),
      owner: String(item.get('owner') ?? ''),
      due: String(item.get('due') ?? ''),
      themeId: String(item.get('themeId') ?? ''),
      position: String(item.get('position') ?? ''),
    })
  }
  return out.sort(byPosition)
}

/** The editable fields of an action item. */
export type ActionFields = Pick<SummaryAction, 'text' | 'owner' | 'due' | 'themeId'>

/** Adds an action item at the end; returns false for empty text. */
export function addAction(doc: Y.Doc, id: string, fields: ActionFields): boolean {
  const clean = fields.text.trim().slice(0, SUMMARY_LIMITS.actionMaxChars)
  if (!clean) return false
  const last = readActions(doc).at(-1)?.position ?? null
  doc.transact(() => {
    const item = new Y.Map<unknown>()
    item.set('text', new Y.Text(clean))
    item.set('owner', fields.owner.trim().slice(0, 120))
    item.set('due', /^\d{4}-\d{2}-\d{2}$/.test(fields.due) ? fields.due : '')
    item.set('themeId', fields.themeId)
    item.set('position', generateKeyBetween(last, null))
    actionsMap(doc).set(id, item)
  })
  return true
}

/** Changes some fields of an action item. */
export function updateAction(doc: Y.Doc, id: string, patch: Partial<ActionFields>): void {
  const item = actionsMap(doc).get(id)
  if (!item) return
  doc.transact(() => {
    const text = item.get('text')
    if (patch.text !== undefined && text instanceof Y.Text)
      replaceText(text, patch.text.slice(0, SUMMARY_LIMITS.actionMaxChars))
    if (patch.owner !== undefined) item.set('owner', patch.owner.slice(0, 120))
    if (patch.due !== undefined) item.set('due', /^\d{4}-\d{2}-\d{2}$/.test(patch.due) ? patch.due : '')
    if (patch.themeId !== undefined) item.set('themeId', patch.themeId)
  })
}

/** Deletes an action item. */
export function deleteAction(doc: Y.Doc, id: string): void {
  actionsMap(doc).delete(id)
}
