import type { GroupingRuleName } from '../../../shared/rounds.ts'

export { GROUPING_RULES } from '../../../shared/rounds.ts'

/** One grouping rule. */
export type GroupingRule = GroupingRuleName

/** A person to place: only the id and the sector matter to grouping. */
export interface GroupingPerson {
  id: string
  sector: string | null
}

/** What formGroups needs to form one round's groups. */
export interface GroupingInput {
  /** Everyone to place: joined and not removed; offline people included. */
  people: GroupingPerson[]
  /** Target group size, an integer >= 1. */
  groupSize: number
  rule: GroupingRule
  /** Same seed, same input: same groups. */
  seed: number
  /** Last round's groups (ids), for keep-previous and merge. */
  previous?: string[][]
  /** Pairs who already sat together, as pairKey(a, b), for reshuffle. */
  history?: ReadonlySet<string>
}
