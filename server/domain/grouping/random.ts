/** A seeded pseudo-random source returning floats in [0, 1). */
export type Rng = () => number

/** mulberry32: a tiny, fast 32-bit PRNG; good enough to shuffle tables, not for secrets. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A shuffled copy of items (Fisher-Yates), deterministic for a given rng state. */
export function seededShuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    const tmp = out[i] as T
    out[i] = out[j] as T
    out[j] = tmp
  }
  return out
}

/** How many groups a rule with even sizes forms: max(1, round(n / groupSize)), so sizes stay near target. */
export function groupCount(people: number, groupSize: number): number {
  return Math.max(1, Math.round(people / groupSize))
}

/** Deals items into k groups in turn (item i to group i mod k), so sizes differ by at most one. */
export function dealRoundRobin<T>(items: readonly T[], k: number): T[][] {
  const groups: T[][] = Array.from({ length: k }, () => [])
  items.forEach((item, i) => {
    groups[i % k]?.push(item)
  })
  return groups
}
