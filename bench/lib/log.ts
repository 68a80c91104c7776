/** Writes one line of the benchmark's progress or report to stdout. */
export function log(line: string): void {
  process.stdout.write(`${line}\n`)
}

/** A figure for a table cell: `-` where nothing was measured (NaN). */
export function fmt(n: number): string {
  return Number.isFinite(n) ? String(n) : '-'
}
