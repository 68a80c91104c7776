import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '../../../shared/session.ts'
import { LANGUAGES } from '../constants.ts'
import { buildCatalogues, type Catalogue } from './catalogues.ts'
import en from './en.json'
import es from './es.json'
import { pseudoCatalogue } from './pseudo.ts'

/** Every language's messages: the core files plus each feature's `<area>/<lang>.json`. */
const CATALOGUES = buildCatalogues(
  { en, es },
  import.meta.glob<Catalogue>('./*/*.json', { eager: true, import: 'default' }),
)

/** A language the interface can show: the real ones, and the pseudo-language the tests use. */
export type UiLanguage = Language | 'pseudo'

/** Where the facilitator's own language choice is kept, apart from any participant's. */
export const FACILITATOR_LANGUAGE_KEY = 'convene:lng:facilitator'
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

/** Switches the interface language (unless the tab forces one) and keeps `<html lang>` in step. */
export function applyLanguage(language: Language): void {
  const target = forcedLanguage() ?? language
  if (i18next.language !== target) void i18next.changeLanguage(target)
}

const syncHtmlLang = (lng: string) => {
  // 'pseudo' is not a valid language tag; en-XA is the conventional pseudo-locale.
  document.documentElement.lang = lng === 'pseudo' ? 'en-XA' : lng
}

/** Initialises i18next synchronously with the bundled catalogues. */
export function initI18n(): void {
  const forced = forcedLanguage()
  const resources: Record<string, { translation: object }> = {
    en: { translation: CATALOGUES.en as Catalogue },
    es: { translation: CATALOGUES.es as Catalogue },
  }
  if (forced === 'pseudo') resources.pseudo = { translation: pseudoCatalogue(CATALOGUES.en as typeof en) }
  i18next.on('languageChanged', syncHtmlLang)
  void i18next.use(initReactI18next).init({
    resources,
    lng: forced ?? browserLanguage() ?? 'en',
    fallbackLng: false,
    supportedLngs: ['en', 'es', 'pseudo'],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
    react: { useSuspense: false },
  })
  syncHtmlLang(i18next.language)
}
