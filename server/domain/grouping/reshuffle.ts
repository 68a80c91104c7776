import { pairKey } from './pairs.ts'
import { groupCount, mulberry32, type Rng, seededShuffle } from './random.ts'
import { sectorBalancedGroups } from './sectors.ts'
import type { GroupingInput } from './types.ts'

/** Random starting points tried besides the greedy and sector-balanced ones. */
const RESHUFFLE_RANDOM_STARTS = 4
/** Passes of swap-improvement per starting point; each pass is O(n²), and most runs settle within a few. */
const RESHUFFLE_MAX_PASSES = 30

/** The room as indices: people 0..n-1, who sat with whom before, and how many per group. */
interface Problem {
  ids: string[]
  /** partners[p]: indices of people p already sat with. */
  partners: number[][]
  /** met[p * n + q] is 1 when p and q already sat together. */
  met: Uint8Array
  k: number
}

/** The two ids of a pairKey, or null for anything pairKey did not make. */
function parsePairKey(key: string): [string, string] | null {
  try {
    const value: unknown = JSON.parse(key)
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      return [value[0], value[1]]
    }
  } catch {
    // Not a pairKey: ignore it, it cannot name two people here.
  }
  return null
}

function buildProblem(input: GroupingInput): Problem {
  const ids = input.people.map((p) => p.id)
  const n = ids.length
  const history = input.history ?? new Set<string>()
  const partners: number[][] = ids.map(() => [])
  const met = new Uint8Array(n * n)
  const link = (p: number, q: number) => {
    if (p === q || met[p * n + q] === 1) return
    partners[p]?.push(q)
    partners[q]?.push(p)
    met[p * n + q] = 1
    met[q * n + p] = 1
  }
  if (history.size < (n * (n - 1)) / 2) {
    // Usually far fewer past pairs than possible pairs: read each key (pairKey is JSON) rather than test all pairs.
    const index = new Map(ids.map((id, i) => [id, i]))
    for (const key of history) {
      const pair = parsePairKey(key)
      const p = pair && index.get(pair[0])
      const q = pair && index.get(pair[1])
      if (p !== undefined && p !== null && q !== undefined && q !== null) link(p, q)
    }
  } else {
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) if (history.has(pairKey(ids[p] as string, ids[q] as string))) link(p, q)
    }
  }
  return { ids, partners, met, k: groupCount(n, input.groupSize) }
}

/** Even capacities for k groups: the first n mod k hold one more. */
function capacities(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, g) => Math.floor(n / k) + (g < n % k ? 1 : 0))
}

/** Greedy assignment: each person in turn (seeded order) to the open group with the fewest previous partners. */
function greedyAssign(problem: Problem, rng: Rng): number[] {
  const n = problem.ids.length
  const caps = capacities(n, problem.k)
  const sizes = new Array<number>(problem.k).fill(0)
  const assign = new Array<number>(n).fill(-1)
  for (const p of seededShuffle(
    Array.from({ length: n }, (_, i) => i),
    rng,
  )) {
    let best = -1
    let bestConflicts = 0
    for (let g = 0; g < problem.k; g++) {
      const size = sizes[g] as number
      if (size >= (caps[g] as number)) continue
      let conflicts = 0
      for (const q of problem.partners[p] as number[]) if (assign[q] === g) conflicts++
      if (
        best < 0 ||
        conflicts < bestConflicts ||
        (conflicts === bestConflicts && size < (sizes[best] as number))
      ) {
        best = g
        bestConflicts = conflicts
      }
    }
    assign[p] = best
    sizes[best] = (sizes[best] as number) + 1
  }
  return assign
}

function toGroups(problem: Problem, assign: readonly number[]): string[][] {
  const groups: string[][] = Array.from({ length: problem.k }, () => [])
  assign.forEach((g, p) => {
    groups[g]?.push(problem.ids[p] as string)
  })
  return groups
}

function countRepeats(problem: Problem, assign: readonly number[]): number {
  let repeats = 0
  problem.partners.forEach((qs, p) => {
    for (const q of qs) if (q > p && assign[q] === assign[p]) repeats++
  })
  return repeats
}

/**
 * Swap- and move-improvement: repeatedly moves a person with a repeat partner to another group (when sizes stay
 * within one) or swaps them with someone there, whenever that lowers the total of repeat pairings. Never worsens
 * the start, so the result is at most the start's repeats. Mutates and returns assign.
 */
function improve(problem: Problem, assign: number[], rng: Rng): number[] {
  const n = problem.ids.length
  const { k, partners, met } = problem
  // count[p * k + g]: how many of p's previous partners sit in group g.
  const count = new Int32Array(n * k)
  const bump = (i: number, by: number) => {
    count[i] = (count[i] as number) + by
  }
  const members: number[][] = Array.from({ length: k }, () => [])
  assign.forEach((g, p) => {
    members[g]?.push(p)
    for (const q of partners[p] as number[]) bump(q * k + g, 1)
  })
  const relocate = (p: number, from: number, to: number) => {
    assign[p] = to
    const list = members[from] as number[]
    list.splice(list.indexOf(p), 1)
    members[to]?.push(p)
    for (const q of partners[p] as number[]) {
      bump(q * k + from, -1)
      bump(q * k + to, 1)
    }
  }
  const order = seededShuffle(
    Array.from({ length: n }, (_, i) => i),
    rng,
  )
  for (let pass = 0; pass < RESHUFFLE_MAX_PASSES; pass++) {
    let improved = false
    for (const a of order) {
      const A = assign[a] as number
      const here = count[a * k + A] as number
      if (here === 0) continue
      let bestDelta = 0
      let bestGroup = -1
      let bestSwap = -1
      for (let B = 0; B < k; B++) {
        if (B === A) continue
        const there = count[a * k + B] as number
        const sizeA = (members[A] as number[]).length
        const sizeB = (members[B] as number[]).length
        if (sizeA > sizeB && there - here < bestDelta) {
          bestDelta = there - here
          bestGroup = B
          bestSwap = -1
        }
        for (const b of members[B] as number[]) {
          const m = met[a * n + b] as number
          const delta = there - m + (count[b * k + A] as number) - m - here - (count[b * k + B] as number)
          if (delta < bestDelta) {
            bestDelta = delta
            bestGroup = B
            bestSwap = b
          }
        }
      }
      if (bestGroup < 0) continue
      improved = true
      relocate(a, A, bestGroup)
      if (bestSwap >= 0) relocate(bestSwap, bestGroup, A)
    }
    if (!improved) break
  }
  return assign
}

/**
 * The simple greedy baseline reshuffle is measured against: each person in turn (seeded order) into the open group
 * with the fewest previous partners, ties by the smallest group; groups capped so sizes differ by at most one.
 */
export function greedyReshuffleBaseline(input: GroupingInput): string[][] {
  const problem = buildProblem(input)
  return toGroups(problem, greedyAssign(problem, mulberry32(input.seed)))
}

/**
 * Groups that seat as few previous pairs together as it can find, sizes within one: local search from the greedy
 * baseline (so never worse than it), from a sector-balanced deal and from a few random deals; the best wins.
 */
export function reshuffleGroups(input: GroupingInput): string[][] {
  const problem = buildProblem(input)
  const rng = mulberry32(input.seed)
  const n = problem.ids.length
  const fromGroups = (groups: string[][]): number[] => {
    const index = new Map(problem.ids.map((id, i) => [id, i]))
    const assign = new Array<number>(n).fill(0)
    groups.forEach((group, g) => {
      for (const id of group) assign[index.get(id) as number] = g
    })
    return assign
  }
  // The baseline uses a fresh rng of the same seed so it is exactly greedyReshuffleBaseline(input).
  const starts: number[][] = [greedyAssign(problem, mulberry32(input.seed))]
  if (problem.partners.some((qs) => qs.length > 0)) {
    starts.push(fromGroups(sectorBalancedGroups(input.people, problem.k, rng)))
    for (let i = 0; i < RESHUFFLE_RANDOM_STARTS; i++) {
      const caps = capacities(n, problem.k)
      const slots = caps.flatMap((cap, g) => new Array<number>(cap).fill(g))
      starts.push(seededShuffle(slots, rng))
    }
  }
  let best: number[] | null = null
  let bestRepeats = Number.POSITIVE_INFINITY
  for (const start of starts) {
    const assign = improve(problem, start, rng)
    const repeats = countRepeats(problem, assign)
    if (repeats < bestRepeats) {
      best = assign
      bestRepeats = repeats
    }
    if (bestRepeats === 0) break
  }
  return toGroups(problem, best ?? [])
}
