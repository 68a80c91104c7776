import { stemEnglish } from './stemEnglish.ts'
import { isStopWord } from './stopWords.ts'
import { type NoteLanguage, type Token, tokenize, words } from './tokenize.ts'
import type { WordNet, WordNetPos } from './wordnet.ts'

/** How word meaning is added to a note's features. */
export interface MeaningOptions {
  /** The dictionary to use; null for words only. */
  wordnet: WordNet | null
  /** Weight of one word's meaning features relative to its stem (whose weight is 1). */
  weight: number
  /** How many of a word's most frequent senses count, per part of speech. */
  senses: number
  /** How many hypernym levels above each sense count. */
  depth: number
  /** Factor applied at each level up. */
  decay: number
  /** Weight of the words of a word's definitions and synonyms, added as stems (0 for none). */
  gloss: number
}

/** Named weighted features: stems ("s:…") and WordNet synsets ("w:…"). */
export type FeatureList = readonly (readonly [name: string, weight: number])[]

/** A note turned into raw weighted features, as lists to be summed. */
export interface NoteFeatures {
  language: NoteLanguage
  tokens: Token[]
  lists: FeatureList[]
}

/** Caches are emptied when they grow past this many entries, so a long-running server stays bounded. */
const CACHE_LIMIT = 100_000

/** Defaults for theme suggestion: synsets and two hypernym levels at half a stem's weight, no definitions. */
export const DEFAULT_MEANING: Omit<MeaningOptions, 'wordnet'> = {
  weight: 0.5,
  senses: 3,
  depth: 2,
  decay: 0.5,
  gloss: 0,
}

const POS_ORDER: readonly WordNetPos[] = ['n', 'v', 'a']
const caches = new WeakMap<WordNet, Map<string, ReadonlyMap<string, number>>>()

/** Synset features of one word (or collocation): senses and their hypernyms, weights summing to 1. */
export function meaningOf(word: string, options: MeaningOptions): ReadonlyMap<string, number> {
  const wn = options.wordnet
  if (!wn) return new Map()
  let cache = caches.get(wn)
  if (!cache) {
    cache = new Map()
    caches.set(wn, cache)
  }
  const cacheKey = `${word}|${options.senses}|${options.depth}|${options.decay}`
  const hit = cache.get(cacheKey)
  if (hit) return hit
  if (cache.size > CACHE_LIMIT) cache.clear()

  const out = new Map<string, number>()
  const perPos: string[][] = []
  for (const pos of POS_ORDER) {
    const lemma = wn.lemmas(word, pos)[0]
    if (lemma) perPos.push(wn.senses(lemma, pos).slice(0, options.senses) as string[])
  }
  for (const senses of perPos) {
    const rankWeights = senses.map((_, r) => 1 / (r + 1))
    const total = rankWeights.reduce((a, b) => a + b, 0)
    senses.forEach((key, r) => {
      const w = (rankWeights[r] ?? 0) / total / perPos.length
      let frontier = [key]
      let levelWeight = w
      const seen = new Set<string>()
      for (let level = 0; level <= options.depth && frontier.length > 0; level++) {
        const next: string[] = []
        for (const k of frontier) {
          if (seen.has(k)) continue
          seen.add(k)
          out.set(k, (out.get(k) ?? 0) + levelWeight)
          const synset = wn.synset(k)
          if (synset) next.push(...synset.up)
        }
        frontier = next
        levelWeight *= options.decay
      }
    })
  }
  cache.set(cacheKey, out)
  return out
}

const glossCaches = new WeakMap<WordNet, Map<string, ReadonlyMap<string, number>>>()

/**
 * Stems of the definitions and synonyms of a word's most frequent senses, weights summing to 1: words that explain a
 * word, so notes that use the explanation and notes that use the word meet.
 */
export function glossOf(word: string, options: MeaningOptions): ReadonlyMap<string, number> {
  const wn = options.wordnet
  if (!wn) return new Map()
  let cache = glossCaches.get(wn)
  if (!cache) {
    cache = new Map()
    glossCaches.set(wn, cache)
  }
  const cacheKey = `${word}|${options.senses}`
  const hit = cache.get(cacheKey)
  if (hit) return hit
  if (cache.size > CACHE_LIMIT) cache.clear()
  const raw = new Map<string, number>()
  const own = stemEnglish(word)
  for (const pos of POS_ORDER) {
    const lemma = wn.lemmas(word, pos)[0]
    if (!lemma) continue
    wn.senses(lemma, pos)
      .slice(0, options.senses)
      .forEach((key, rank) => {
        const synset = wn.synset(key)
        if (!synset) return
        const text = `${synset.lemmas.join(' ').replaceAll('_', ' ')} ${synset.gloss}`
        for (const w of words(text)) {
          if (isStopWord(w) || w.length < 3 || !/^[a-z]+$/u.test(w)) continue
          const stem = stemEnglish(w)
          if (stem !== own) raw.set(stem, (raw.get(stem) ?? 0) + 1 / (rank + 1))
        }
      })
  }
  let total = 0
  for (const w of raw.values()) total += w
  const out = new Map<string, number>()
  for (const [stem, w] of raw) out.set(stem, w / total)
  cache.set(cacheKey, out)
  return out
}

const featureCaches = new WeakMap<WordNet, Map<string, FeatureList>>()

/** A word's meaning and gloss features, named and weighted as they enter a note; cached per word and options. */
function wordFeatures(word: string, options: MeaningOptions): FeatureList {
  const wn = options.wordnet
  if (!wn) return []
  let cache = featureCaches.get(wn)
  if (!cache) {
    cache = new Map()
    featureCaches.set(wn, cache)
  }
  const cacheKey = `${word}|${options.weight}|${options.senses}|${options.depth}|${options.decay}|${options.gloss}`
  const hit = cache.get(cacheKey)
  if (hit) return hit
  const out: [string, number][] = []
  if (cache.size > CACHE_LIMIT) cache.clear()
  for (const [key, w] of meaningOf(word, options)) out.push([`w:${key}`, w * options.weight])
  if (options.gloss > 0)
    for (const [stem, w] of glossOf(word, options)) out.push([`s:${stem}`, w * options.gloss])
  cache.set(cacheKey, out)
  return out
}

/** Stem feature lists, shared by every note that uses the stem. */
const stemLists = new Map<string, FeatureList>()

function stemList(stem: string): FeatureList {
  let list = stemLists.get(stem)
  if (!list) {
    if (stemLists.size > CACHE_LIMIT) stemLists.clear()
    list = [[`s:${stem}`, 1]]
    stemLists.set(stem, list)
  }
  return list
}

/**
 * Tokenise a note and give it stem features and, for English notes, meaning features. The feature lists are shared
 * cached arrays, one per token (and per collocation); a note's features are their sum.
 */
export function noteFeatures(text: string, options: MeaningOptions): NoteFeatures {
  const { language, tokens } = tokenize(text)
  const lists: FeatureList[] = tokens.map((t) => stemList(t.stem))
  const wn = options.wordnet
  if (language === 'en' && wn && (options.weight > 0 || options.gloss > 0)) {
    for (const t of tokens) lists.push(wordFeatures(t.word, options))
    // Two-word collocations WordNet knows ("ice cream", "real estate").
    const forms = words(text)
    for (let i = 0; i + 1 < forms.length; i++) {
      const pair = `${forms[i]}_${forms[i + 1]}`
      if (wn.has(pair)) lists.push(wordFeatures(pair, options))
    }
  }
  return { language, tokens, lists }
}
