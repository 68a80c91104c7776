import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '../../../shared/session.ts'
import { buildCatalogues, type Catalogue } from './catalogues.ts'
import { browserLanguage, forcedLanguage, markDocumentLanguage, type UiLanguage } from './language.ts'
import { pseudoCatalogue } from './pseudo.ts'

export { asLanguage, browserLanguage, type UiLanguage } from './language.ts'

/**
 * Catalogues load per language, on demand: a phone downloads only the language it shows. Each language is its
 * core `<lang>.json` plus its features' `<area>/<lang>.json`, merged under the area's key. Every page gets the core
 * and the areas a participant's phone shows; a lazy area loads with the pages that use it (`loadArea`), so phones
 * never download it.
 */
const CORE_FILES = import.meta.glob<Catalogue>('./*.json', { import: 'default' })
const AREA_FILES = import.meta.glob<Catalogue>('./*/*.json', { import: 'default' })

/** Catalogue areas only the facilitator's and organizer's pages show. */
export type LazyArea = 'organizer'
const LAZY_AREAS: ReadonlySet<string> = new Set<LazyArea>(['organizer'])
/** The lazy areas some page asked for: every language shown from then on loads them too. */
const wantedAreas = new Set<LazyArea>()
/** Loads under way or done, by `<language>:<lazy area or nothing for the core>`. */
const loaded = new Map<string, Promise<void>>()

/** The files of one part of a language: its core and every area that is not lazy, or one lazy area. */
function filesOf(language: Language, part: LazyArea | null): [string, () => Promise<Catalogue>][] {
  const areas = Object.entries(AREA_FILES).filter(([path]) => {
    const area = path.split('/')[1] ?? ''
    return path.endsWith(`/${language}.json`) && (part ? area === part : !LAZY_AREAS.has(area))
  })
  const core = CORE_FILES[`./${language}.json`]
  return part || !core ? areas : [[`./${language}.json`, core], ...areas]
}

/** One part of a language's messages, merged; its files download in parallel. */
async function catalogueOf(language: Language, part: LazyArea | null): Promise<Catalogue> {
  const files = await Promise.all(
    filesOf(language, part).map(async ([path, load]) => [path, await load()] as const),
  )
  const core = files.find(([path]) => path === `./${language}.json`)?.[1] ?? {}
  const areas = Object.fromEntries(files.filter(([path]) => path !== `./${language}.json`))
  return buildCatalogues({ [language]: core }, areas)[language] ?? {}
}

/** Adds one part of a language's messages to i18next, once; the pseudo-language is made from English. */
function loadPart(language: UiLanguage, part: LazyArea | null): Promise<void> {
  const key = `${language}:${part ?? ''}`
  let pending = loaded.get(key)
  if (!pending) {
    pending = catalogueOf(language === 'pseudo' ? 'en' : language, part).then((catalogue) => {
      const messages =
        language === 'pseudo'
          ? pseudoCatalogue(catalogue as Parameters<typeof pseudoCatalogue>[0])
          : catalogue
      i18next.addResourceBundle(language, 'translation', messages, true, true)
    })
    // Offline: the next attempt downloads again.
    pending.catch(() => loaded.delete(key))
    loaded.set(key, pending)
  }
  return pending
}

/** Loads a language's core messages and every lazy area asked for so far. */
const loadLanguage = (language: UiLanguage): Promise<unknown> =>
  Promise.all([loadPart(language, null), ...[...wantedAreas].map((area) => loadPart(language, area))])

/** Loads a lazy area's messages, for the language shown and every later one: a page that shows them awaits this. */
export function loadArea(area: LazyArea): Promise<unknown> {
  wantedAreas.add(area)
  return loadPart(i18next.language as UiLanguage, area)
}

/** Downloads a language's messages ahead of time (while a phone fills in the join form) without showing them. */
export const prefetchLanguage = (language: UiLanguage): Promise<unknown> =>
  Promise.all(filesOf(language === 'pseudo' ? 'en' : language, null).map(([, load]) => load()))

/** Where the facilitator's own language choice is kept, apart from any participant's. */
export const FACILITATOR_LANGUAGE_KEY = 'convene:lng:facilitator'

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

/**
 * Initialises i18next and loads the first language's messages; render once this resolves. `preferred` is the
 * language a phone chose on the join page; a forced language still wins.
 */
export async function initI18n(preferred?: UiLanguage): Promise<void> {
  const language = forcedLanguage() ?? preferred ?? browserLanguage() ?? 'en'
  i18next.on('languageChanged', markDocumentLanguage)
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
  markDocumentLanguage(language)
  await loadLanguage(language)
}
