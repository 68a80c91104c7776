import { adjustedRandIndex } from './ari.ts'
import { baselineClusters, baselineSort } from './baseline.ts'
import { DEFAULT_MIN_CONFIDENCE, type SortOptions, sortTheRest } from './sortRest.ts'
import { type SuggestOptions, suggestThemes } from './suggest.ts'
import type { ThemePoint, ThemeSeed } from './types.ts'

/** A point with the theme a person gave it. */
export interface LabelledPoint extends ThemePoint {
  theme: string
}

/** A small seeded generator (mulberry32): the same seed gives the same sequence everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let x = a
    x = Math.imul(x ^ (x >>> 15), x | 1)
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61)
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}

/** ARI of a suggestion against human themes; each unsorted point counts as a theme of its own. */
export function suggestionAri(points: readonly LabelledPoint[], options: SuggestOptions = {}): number {
  const suggestion = suggestThemes(points, options)
  const label = new Map<string, string>()
  for (const t of suggestion.themes) for (const id of t.pointIds) label.set(id, t.id)
  for (const id of suggestion.unsorted) label.set(id, `unsorted:${id}`)
  return adjustedRandIndex(
    points.map((p) => p.theme),
    points.map((p) => label.get(p.id) ?? `unsorted:${p.id}`),
  )
}

/** ARI of the baseline (plain TF-IDF, average linkage cut to as many clusters as there are human themes). */
export function baselineAri(points: readonly LabelledPoint[]): number {
  const k = new Set(points.map((p) => p.theme)).size
  return adjustedRandIndex(
    points.map((p) => p.theme),
    baselineClusters(points, k),
  )
}

/** `draws` seed sets, each one point per human theme, chosen by a seeded generator. */
export function seedDraws(points: readonly LabelledPoint[], draws: number, seed = 1): ThemeSeed[][] {
  const byTheme = new Map<string, string[]>()
  for (const p of points) byTheme.set(p.theme, [...(byTheme.get(p.theme) ?? []), p.id])
  const themes = [...byTheme.keys()].sort()
  const random = seededRandom(seed)
  return Array.from({ length: draws }, () =>
    themes.map((theme) => {
      const ids = byTheme.get(theme)!
      return { themeId: theme, pointIds: [ids[Math.floor(random() * ids.length)]!] }
    }),
  )
}

/** How sort-the-rest did over several seed sets. */
export interface SortScore {
  /** Share of unplaced points whose top proposal is the human theme (threshold off). */
  accuracy: number
  /** With the default threshold: share of unplaced points given a theme. */
  coverage: number
  /** With the default threshold: share of those given a theme that got the human one. */
  precision: number
}

/** Score `sortTheRest` over the seed sets. */
export function sortScore(points: readonly LabelledPoint[], draws: ThemeSeed[][], options: SortOptions = {}) {
  const truth = new Map(points.map((p) => [p.id, p.theme]))
  let hits = 0
  let total = 0
  let sorted = 0
  let sortedRight = 0
  const threshold = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE
  for (const seeds of draws) {
    for (const p of sortTheRest(points, seeds, { ...options, minConfidence: 0 })) {
      total++
      const right = p.themeId === truth.get(p.pointId)
      if (right) hits++
      if (p.confidence < threshold) continue
      sorted++
      if (right) sortedRight++
    }
  }
  return {
    accuracy: total ? hits / total : 0,
    coverage: total ? sorted / total : 0,
    precision: sorted ? sortedRight / sorted : 0,
  } satisfies SortScore
}

/** Accuracy of the baseline nearest-centroid sort over the same seed sets. */
export function baselineSortAccuracy(points: readonly LabelledPoint[], draws: ThemeSeed[][]): number {
  const truth = new Map(points.map((p) => [p.id, p.theme]))
  let right = 0
  let total = 0
  for (const seeds of draws) {
    for (const [id, theme] of baselineSort(points, seeds)) {
      total++
      if (theme === truth.get(id)) right++
    }
  }
  return total ? right / total : 0
}
