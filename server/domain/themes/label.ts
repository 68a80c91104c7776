import type { Represented } from './represent.ts'

/**
 * The telling words of a group of notes: stems weighted more inside the group than across all notes, shown as the
 * surface form used most often in the group. Ties go alphabetically.
 */
export function tellingWords(
  rep: Represented,
  members: readonly number[],
  count = 5,
  overall: Float64Array = featureTotals(rep),
): string[] {
  const { space, notes } = rep
  const inside = new Map<number, number>()
  members.forEach((m) => {
    const v = space.vectors[m]!
    for (let i = 0; i < v.idx.length; i++) inside.set(v.idx[i]!, (inside.get(v.idx[i]!) ?? 0) + v.val[i]!)
  })
  const n = space.vectors.length
  const scored: { stem: string; score: number }[] = []
  for (const [id, w] of inside) {
    const name = space.names[id]!
    if (!name.startsWith('s:')) continue
    const stem = name.slice(2)
    const share = w / members.length - (overall[id] ?? 0) / n
    // Prefer stems that several members share.
    let support = 0
    for (const m of members) if (notes[m]!.tokens.some((t) => t.stem === stem)) support++
    scored.push({ stem, score: share * Math.sqrt(support) })
  }
  scored.sort((a, b) => b.score - a.score || (a.stem < b.stem ? -1 : 1))
  const out: string[] = []
  for (const { stem } of scored) {
    if (out.length >= count) break
    const forms = new Map<string, number>()
    for (const m of members)
      for (const t of notes[m]!.tokens) if (t.stem === stem) forms.set(t.word, (forms.get(t.word) ?? 0) + 1)
    const best = [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]
    if (best && !out.includes(best[0])) out.push(best[0])
  }
  return out
}

/** Each feature's weight summed over all notes. */
export function featureTotals(rep: Represented): Float64Array {
  const totals = new Float64Array(rep.space.names.length)
  for (const v of rep.space.vectors) for (let i = 0; i < v.idx.length; i++) totals[v.idx[i]!]! += v.val[i]!
  return totals
}
