/**
 * A light Spanish stemmer in the spirit of Snowball's: strips plural, common derivational suffixes and verb endings,
 * then accents, keeping at least three letters ("caminaron" → "camin", "canciones" and "canción" → "cancion").
 */

const DERIVATIONAL = [
  'amientos',
  'imientos',
  'amiento',
  'imiento',
  'aciones',
  'uciones',
  'adoras',
  'adores',
  'ancias',
  'encias',
  'idades',
  'logías',
  'ación',
  'ución',
  'adora',
  'ador',
  'ancia',
  'encia',
  'mente',
  'idad',
  'ismos',
  'istas',
  'ables',
  'ibles',
  'anzas',
  'ismo',
  'ista',
  'able',
  'ible',
  'anza',
  'ivos',
  'ivas',
  'ivo',
  'iva',
  'osos',
  'osas',
  'oso',
  'osa',
] as const

const VERBAL = [
  'aríamos',
  'eríamos',
  'iríamos',
  'ábamos',
  'aremos',
  'eremos',
  'iremos',
  'aban',
  'ando',
  'iendo',
  'aron',
  'ieron',
  'arán',
  'erán',
  'irán',
  'adas',
  'ados',
  'idas',
  'idos',
  'aba',
  'ada',
  'ado',
  'ida',
  'ido',
  'ían',
  'ar',
  'er',
  'ir',
  'an',
  'en',
  'ía',
] as const

const ACCENTS: Readonly<Record<string, string>> = { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u', ü: 'u' }

function stripSuffix(word: string, suffixes: readonly string[], minStem: number): string | null {
  for (const suffix of suffixes) {
    if (word.endsWith(suffix) && word.length - suffix.length >= minStem) return word.slice(0, -suffix.length)
  }
  return null
}

/** Reduce a lower-case Spanish word to a stem shared by its inflected and derived forms. */
export function stemSpanish(word: string): string {
  if (word.length <= 3) return word
  let w = word
  const derived = stripSuffix(w, DERIVATIONAL, 3)
  if (derived !== null) w = derived
  else {
    const verbal = stripSuffix(w, VERBAL, 3)
    if (verbal !== null) w = verbal
    else {
      if (w.endsWith('es') && w.length > 5) w = w.slice(0, -2)
      else if (w.endsWith('s') && w.length > 4) w = w.slice(0, -1)
      if (/[aeoáéó]$/u.test(w) && w.length > 4) w = w.slice(0, -1)
    }
  }
  return w.replace(/[áéíóúü]/gu, (c) => ACCENTS[c] ?? c)
}
