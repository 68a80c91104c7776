import { DEFAULT_MEANING, type MeaningOptions, type NoteFeatures, noteFeatures } from './features.ts'
import type { ThemePoint } from './types.ts'
import { tfidf, type VectorSpace } from './vectors.ts'
import { defaultWordNet } from './wordnet.ts'

/** Points in a canonical order (by id, then text) with their features and TF-IDF vectors. */
export interface Represented {
  points: ThemePoint[]
  notes: NoteFeatures[]
  space: VectorSpace
}

/** Meaning options with the shared WordNet filled in unless one (or null) is given. */
export function meaningOptions(partial: Partial<MeaningOptions> = {}): MeaningOptions {
  const wordnet = partial.wordnet === undefined ? defaultWordNet() : partial.wordnet
  return { ...DEFAULT_MEANING, ...partial, wordnet }
}

/** Sort points canonically so results never depend on the order they were given in. */
export function canonicalOrder(points: readonly ThemePoint[]): ThemePoint[] {
  return [...points].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : a.text < b.text ? -1 : a.text > b.text ? 1 : 0,
  )
}

/** Features and vectors for points (in canonical order). */
export function represent(points: readonly ThemePoint[], meaning: MeaningOptions): Represented {
  const ordered = canonicalOrder(points)
  const notes = ordered.map((p) => noteFeatures(p.text, meaning))
  return { points: ordered, notes, space: tfidf(notes.map((n) => n.lists)) }
}
