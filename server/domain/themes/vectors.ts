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
  const scratch: number[] = []
  const raw = docs.map((lists) => {
    const touched: number[] = []
    for (const list of lists) {
      const { id, w } = resolve(list)
      for (let i = 0; i < id.length; i++) {
        const f = id[i]!
        const prev = scratch[f]
        if (prev === undefined || prev === 0) {
          if (w[i]! > 0) touched.push(f)
          scratch[f] = w[i]!
        } else scratch[f] = prev + w[i]!
      }
    }
    touched.sort((a, b) => a - b)
    const idx = Int32Array.from(touched)
    const val = Float64Array.from(touched, (f) => scratch[f] ?? 0)
    for (const f of touched) scratch[f] = 0
    return { idx, val }
  })
  const df = new Float64Array(names.length)
  for (const v of raw) for (const f of v.idx) df[f]!++
  const n = docs.length
  const idf = df.map((d) => Math.log((1 + n) / (1 + d)) + 1)
  const vectors = raw.map((v) => normalise({ idx: v.idx, val: v.val.map((x, i) => x * idf[v.idx[i]!]!) }))
  return { vectors, names, idf }
}

/** The vector scaled to unit length (unchanged if zero). */
export function normalise(v: SparseVector): SparseVector {
  let sum = 0
  for (const x of v.val) sum += x * x
  if (sum === 0) return v
  const norm = Math.sqrt(sum)
  return { idx: v.idx, val: v.val.map((x) => x / norm) }
}

/** Dot product of two sparse vectors (the cosine when both are unit length). */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0
  let j = 0
  let sum = 0
  while (i < a.idx.length && j < b.idx.length) {
    const x = a.idx[i]!
    const y = b.idx[j]!
    if (x === y) sum += a.val[i++]! * b.val[j++]!
    else if (x < y) i++
    else j++
  }
  return sum
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
    for (let e = d + 1; e < n; e++) {
      const s = acc[e]!
      sim[d * n + e] = s
      sim[e * n + d] = s
    }
  }
  return sim
}
