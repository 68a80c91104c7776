import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '../../../shared/session.ts'
import { LANGUAGES } from '../constants.ts'
import { buildCatalogues, type Catalogue } from './catalogues.ts'
import { pseudoCatalogue } from './pseudo.ts'

/**
 * Catalogues load per language, on demand: a phone downloads only the language it shows. Each language is its
 * core `<lang>.json` plus every feature's `<area>/<lang>.json`, merged under the area's key.
 */
const CORE_FILES = import.meta.glob<Catalogue>('./*.json', { import: 'default' })
const AREA_FILES = import.meta.glob<Catalogue>('./*/*.json', { import: 'default' })
const loaded = new Map<UiLanguage, Promise<void>>()

async function catalogueOf(language: Language): Promise<Catalogue> {
  const core = await CORE_FILES[`./${language}.json`]?.()
  const areaPaths = Object.keys(AREA_FILES).filter((path) => path.endsWith(`/${language}.json`))
  const areas = await Promise.all(areaPaths.map(async (path) => [path, await AREA_FILES[path]!()] as const))
  return buildCatalogues({ [language]: core ?? {} }, Object.fromEntries(areas))[language] ?? {}
}

/** Loads a language's messages once; the pseudo-language is made from English. */
function loadLanguage(language: UiLanguage): Promise<void> {
  let pending = loaded.get(language)
  if (!pending) {
    pending = catalogueOf(language === 'pseudo' ? 'en' : language).then((catalogue) => {
      const messages =
        language === 'pseudo'
          ? pseudoCatalogue(catalogue as Parameters<typeof pseudoCatalogue>[0])
          : catalogue
      i18next.addResourceBundle(language, 'translation', messages, true, true)
    })
    loaded.set(language, pending)
  }
  return pending
}

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

/** Switches the interface language (unless the tab forces one), once its messages are loaded. */
export function applyLanguage(language: Language): void {
  const target = forcedLanguage() ?? language
  if (i18next.language === target) return
  loadLanguage(target)
    .then(() => i18next.changeLanguage(target))
    .catch(() => {
      // Offline before the catalogue arrived: stay in the language already shown.
    })
}

const syncHtmlLang = (lng: string) => {
  // 'pseudo' is not a valid language tag; en-XA is the conventional pseudo-locale.
  document.documentElement.lang = lng === 'pseudo' ? 'en-XA' : lng
}

/** The locale Intl formats with: the pseudo-language formats as English. */
export const intlLocale = (lng: string | undefined): string => (!lng || lng === 'pseudo' ? 'en' : lng)

/**
 * Every number a message interpolates ({{count}}, {{n}}…) is written the chosen language's way (1,234 / 1234 /
 * 12.345) without each message having to ask for it; named formats (`{{x, datetime}}`) keep working.
 */
const numberFormatter = {
  type: 'formatter' as const,
  init() {},
  add() {},
  addCached() {},
  format(value: unknown, format: string | undefined, lng: string | undefined): unknown {
    const locale = intlLocale(lng)
    if (typeof value === 'number' && !format) return new Intl.NumberFormat(locale).format(value)
    if (value instanceof Date && format === 'datetime') return new Intl.DateTimeFormat(locale).format(value)
    return value
  },
}

/** Initialises i18next and loads the first language's messages; render once this resolves. */
export async function initI18n(): Promise<void> {
  const language = forcedLanguage() ?? browserLanguage() ?? 'en'
  i18next.on('languageChanged', syncHtmlLang)
  void i18next
    .use(initReactI18next)
    .use(numberFormatter)
    .init({
      resources: {},
      lng: language,
      fallbackLng: false,
      partialBundledLanguages: true,
      supportedLngs: ['en', 'es', 'pseudo'],
      interpolation: { escapeValue: false, alwaysFormat: true },
      returnNull: false,
      initAsync: false,
      react: { useSuspense: false, bindI18nStore: 'added' },
    })
  syncHtmlLang(language)
  await loadLanguage(language)
}
