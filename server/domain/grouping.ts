import { ERROR_CODES } from '../../shared/errors.ts'
import { DomainError } from './errors.ts'
import { pairKey, pairsOf, repeatPairings } from './grouping/pairs.ts'
import { dealRoundRobin, groupCount, mulberry32, type Rng, seededShuffle } from './grouping/random.ts'
import { greedyReshuffleBaseline, reshuffleGroups } from './grouping/reshuffle.ts'
import { placeLateJoiner, sectorBalancedGroups } from './grouping/sectors.ts'
import type { GroupingInput, GroupingPerson } from './grouping/types.ts'

export type { GroupingInput, GroupingPerson, GroupingRule } from './grouping/types.ts'
export { GROUPING_RULES } from './grouping/types.ts'
export {
  greedyReshuffleBaseline,
  mulberry32,
  pairKey,
  pairsOf,
  placeLateJoiner,
  repeatPairings,
  seededShuffle,
}

/**
 * Forms one round's groups, deterministically for a seed. Every person appears exactly once, except for manual
 * and self-select, which return empty tables for the facilitator or the participants to fill.
 */
export function formGroups(input: GroupingInput): string[][] {
  validate(input)
  const { people, groupSize } = input
  const rng = mulberry32(input.seed)
  switch (input.rule) {
    case 'random':
      return dealRoundRobin(
        seededShuffle(
          people.map((p) => p.id),
          rng,
        ),
        groupCount(people.length, groupSize),
      )
    case 'sector-balanced':
      return sectorBalancedGroups(people, groupCount(people.length, groupSize), rng)
    case 'reshuffle':
      return reshuffleGroups(input)
    case 'keep-previous':
      return withLateJoiners(keptGroups(input), input, rng)
    case 'merge':
      return withLateJoiners(mergePairs(keptGroups(input).filter((g) => g.length > 0)), input, rng)
    case 'whole-room':
      return [people.map((p) => p.id)]
    case 'manual':
    case 'self-select':
      return Array.from({ length: Math.max(1, Math.ceil(people.length / groupSize)) }, () => [])
  }
}

function validate(input: GroupingInput): void {
  if (!Number.isInteger(input.groupSize) || input.groupSize < 1) {
    throw new DomainError(ERROR_CODES.badRequest, 'Group size must be a whole number of at least 1.')
  }
  if (!Number.isFinite(input.seed)) throw new DomainError(ERROR_CODES.badRequest, 'Seed must be a number.')
  const seen = new Set<string>()
  for (const person of input.people) {
    if (seen.has(person.id)) throw new DomainError(ERROR_CODES.badRequest, 'A person is listed twice.')
    seen.add(person.id)
  }
}

/**
 * Last round's groups with people no longer present dropped, positions kept (group i is still previous group i,
 * even if it emptied, so a table keeps its number). Someone listed twice stays in their first group.
 */
function keptGroups(input: GroupingInput): string[][] {
  const present = new Set(input.people.map((p) => p.id))
  const placed = new Set<string>()
  return (input.previous ?? []).map((group) =>
    group.filter((id) => {
      if (!present.has(id) || placed.has(id)) return false
      placed.add(id)
      return true
    }),
  )
}

/**
 * Merges neighbouring groups: 1+2, 3+4, … An odd last group joins the pair before it (a six beside fours, as
 * 1-2-4-All facilitators do, rather than a lone pair); a single group stays as it is.
 */
function mergePairs(groups: string[][]): string[][] {
  const merged: string[][] = []
  for (let i = 0; i < groups.length; i += 2) merged.push([...(groups[i] ?? []), ...(groups[i + 1] ?? [])])
  if (groups.length % 2 === 1 && merged.length > 1) {
    const last = merged.pop() ?? []
    merged[merged.length - 1]?.push(...last)
  }
  return merged
}

/**
 * Places everyone not already in groups via placeLateJoiner, in seeded order; opens a new group when all are
 * full. With no previous groups at all this deals everyone from scratch, like random.
 */
function withLateJoiners(groups: string[][], input: GroupingInput, rng: Rng): string[][] {
  const placed = new Set(groups.flat())
  const newcomers = seededShuffle(
    input.people.filter((p) => !placed.has(p.id)),
    rng,
  )
  if (placed.size === 0) {
    return dealRoundRobin(
      newcomers.map((p) => p.id),
      groupCount(newcomers.length, input.groupSize),
    )
  }
  const sectorsOf = new Map<string, string | null>(input.people.map((p: GroupingPerson) => [p.id, p.sector]))
  for (const person of newcomers) {
    const index = placeLateJoiner(groups, person, sectorsOf, input.groupSize)
    const group = groups[index]
    if (group) group.push(person.id)
    else groups.push([person.id])
  }
  return groups
}
