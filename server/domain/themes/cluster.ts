/** One merge of two clusters (named by their lowest member index) at an average similarity. */
export interface Merge {
  a: number
  b: number
  similarity: number
}

/**
 * Average-linkage agglomerative clustering on a dense similarity matrix (row-major n×n, not modified), by the
 * nearest-neighbour chain algorithm: O(n²) time. Ties go to the lower index, so the result is deterministic.
 * Returns the n−1 merges from most to least similar.
 */
export function averageLinkage(similarity: Float32Array, n: number): Merge[] {
  if (n < 2) return []
  const sim = similarity.slice()
  const size = new Int32Array(n).fill(1)
  const active = new Uint8Array(n).fill(1)
  // Active cluster ids, compacted as clusters merge away, so scans shrink as the dendrogram grows.
  let live = Int32Array.from({ length: n }, (_, i) => i)
  let liveCount = n
  const merges: (Merge & { order: number })[] = []
  const chain: number[] = []
  let remaining = n
  let nextStart = 0
  while (remaining > 1) {
    if (chain.length === 0) {
      while (!active[nextStart]) nextStart++
      chain.push(nextStart)
    }
    const top = chain[chain.length - 1]!
    const prev = chain.length > 1 ? chain[chain.length - 2]! : -1
    let best = -1
    let bestSim = Number.NEGATIVE_INFINITY
    const row = top * n
    for (let q = 0; q < liveCount; q++) {
      const j = live[q]!
      if (j === top) continue
      const s = sim[row + j]!
      if (s > bestSim) {
        bestSim = s
        best = j
      }
    }
    if (prev >= 0 && sim[row + prev]! >= bestSim) best = prev
    if (best !== prev) {
      chain.push(best)
      continue
    }
    chain.pop()
    chain.pop()
    const a = Math.min(top, prev)
    const b = Math.max(top, prev)
    merges.push({ a, b, similarity: sim[a * n + b]!, order: merges.length })
    const sa = size[a]!
    const sb = size[b]!
    for (let q = 0; q < liveCount; q++) {
      const k = live[q]!
      if (k === a || k === b) continue
      const s = (sa * sim[a * n + k]! + sb * sim[b * n + k]!) / (sa + sb)
      sim[a * n + k] = s
      sim[k * n + a] = s
    }
    size[a] = sa + sb
    active[b] = 0
    remaining--
    let w = 0
    for (let q = 0; q < liveCount; q++) if (live[q] !== b) live[w++] = live[q]!
    liveCount = w
    if (liveCount < live.length / 2) live = live.slice(0, liveCount)
  }
  merges.sort((x, y) => y.similarity - x.similarity || x.order - y.order)
  return merges.map(({ a, b, similarity: s }) => ({ a, b, similarity: s }))
}

/** Cluster labels 0..k−1 (numbered by first member) after applying the first n−k merges. */
export function cutToK(merges: readonly Merge[], n: number, k: number): Int32Array {
  const parent = Int32Array.from({ length: n }, (_, i) => i)
  const find = (x: number): number => {
    let r = x
    while (parent[r] !== r) r = parent[r]!
    let y = x
    while (parent[y] !== r) {
      const next = parent[y]!
      parent[y] = r
      y = next
    }
    return r
  }
  const steps = Math.max(0, Math.min(merges.length, n - k))
  for (let i = 0; i < steps; i++) {
    const m = merges[i]!
    const ra = find(m.a)
    const rb = find(m.b)
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
  const labels = new Int32Array(n)
  const ids = new Map<number, number>()
  for (let i = 0; i < n; i++) {
    const r = find(i)
    let id = ids.get(r)
    if (id === undefined) {
      id = ids.size
      ids.set(r, id)
    }
    labels[i] = id
  }
  return labels
}

/**
 * Mean silhouette of a labelling under distance 1 − similarity. Members of clusters smaller than `minSize` count as
 * noise: they score 0 and are left out of every cluster's mean. With `sample`, only that many evenly spaced points
 * are scored (each still against all points).
 */
export function silhouette(
  similarity: Float32Array,
  n: number,
  labels: Int32Array,
  minSize = 1,
  sample = n,
): number {
  let k = 0
  for (const l of labels) k = Math.max(k, l + 1)
  const size = new Int32Array(k)
  for (const l of labels) size[l]!++
  const sums = new Float64Array(k)
  let total = 0
  const step = Math.max(1, n / Math.max(1, sample))
  let scored = 0
  for (let at = 0; at < n; at += step) {
    const i = Math.floor(at)
    scored++
    const li = labels[i]!
    if (size[li]! < minSize || size[li]! < 2) continue
    sums.fill(0)
    const row = i * n
    for (let j = 0; j < n; j++) if (j !== i) sums[labels[j]!]! += 1 - similarity[row + j]!
    const a = sums[li]! / (size[li]! - 1)
    let b = Number.POSITIVE_INFINITY
    for (let c = 0; c < k; c++) {
      if (c === li || size[c]! < minSize) continue
      b = Math.min(b, sums[c]! / size[c]!)
    }
    if (b === Number.POSITIVE_INFINITY) continue
    total += (b - a) / Math.max(a, b)
  }
  return scored > 0 ? total / scored : 0
}
