import type * as Y from 'yjs'
import type { PointKind } from '../../../../shared/notes.ts'
import {
  type GatherBoard,
  type GatherPoint,
  mergesMap,
  mergeTarget,
  readActions,
  readThemes,
  type SummaryAction,
  type SummaryTheme,
  themeOf,
} from '../../../../shared/summary.ts'

/** A point as the board shows it: the point, the duplicates merged into it, and where it sits. */
export interface BoardItem {
  ref: string
  point: GatherPoint
  also: GatherPoint[]
  themeId: string | null
  /** How many different tables said it. */
  tables: number
}

/** What the board shows, derived from the gathered points and the shared summary. */
export interface BoardModel {
  themes: SummaryTheme[]
  actions: SummaryAction[]
  unsorted: BoardItem[]
  byTheme: Map<string, BoardItem[]>
  /** Unsorted duplicates not merged yet: sets of two or more refs, first in board order. */
  duplicateOf: Map<string, string[]>
}

/** Filters the facilitator sets on the board. */
export interface BoardFilter {
  groupId: string
  kind: PointKind | ''
  sector: string
  search: string
}

export const NO_FILTER: BoardFilter = { groupId: '', kind: '', sector: '', search: '' }

const matches = (p: GatherPoint, f: BoardFilter, search: string) =>
  (!f.groupId || p.provenance.groupId === f.groupId) &&
  (!f.kind || p.kind === f.kind) &&
  (!f.sector || p.provenance.sector === f.sector) &&
  (!search || p.text.toLocaleLowerCase().includes(search))

/** Builds the board: merged duplicates ride with the point they were merged into. */
export function buildModel(board: GatherBoard, doc: Y.Doc, filter: BoardFilter): BoardModel {
  const themes = readThemes(doc)
  const merges = mergesMap(doc)
  const byRef = new Map(board.points.map((p) => [p.ref, p]))
  const also = new Map<string, GatherPoint[]>()
  for (const point of board.points) {
    if (!merges.has(point.ref)) continue
    const into = mergeTarget(doc, point.ref)
    if (!byRef.has(into)) continue
    also.set(into, [...(also.get(into) ?? []), point])
  }
  const search = filter.search.trim().toLocaleLowerCase()
  const unsorted: BoardItem[] = []
  const byTheme = new Map<string, BoardItem[]>(themes.map((t) => [t.id, []]))
  for (const point of board.points) {
    if (merges.has(point.ref) && byRef.has(mergeTarget(doc, point.ref))) continue
    const followers = also.get(point.ref) ?? []
    const group = [point, ...followers]
    if (!group.some((p) => matches(p, filter, search))) continue
    const themeId = themeOf(doc, point.ref)
    const item: BoardItem = {
      ref: point.ref,
      point,
      also: followers,
      themeId,
      tables: new Set(group.map((p) => p.provenance.groupId)).size,
    }
    if (themeId) byTheme.get(themeId)?.push(item)
    else unsorted.push(item)
  }
  const standing = new Set(unsorted.map((i) => i.ref))
  const duplicateOf = new Map<string, string[]>()
  for (const set of board.duplicates) {
    const open = set.filter((ref) => standing.has(ref) && !merges.has(ref))
    if (open.length > 1) for (const ref of open) duplicateOf.set(ref, open)
  }
  return { themes, actions: readActions(doc), unsorted, byTheme, duplicateOf }
}

/** Distinct sectors shown on the board, for the filter. */
export const sectorsOf = (board: GatherBoard): string[] =>
  [...new Set(board.points.map((p) => p.provenance.sector).filter((s): s is string => s !== null))].sort()
