import { averageLinkage, cutToK } from './cluster.ts'
import { isStopWord } from './stopWords.ts'
import { words } from './tokenize.ts'
import type { ThemePoint, ThemeSeed } from './types.ts'
import { centroid, dotDense, similarityMatrix, tfidf } from './vectors.ts'

/** Plain TF-IDF over lower-cased words (function words dropped), no stemming, no meaning. */
function plainSpace(points: readonly ThemePoint[]) {
  return tfidf(points.map((p) => words(p.text).flatMap((w) => (isStopWord(w) ? [] : [[[w, 1] as const]]))))
}

/** Baseline themes: plain TF-IDF, average linkage cut to k clusters. Returns a cluster label per point, in order. */
export function baselineClusters(points: readonly ThemePoint[], k: number): number[] {
  if (points.length === 0) return []
  const space = plainSpace(points)
  const sim = similarityMatrix(space.vectors, space.names.length)
  return [...cutToK(averageLinkage(sim, points.length), points.length, k)]
}

/** Baseline sort-the-rest: each unplaced point goes to the theme whose seed centroid is nearest (TF-IDF cosine). */
export function baselineSort(
  points: readonly ThemePoint[],
  seeds: readonly ThemeSeed[],
): Map<string, string> {
  const space = plainSpace(points)
  const index = new Map(points.map((p, i) => [p.id, i]))
  const centres = seeds.map((s) =>
    centroid(
      s.pointIds.flatMap((id) => {
        const i = index.get(id)
        return i === undefined ? [] : [space.vectors[i]!]
      }),
      space.names.length,
    ),
  )
  const placed = new Set(seeds.flatMap((s) => s.pointIds))
  const out = new Map<string, string>()
  points.forEach((p, i) => {
    if (placed.has(p.id)) return
    let best = 0
    let bestSim = Number.NEGATIVE_INFINITY
    centres.forEach((c, t) => {
      const s = dotDense(space.vectors[i]!, c)
      if (s > bestSim) {
        bestSim = s
        best = t
      }
    })
    const seed = seeds[best]
    if (seed) out.set(p.id, seed.themeId)
  })
  return out
}
