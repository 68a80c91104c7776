import type { FeatureList } from './features.ts'
import type { SparseVector } from './types.ts'

/** Weighted feature maps turned into L2-normalised TF-IDF vectors over one shared vocabulary. */
export interface VectorSpace {
  vectors: SparseVector[]
  /** Feature names by id. */
  names: string[]
  /** Inverse document frequency by feature id. */
  idf: Float64Array
}

/**
 * Build TF-IDF vectors from notes given as lists of named weighted features (summed per note): tf is the summed
 * weight, idf = ln((1+N)/(1+df)) + 1, then unit length. A list object met again (cached per word) is interned once.
 */
export function tfidf(docs: readonly (readonly FeatureList[])[]): VectorSpace {
  const ids = new Map<string, number>()
  const names: string[] = []
  const resolved = new Map<FeatureList, { id: Int32Array; w: Float64Array }>()
  const resolve = (list: FeatureList) => {
    let r = resolved.get(list)
    if (!r) {
      r = {
        id: Int32Array.from(list, ([name]) => {
          let id = ids.get(name)
          if (id === undefined) {
            id = names.length
            ids.set(name, id)
            names.push(name)
          }
          return id
        }),
        w: Float64Array.from(list, ([, w]) => w),
      }
      resolved.set(list, r)
    }
    return r
  }
  const resolvedDocs = docs.map((lists) => lists.map(resolve))
  const dim = names.length
  const scratch = new Float64Array(dim)
  const seen = new Uint8Array(dim)
  const df = new Float64Array(dim)
  const raw = resolvedDocs.map((lists) => {
    const touched: number[] = []
    for (const { id, w } of lists) {
      for (let i = 0; i < id.length; i++) {
        const f = id[i]!
        if (!seen[f]) {
          seen[f] = 1
          touched.push(f)
        }
        scratch[f]! += w[i]!
      }
    }
    touched.sort((a, b) => a - b)
    const idx = new Int32Array(touched.length)
    const val = new Float64Array(touched.length)
    for (let i = 0; i < touched.length; i++) {
      const f = touched[i]!
      idx[i] = f
      val[i] = scratch[f]!
      scratch[f] = 0
      seen[f] = 0
      df[f]!++
    }
    return { idx, val }
  })
  const n = docs.length
  const idf = df.map((d) => Math.log((1 + n) / (1 + d)) + 1)
  const vectors = raw.map((v) => {
    let sum = 0
    for (let i = 0; i < v.idx.length; i++) {
      const x = v.val[i]! * idf[v.idx[i]!]!
      v.val[i] = x
      sum += x * x
    }
    const norm = sum > 0 ? Math.sqrt(sum) : 1
    for (let i = 0; i < v.val.length; i++) v.val[i]! /= norm
    return v
  })
  return { vectors, names, idf }
}

/** Dot product of a sparse vector with a dense one. */
export function dotDense(a: SparseVector, dense: Float64Array): number {
  let sum = 0
  for (let i = 0; i < a.idx.length; i++) sum += a.val[i]! * (dense[a.idx[i]!] ?? 0)
  return sum
}

/** The unit-length mean of some vectors, dense over `dim` features. */
export function centroid(vectors: readonly SparseVector[], dim: number): Float64Array {
  const out = new Float64Array(dim)
  for (const v of vectors) for (let i = 0; i < v.idx.length; i++) out[v.idx[i]!]! += v.val[i]!
  let sum = 0
  for (const x of out) sum += x * x
  if (sum > 0) {
    const norm = Math.sqrt(sum)
    for (let i = 0; i < dim; i++) out[i]! /= norm
  }
  return out
}

/** All pairwise cosines of unit vectors as a dense n×n matrix (diagonal 1), through an inverted index. */
export function similarityMatrix(vectors: readonly SparseVector[], dim: number): Float32Array {
  const n = vectors.length
  const sim = new Float32Array(n * n)
  // Postings in compressed rows: for each feature, the documents using it (ascending) and their weights.
  const count = new Int32Array(dim + 1)
  for (const v of vectors) for (const f of v.idx) count[f + 1]!++
  for (let f = 0; f < dim; f++) count[f + 1]! += count[f]!
  const fill = count.slice(0, dim)
  const postDoc = new Int32Array(count[dim]!)
  const postVal = new Float64Array(count[dim]!)
  vectors.forEach((v, d) => {
    for (let i = 0; i < v.idx.length; i++) {
      const at = fill[v.idx[i]!]!++
      postDoc[at] = d
      postVal[at] = v.val[i]!
    }
  })
  const acc = new Float64Array(n)
  for (let d = 0; d < n; d++) {
    const v = vectors[d]!
    acc.fill(0)
    for (let i = 0; i < v.idx.length; i++) {
      const f = v.idx[i]!
      const w = v.val[i]!
      // Only the upper triangle: postings are in document order.
      const first = count[f]!
      for (let p = count[f + 1]! - 1; p >= first; p--) {
        const e = postDoc[p]!
        if (e <= d) break
        acc[e]! += w * postVal[p]!
      }
    }
    sim[d * n + d] = 1
    for (let e = d + 1; e < n; e++) sim[d * n + e] = acc[e]!
  }
  // Mirror the upper triangle in tiles, which keeps the strided writes in cache.
  const TILE = 64
  for (let r0 = 0; r0 < n; r0 += TILE) {
    for (let c0 = r0; c0 < n; c0 += TILE) {
      const rEnd = Math.min(n, r0 + TILE)
      const cEnd = Math.min(n, c0 + TILE)
      for (let r = r0; r < rEnd; r++) {
        for (let c = Math.max(c0, r + 1); c < cEnd; c++) sim[c * n + r] = sim[r * n + c]!
      }
    }
  }
  return sim
}
