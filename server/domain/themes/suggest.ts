import { averageLinkage, cutToK, silhouette } from './cluster.ts'
import type { MeaningOptions } from './features.ts'
import { featureTotals, tellingWords } from './label.ts'
import { meaningOptions, type Represented, represent } from './represent.ts'
import type { SuggestedTheme, ThemePoint, ThemeSuggestion } from './types.ts'
import { similarityMatrix } from './vectors.ts'

/** Knobs of `suggestThemes`; every one has a general default. */
export interface SuggestOptions {
  /** How word meaning enters the vectors (WordNet, weight, senses, depth). */
  meaning?: Partial<MeaningOptions>
  /** A fixed number of clusters to cut to; otherwise chosen by silhouette. */
  k?: number
  /** Clusters smaller than this are not themes: their points stay unsorted. */
  minThemeSize?: number
  /** Rounds of moving each point to its nearest theme centre after clustering. */
  refineRounds?: number
  /** A point less similar than this to every theme centre stays unsorted. */
  minSimilarity?: number
  /** How many telling words each theme keeps. */
  words?: number
}

/** Silhouettes are averaged over at most this many points (evenly spaced), to keep the choice of k O(n). */
const SILHOUETTE_SAMPLE = 250
const DEFAULTS = { minThemeSize: 2, refineRounds: 3, minSimilarity: 0.05, words: 5 } as const

/** Candidate cluster counts for automatic choice: every one up to 16, then steps of a quarter, up to about n/3. */
export function candidateKs(n: number): number[] {
  const max = Math.max(2, Math.floor(n / 3))
  const out: number[] = []
  for (let k = 2; k <= max; k = k < 16 ? k + 1 : Math.ceil(k * 1.25)) out.push(k)
  return out.filter((k) => k < n)
}

/** Choose how many clusters to cut to: the candidate with the best silhouette, noise clusters excluded. */
export function chooseK(
  sim: Float32Array,
  n: number,
  merges: ReturnType<typeof averageLinkage>,
  minSize: number,
) {
  let bestK = 1
  let best = Number.NEGATIVE_INFINITY
  for (const k of candidateKs(n)) {
    const s = silhouette(sim, n, cutToK(merges, n, k), minSize, SILHOUETTE_SAMPLE)
    if (s > best + 1e-12) {
      best = s
      bestK = k
    }
  }
  return bestK
}

/**
 * Cluster labels for represented points: average linkage cut to k (given or chosen), small clusters marked −1,
 * then a few rounds of moving points to their nearest cluster centre.
 */
export function clusterRepresented(rep: Represented, options: SuggestOptions = {}): Int32Array {
  const n = rep.points.length
  const minSize = options.minThemeSize ?? DEFAULTS.minThemeSize
  const labels = new Int32Array(n).fill(-1)
  if (n < minSize || n < 2) return labels
  const sim = similarityMatrix(rep.space.vectors, rep.space.names.length)
  const merges = averageLinkage(sim, n)
  const k = options.k ?? chooseK(sim, n, merges, minSize)
  const cut = cutToK(merges, n, Math.max(1, Math.min(n, k)))
  const sizes = new Map<number, number>()
  for (const l of cut) sizes.set(l, (sizes.get(l) ?? 0) + 1)
  const keep = new Map<number, number>()
  for (let i = 0; i < n; i++) {
    const l = cut[i]!
    if ((sizes.get(l) ?? 0) < minSize) continue
    let id = keep.get(l)
    if (id === undefined) {
      id = keep.size
      keep.set(l, id)
    }
    labels[i] = id
  }
  return refine(rep, sim, labels, keep.size, options)
}

function refine(
  rep: Represented,
  sim: Float32Array,
  start: Int32Array,
  k: number,
  options: SuggestOptions,
): Int32Array {
  const rounds = options.refineRounds ?? DEFAULTS.refineRounds
  const minSimilarity = options.minSimilarity ?? DEFAULTS.minSimilarity
  const minSize = options.minThemeSize ?? DEFAULTS.minThemeSize
  const n = rep.points.length
  let labels = start
  const rowSums = new Float64Array(k)
  const norms = new Float64Array(k)
  for (let round = 0; round < rounds && k > 0; round++) {
    // The cosine of a point with a cluster's centroid is Σ sim(i, j∈c) / ‖Σ v_j‖, and ‖Σ v_j‖² = Σ sim(j, l∈c):
    // both come from the similarity matrix, no vectors needed.
    norms.fill(0)
    const members: number[][] = Array.from({ length: k }, () => [])
    labels.forEach((l, i) => {
      if (l >= 0) members[l]!.push(i)
    })
    members.forEach((m, c) => {
      let sum = 0
      for (const a of m) for (const b of m) sum += sim[a * n + b]!
      norms[c] = Math.sqrt(Math.max(sum, 0))
    })
    const next = new Int32Array(n)
    for (let i = 0; i < n; i++) {
      rowSums.fill(0)
      const row = i * n
      for (let j = 0; j < n; j++) {
        const l = labels[j]!
        if (l >= 0) rowSums[l]! += sim[row + j]!
      }
      let best = -1
      let bestSim = minSimilarity
      for (let c = 0; c < k; c++) {
        const s = norms[c]! > 0 ? rowSums[c]! / norms[c]! : 0
        if (s > bestSim) {
          bestSim = s
          best = c
        }
      }
      next[i] = best
    }
    // Clusters that fell below the minimum size dissolve into unsorted.
    const sizes = new Int32Array(k)
    for (const l of next) if (l >= 0) sizes[l]!++
    for (let i = 0; i < n; i++) if (next[i]! >= 0 && sizes[next[i]!]! < minSize) next[i] = -1
    const same = next.every((l, i) => l === labels[i])
    labels = next
    if (same) break
  }
  return labels
}

/** Turn cluster labels into themes ordered by size (then first point), each with its telling words. */
export function themesFrom(rep: Represented, labels: Int32Array, wordCount: number): ThemeSuggestion {
  const groups = new Map<number, number[]>()
  const unsorted: string[] = []
  labels.forEach((l, i) => {
    if (l < 0) unsorted.push(rep.points[i]!.id)
    else groups.set(l, [...(groups.get(l) ?? []), i])
  })
  const overall = featureTotals(rep)
  const ordered = [...groups.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!)
  const themes: SuggestedTheme[] = ordered.map((members, t) => {
    const words = tellingWords(rep, members, wordCount, overall)
    return {
      id: `theme-${t + 1}`,
      label: words.slice(0, 3).join(', ') || `Theme ${t + 1}`,
      words,
      pointIds: members.map((m) => rep.points[m]!.id),
    }
  })
  return { themes, unsorted }
}

/**
 * Suggest themes for short notes, offline and deterministically: stems and WordNet meanings as TF-IDF vectors,
 * average-linkage clustering cut where the silhouette is best, refined by nearest centre, labelled by telling words.
 * Points that fit no theme are returned as unsorted.
 */
export function suggestThemes(points: readonly ThemePoint[], options: SuggestOptions = {}): ThemeSuggestion {
  if (points.length === 0) return { themes: [], unsorted: [] }
  const rep = represent(points, meaningOptions(options.meaning))
  const labels = clusterRepresented(rep, options)
  return themesFrom(rep, labels, options.words ?? DEFAULTS.words)
}
