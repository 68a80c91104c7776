/** Martin Porter's 1980 stemming algorithm for English, for lower-case ASCII words. */

function isConsonant(w: string, i: number): boolean {
  const c = w[i]
  if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false
  if (c === 'y') return i === 0 ? true : !isConsonant(w, i - 1)
  return true
}

/** The number of vowel-consonant sequences in `w`. */
function measure(w: string): number {
  let m = 0
  let i = 0
  const n = w.length
  while (i < n && isConsonant(w, i)) i++
  while (i < n) {
    while (i < n && !isConsonant(w, i)) i++
    if (i >= n) break
    while (i < n && isConsonant(w, i)) i++
    m++
  }
  return m
}

function hasVowel(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (!isConsonant(w, i)) return true
  return false
}

function endsDoubleConsonant(w: string): boolean {
  const n = w.length
  return n >= 2 && w[n - 1] === w[n - 2] && isConsonant(w, n - 1)
}

/** consonant-vowel-consonant ending, the last not w, x or y. */
function endsCvc(w: string): boolean {
  const n = w.length
  if (n < 3) return false
  const last = w[n - 1]
  return (
    isConsonant(w, n - 3) &&
    !isConsonant(w, n - 2) &&
    isConsonant(w, n - 1) &&
    last !== 'w' &&
    last !== 'x' &&
    last !== 'y'
  )
}

type Rule = readonly [suffix: string, replacement: string]

function applyRules(w: string, rules: readonly Rule[], minMeasure: number): string {
  for (const [suffix, replacement] of rules) {
    if (w.endsWith(suffix)) {
      const stem = w.slice(0, -suffix.length)
      return measure(stem) > minMeasure ? stem + replacement : w
    }
  }
  return w
}

const STEP2: readonly Rule[] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
]

const STEP3: readonly Rule[] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
]

const STEP4 = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ion',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
] as const

function step1(word: string): string {
  let w = word
  if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (w.endsWith('ies')) w = w.slice(0, -2)
  else if (!w.endsWith('ss') && w.endsWith('s')) w = w.slice(0, -1)

  let removed = false
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1)
  } else if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) {
    w = w.slice(0, -2)
    removed = true
  } else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) {
    w = w.slice(0, -3)
    removed = true
  }
  if (removed) {
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e'
    else if (endsDoubleConsonant(w) && !/[lsz]$/u.test(w)) w = w.slice(0, -1)
    else if (measure(w) === 1 && endsCvc(w)) w += 'e'
  }
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`
  return w
}

function step4(w: string): string {
  // Longest matching suffix first.
  let best = ''
  for (const suffix of STEP4) if (w.endsWith(suffix) && suffix.length > best.length) best = suffix
  if (best === '') return w
  const stem = w.slice(0, -best.length)
  if (measure(stem) <= 1) return w
  if (best === 'ion' && !/[st]$/u.test(stem)) return w
  return stem
}

function step5(word: string): string {
  let w = word
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1)
    const m = measure(stem)
    if (m > 1 || (m === 1 && !endsCvc(stem))) w = stem
  }
  if (w.endsWith('ll') && measure(w) > 1) w = w.slice(0, -1)
  return w
}

/** Reduce an English word to its Porter stem ("connections" → "connect", "generalization" → "gener"). */
export function stemEnglish(word: string): string {
  if (word.length <= 2 || !/^[a-z]+$/u.test(word)) return word
  let w = step1(word)
  w = applyRules(w, sortByLength(STEP2), 0)
  w = applyRules(w, sortByLength(STEP3), 0)
  w = step4(w)
  return step5(w)
}

const sorted = new WeakMap<readonly Rule[], readonly Rule[]>()
function sortByLength(rules: readonly Rule[]): readonly Rule[] {
  let s = sorted.get(rules)
  if (!s) {
    s = [...rules].sort((a, b) => b[0].length - a[0].length)
    sorted.set(rules, s)
  }
  return s
}
