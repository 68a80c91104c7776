import { dealRoundRobin, type Rng, seededShuffle } from './random.ts'
import type { GroupingPerson } from './types.ts'

/**
 * Groups so each table's mix mirrors the room: for every sector (null is its own "unknown" bucket), counts per
 * table differ by at most one, and table sizes differ by at most one.
 *
 * Sectors are laid end to end, largest first, and dealt to tables in one continuous round-robin. Each sector is a
 * contiguous run of that deal, and any run of L dealt in turn to k tables lands floor(L/k) or ceil(L/k) on each,
 * so both invariants hold by construction with no size fixing afterwards. (A snake order would not: its turn
 * puts two consecutive people on the same table.)
 */
export function sectorBalancedGroups(people: readonly GroupingPerson[], k: number, rng: Rng): string[][] {
  const bySector = new Map<string | null, string[]>()
  for (const person of people) {
    const bucket = bySector.get(person.sector)
    if (bucket) bucket.push(person.id)
    else bySector.set(person.sector, [person.id])
  }
  // Shuffle first so equal-sized sectors are ordered by the seed; Array.prototype.sort is stable.
  const sectors = seededShuffle([...bySector.values()], rng).sort((a, b) => b.length - a.length)
  const line = sectors.flatMap((members) => seededShuffle(members, rng))
  // Which table gets the extra people is the seed's choice, not always the first ones.
  return seededShuffle(dealRoundRobin(line, k), rng)
}

/**
 * The group a late joiner should join: the smallest open group, then the one with the fewest of their sector,
 * then the first. A group is open below maxSize + 1. Returns groups.length when none is open: open a new group.
 */
export function placeLateJoiner(
  groups: readonly (readonly string[])[],
  person: GroupingPerson,
  sectorsOf: ReadonlyMap<string, string | null>,
  maxSize: number,
): number {
  let best = groups.length
  let bestSize = Number.POSITIVE_INFINITY
  let bestSame = Number.POSITIVE_INFINITY
  groups.forEach((group, index) => {
    if (group.length > maxSize) return
    const same = group.filter((id) => (sectorsOf.get(id) ?? null) === person.sector).length
    if (group.length < bestSize || (group.length === bestSize && same < bestSame)) {
      best = index
      bestSize = group.length
      bestSame = same
    }
  })
  return best
}
