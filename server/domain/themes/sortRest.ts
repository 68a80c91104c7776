import type { MeaningOptions } from './features.ts'
import { meaningOptions, represent } from './represent.ts'
import type { SortProposal, ThemePoint, ThemeSeed } from './types.ts'
import { similarityMatrix } from './vectors.ts'

/** Knobs of `sortTheRest`; every one has a general default. */
export interface SortOptions {
  /** How word meaning enters the vectors. */
  meaning?: Partial<MeaningOptions>
  /** Below this confidence a point stays unsorted (themeId null). */
  minConfidence?: number
  /** Neighbours per point in the similarity graph that labels spread over. */
  neighbours?: number
  /** How much a point listens to its neighbours rather than to its own seed label (0..1). */
  alpha?: number
  /** Spreading iterations. */
  iterations?: number
  /** Share of the score from spreading; the rest is direct similarity to each theme's seeds (0..1). */
  blend?: number
}

/** Below this confidence a proposal is withheld (themeId null) unless the caller says otherwise. */
export const DEFAULT_MIN_CONFIDENCE = 0.3
const DEFAULTS = {
  minConfidence: DEFAULT_MIN_CONFIDENCE,
  neighbours: 8,
  alpha: 0.5,
  iterations: 30,
  blend: 0.5,
} as const
/** The similarity to its nearest note at which a point's confidence is halved. */
const CERTAINTY_HALF = 0.05
/** Definitions help here, where a point must meet a single seed note: they widen each note's vocabulary. */
const SORT_MEANING: Partial<MeaningOptions> = { gloss: 0.3 }

/** Symmetric k-nearest-neighbour graph, degree-normalised (D^-1/2 W D^-1/2), as adjacency lists. */
function neighbourGraph(sim: Float32Array, n: number, k: number): { to: Int32Array[]; w: Float64Array[] } {
  const edges = Array.from({ length: n }, () => new Map<number, number>())
  for (let i = 0; i < n; i++) {
    const row = i * n
    const order: number[] = []
    for (let j = 0; j < n; j++) if (j !== i && sim[row + j]! > 0) order.push(j)
    order.sort((a, b) => sim[row + b]! - sim[row + a]! || a - b)
    for (const j of order.slice(0, k)) {
      const s = sim[row + j]!
      edges[i]!.set(j, s)
      edges[j]!.set(i, s)
    }
  }
  const degree = edges.map((e) => {
    let d = 0
    for (const s of e.values()) d += s
    return d
  })
  const to: Int32Array[] = []
  const w: Float64Array[] = []
  edges.forEach((e, i) => {
    const js = [...e.keys()].sort((a, b) => a - b)
    to.push(Int32Array.from(js))
    w.push(Float64Array.from(js, (j) => e.get(j)! / Math.sqrt(degree[i]! * degree[j]! || 1)))
  })
  return { to, w }
}

/**
 * Propose a theme for every point not placed by a seed, with a confidence in 0..1. Seed labels spread over a graph
 * of each note's nearest neighbours (stems and WordNet meanings as TF-IDF vectors), so a point can join a theme
 * through notes like it even when it shares no word with the seed; that is blended with direct similarity to each
 * theme's seeds. Confidence is the winning theme's share, scaled down for a point that is like no other note; below
 * `minConfidence` the point stays unsorted. Proposals come in the points' canonical (id) order.
 */
export function sortTheRest(
  points: readonly ThemePoint[],
  seeds: readonly ThemeSeed[],
  options: SortOptions = {},
): SortProposal[] {
  const rep = represent(points, meaningOptions({ ...SORT_MEANING, ...options.meaning }))
  const n = rep.points.length
  const index = new Map(rep.points.map((p, i) => [p.id, i]))
  const themeIds = seeds.map((s) => s.themeId)
  const t = themeIds.length
  const labelOf = new Int32Array(n).fill(-1)
  seeds.forEach((s, ti) => {
    for (const id of s.pointIds) {
      const i = index.get(id)
      if (i !== undefined) labelOf[i] = ti
    }
  })
  const unplaced = rep.points.map((_, i) => i).filter((i) => labelOf[i] === -1)
  if (t === 0) return unplaced.map((i) => ({ pointId: rep.points[i]!.id, themeId: null, confidence: 0 }))

  const sim = similarityMatrix(rep.space.vectors, rep.space.names.length)
  const graph = neighbourGraph(sim, n, options.neighbours ?? DEFAULTS.neighbours)
  const alpha = options.alpha ?? DEFAULTS.alpha
  const y = new Float64Array(n * t)
  for (let i = 0; i < n; i++) if (labelOf[i]! >= 0) y[i * t + labelOf[i]!] = 1
  let f = Float64Array.from(y)
  for (let it = 0; it < (options.iterations ?? DEFAULTS.iterations); it++) {
    const next = new Float64Array(n * t)
    for (let i = 0; i < n; i++) {
      const to = graph.to[i]!
      const w = graph.w[i]!
      for (let e = 0; e < to.length; e++) {
        const j = to[e]!
        const we = w[e]!
        for (let c = 0; c < t; c++) next[i * t + c]! += alpha * we * f[j * t + c]!
      }
      for (let c = 0; c < t; c++) next[i * t + c]! += (1 - alpha) * y[i * t + c]!
    }
    f = next
  }

  // Direct evidence: mean similarity to each theme's seed points.
  const seedMembers: number[][] = Array.from({ length: t }, () => [])
  for (let i = 0; i < n; i++) if (labelOf[i]! >= 0) seedMembers[labelOf[i]!]!.push(i)
  const minConfidence = options.minConfidence ?? DEFAULTS.minConfidence
  const blend = options.blend ?? DEFAULTS.blend
  return unplaced.map((i) => {
    const scores = new Float64Array(t)
    let spreadTotal = 0
    for (let c = 0; c < t; c++) spreadTotal += f[i * t + c]!
    let directTotal = 0
    const direct = new Float64Array(t)
    for (let c = 0; c < t; c++) {
      const members = seedMembers[c]!
      let s = 0
      for (const m of members) s += sim[i * n + m]!
      direct[c] = members.length > 0 ? Math.max(0, s / members.length) : 0
      directTotal += direct[c]!
    }
    for (let c = 0; c < t; c++) {
      const spread = spreadTotal > 0 ? f[i * t + c]! / spreadTotal : 0
      const near = directTotal > 0 ? direct[c]! / directTotal : 0
      scores[c] = spreadTotal > 0 && directTotal > 0 ? blend * spread + (1 - blend) * near : spread + near
    }
    let best = -1
    let bestScore = 0
    for (let c = 0; c < t; c++) {
      if (scores[c]! > bestScore + 1e-12) {
        bestScore = scores[c]!
        best = c
      }
    }
    // A point like no other note is unsure whatever the shares say: scale by how close its nearest note is.
    let nearest = 0
    for (let j = 0; j < n; j++) if (j !== i) nearest = Math.max(nearest, sim[i * n + j]!)
    const certainty = nearest / (nearest + CERTAINTY_HALF)
    const confidence = Math.round(Math.min(1, bestScore * certainty) * 1000) / 1000
    const themeId = best >= 0 && confidence >= minConfidence ? themeIds[best]! : null
    return { pointId: rep.points[i]!.id, themeId, confidence }
  })
}
