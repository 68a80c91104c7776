/** An order-independent, unambiguous key for two ids (ids may contain any character). */
export function pairKey(a: string, b: string): string {
  return JSON.stringify(a < b ? [a, b] : [b, a])
}

/** Every pair of people seated together in these groups, as pairKey. */
export function pairsOf(groups: readonly (readonly string[])[]): Set<string> {
  const pairs = new Set<string>()
  for (const group of groups) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) pairs.add(pairKey(group[i] as string, group[j] as string))
    }
  }
  return pairs
}

/** How many pairs seated together in these groups already sat together before. */
export function repeatPairings(groups: readonly (readonly string[])[], history: ReadonlySet<string>): number {
  let repeats = 0
  for (const key of pairsOf(groups)) if (history.has(key)) repeats++
  return repeats
}
