import { stemEnglish } from './stemEnglish.ts'
import { stemSpanish } from './stemSpanish.ts'
import { ENGLISH_STOP_WORDS, isStopWord, SPANISH_STOP_WORDS } from './stopWords.ts'

/** The language a note is treated as: English and Spanish get stems, anything else is kept as written. */
export type NoteLanguage = 'en' | 'es' | 'other'

/** One content word of a note: as written (lower-cased) and as stemmed. */
export interface Token {
  word: string
  stem: string
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?/gu
/** Scripts written without spaces: split into overlapping character pairs. */
const UNSPACED =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+$/u
const LETTER = /\p{L}/u
const ASCII = /^[a-z]+$/u
const SPANISH_MARKS = /[ñáéíóúü¿¡]/u

/** Lower-cased word forms of a text, split on anything that is not a letter, mark or digit. */
export function words(text: string): string[] {
  const out: string[] = []
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(WORD)) {
    const w = match[0].replace(/['’](s|ll|re|ve|d|t|m)$/u, '')
    if (!LETTER.test(w)) continue
    if (UNSPACED.test(w) && w.length > 2) {
      const chars = [...w]
      for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`)
      continue
    }
    out.push(ASCII.test(w) ? w : w.normalize('NFC'))
  }
  return out
}

/** Guess whether a note is English, Spanish or something else from its function words and letters. */
export function guessLanguage(forms: readonly string[]): NoteLanguage {
  let en = 0
  let es = 0
  let latin = 0
  for (const w of forms) {
    if (ENGLISH_STOP_WORDS.has(w)) en++
    if (SPANISH_STOP_WORDS.has(w)) es++
    if (SPANISH_MARKS.test(w)) es += 0.5
    if (ASCII.test(w)) latin++
  }
  if (es > en) return 'es'
  if (latin * 2 >= forms.length && forms.length > 0) return 'en'
  return 'other'
}

const stems = new Map<string, string>()
const STEM_CACHE_LIMIT = 100_000

function stem(word: string, language: NoteLanguage): string {
  if (language === 'other' || (language === 'en' && !ASCII.test(word))) return word
  const key = `${language}:${word}`
  let s = stems.get(key)
  if (s === undefined) {
    if (stems.size > STEM_CACHE_LIMIT) stems.clear()
    s = language === 'en' ? stemEnglish(word) : stemSpanish(word)
    stems.set(key, s)
  }
  return s
}

/** Content words of a note with their stems, function words dropped, plus the language used to stem them. */
export function tokenize(text: string): { language: NoteLanguage; tokens: Token[] } {
  const forms = words(text)
  const language = guessLanguage(forms)
  const tokens: Token[] = []
  for (const word of forms) {
    if (isStopWord(word) || (word.length < 2 && ASCII.test(word)) || /^\p{N}+$/u.test(word)) continue
    tokens.push({ word, stem: stem(word, language) })
  }
  return { language, tokens }
}
