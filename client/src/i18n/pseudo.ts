/** The pseudo-language: every English string accented and wrapped in ⟦ ⟧, so text that skipped the catalogues shows. */

const ACCENTED: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ď',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'ï',
  j: 'ĵ',
  k: 'ķ',
  l: 'ľ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ü',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ď',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Ï',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ľ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Ü',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
}

/** The opening and closing pseudo markers. */
export const PSEUDO_OPEN = '⟦'
export const PSEUDO_CLOSE = '⟧'

// Interpolations and markup stay as they are: {{value}}, $t(key), <tag>.
const PROTECTED = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]*>)/

/** Accents one string and wraps it in the markers. */
export function pseudoString(text: string): string {
  const accented = text
    .split(PROTECTED)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[A-Za-z]/g, (ch) => ACCENTED[ch] ?? ch)))
    .join('')
  return `${PSEUDO_OPEN}${accented}${PSEUDO_CLOSE}`
}

type Catalogue = { [key: string]: string | Catalogue }

/** The pseudo catalogue for a whole English catalogue. */
export function pseudoCatalogue(source: Catalogue): Catalogue {
  const out: Catalogue = {}
  for (const [key, value] of Object.entries(source)) {
    out[key] = typeof value === 'string' ? pseudoString(value) : pseudoCatalogue(value)
  }
  return out
}
