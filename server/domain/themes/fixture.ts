import type { LabelledPoint } from './evaluate.ts'
import { seededRandom } from './evaluate.ts'

/**
 * Points with their human themes from a file in the shape of shared/fixtures/community-conversation.json:
 * `{ groups: [{ points: [{ text, theme }] }] }`. Other fields are ignored; ids are made from positions.
 */
export function labelledPointsFrom(json: unknown): LabelledPoint[] {
  const groups = (json as { groups?: unknown }).groups
  if (!Array.isArray(groups)) throw new Error('fixture has no groups[]')
  const out: LabelledPoint[] = []
  groups.forEach((group: unknown, g) => {
    const points = (group as { points?: unknown }).points
    if (!Array.isArray(points)) return
    points.forEach((point: unknown, p) => {
      const { text, theme } = point as { text?: unknown; theme?: unknown }
      if (typeof text === 'string' && typeof theme === 'string' && text.trim() !== '') {
        out.push({ id: `g${String(g + 1).padStart(3, '0')}-p${String(p + 1).padStart(3, '0')}`, text, theme })
      }
    })
  })
  return out
}

/** `count` synthetic notes, each the first half of one real note joined to the second half of another (seeded). */
export function synthesise(
  points: readonly { text: string }[],
  count: number,
  seed = 7,
): { id: string; text: string }[] {
  const random = seededRandom(seed)
  const pick = (): string[] => (points[Math.floor(random() * points.length)]?.text ?? '').split(/\s+/u)
  return Array.from({ length: count }, (_, i) => {
    const a = pick()
    const b = pick()
    const text = [...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.floor(b.length / 2))].join(' ')
    return { id: `synthetic-${String(i).padStart(5, '0')}`, text }
  })
}
