import type { Language } from '../../../shared/vocabulary.ts'
import { LANGUAGES } from '../constants.ts'

/**
 * Which language a page shows, without i18next: the light join pages and the React app both decide here, so a
 * phone keeps its language when Join hands it over to the app.
 */

/** A language the interface can show: the real ones, and the pseudo-language the tests use. */
export type UiLanguage = Language | 'pseudo'

/** A `?lng=` override lives for the tab, so it survives in-app navigation. */
const FORCED_LANGUAGE_KEY = 'convene:lng:forced'

const isUiLanguage = (value: unknown): value is UiLanguage =>
  value === 'pseudo' || (LANGUAGES as readonly unknown[]).includes(value)

/** `?lng=en|es|pseudo` in the address, remembered for this tab: it wins over every other choice. */
export function forcedLanguage(): UiLanguage | null {
  const fromQuery = new URLSearchParams(window.location.search).get('lng')
  try {
    if (isUiLanguage(fromQuery)) window.sessionStorage.setItem(FORCED_LANGUAGE_KEY, fromQuery)
    const stored = window.sessionStorage.getItem(FORCED_LANGUAGE_KEY)
    return isUiLanguage(stored) ? stored : null
  } catch {
    return isUiLanguage(fromQuery) ? fromQuery : null
  }
}

/** The first of the browser's preferred languages that Convene speaks. */
export function browserLanguage(): Language | null {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = tag.toLowerCase().split('-')[0]
    if (isUiLanguage(primary) && primary !== 'pseudo') return primary
  }
  return null
}

/** Narrows a stored string to a language Convene speaks. */
export const asLanguage = (value: string | null | undefined): Language | null =>
  value && (LANGUAGES as readonly string[]).includes(value) ? (value as Language) : null

/** Marks the page's language for screen readers, hyphenation and fonts; every language Convene speaks is left-to-right. */
export function markDocumentLanguage(language: string): void {
  // 'pseudo' is not a valid language tag; en-XA is the conventional pseudo-locale.
  document.documentElement.lang = language === 'pseudo' ? 'en-XA' : language
  document.documentElement.dir = 'ltr'
}
