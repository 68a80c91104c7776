function choose2(x: number): number {
  return (x * (x - 1)) / 2
}

/**
 * Adjusted Rand index of two labellings of the same items (Hubert and Arabie): 1 for identical partitions, about 0
 * for chance agreement. Labels are compared only for equality; both arrays must have the same length.
 */
export function adjustedRandIndex(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  if (a.length !== b.length) throw new Error('labellings differ in length')
  const n = a.length
  if (n < 2) return 1
  const pairs = new Map<string, number>()
  const rows = new Map<string | number, number>()
  const cols = new Map<string | number, number>()
  for (let i = 0; i < n; i++) {
    const x = a[i]!
    const y = b[i]!
    const key = JSON.stringify([x, y])
    pairs.set(key, (pairs.get(key) ?? 0) + 1)
    rows.set(x, (rows.get(x) ?? 0) + 1)
    cols.set(y, (cols.get(y) ?? 0) + 1)
  }
  let index = 0
  for (const c of pairs.values()) index += choose2(c)
  let sumRows = 0
  for (const c of rows.values()) sumRows += choose2(c)
  let sumCols = 0
  for (const c of cols.values()) sumCols += choose2(c)
  const expected = (sumRows * sumCols) / choose2(n)
  const max = (sumRows + sumCols) / 2
  if (max === expected) return 1
  return (index - expected) / (max - expected)
}
