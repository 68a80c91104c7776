import type { Catalogue } from '../i18n/catalogues.ts'
import { markDocumentLanguage, type UiLanguage } from '../i18n/language.ts'

/**
 * The light pages' messages, without i18next: the same core catalogue files as the app (client/src/i18n/<lang>.json,
 * one chunk per language, loaded on demand), so the app reuses the very file the join page downloaded.
 */
const CORE_FILES = import.meta.glob<Catalogue>('../i18n/*.json', { import: 'default' })

let messages: Catalogue = {}
/** The language most recently asked for: a slower, earlier load must not overwrite it. */
let wanted: UiLanguage | null = null
/** Text nodes that follow the language shown, with the key each shows. */
const bound = new Map<Text, string>()
const loads = new Map<UiLanguage, Promise<Catalogue>>()

/** A message in the language shown (its key if the catalogue lacks it). */
export function t(key: string): string {
  let value: string | Catalogue | undefined = messages
  for (const part of key.split('.')) value = typeof value === 'object' ? value[part] : undefined
  return typeof value === 'string' ? value : key
}

/** A text node showing a message, which follows every later change of language. */
export function tx(key: string): Text {
  const node = document.createTextNode(t(key))
  bound.set(node, key)
  return node
}

/** Points a text node made by `tx` at another message (a button's busy label, an error). */
export function retext(node: Text, key: string): void {
  bound.set(node, key)
  node.data = t(key)
}

/** Forgets the text nodes of a screen that is gone. */
export function forgetTexts(): void {
  bound.clear()
}

function catalogueOf(language: UiLanguage): Promise<Catalogue> {
  let pending = loads.get(language)
  if (!pending) {
    const english = () => CORE_FILES['../i18n/en.json']?.() ?? Promise.resolve({})
    pending =
      language === 'pseudo'
        ? Promise.all([english(), import('../i18n/pseudo.ts')]).then(([en, pseudo]) =>
            pseudo.pseudoCatalogue(en as Parameters<typeof pseudo.pseudoCatalogue>[0]),
          )
        : (CORE_FILES[`../i18n/${language}.json`]?.() ?? english())
    // Offline: the next attempt downloads again.
    pending.catch(() => loads.delete(language))
    loads.set(language, pending)
  }
  return pending
}

/** How long to wait before asking again for the first messages, when the network dropped them. */
const RETRY_MS = 2000

/**
 * Shows the pages in `language` once its messages are in: every bound text follows, and so does `<html lang>`.
 * Resolves once the latest language asked for shows. Offline, it keeps the language already shown; with none
 * shown yet, it waits and asks again (it never rejects).
 */
export async function showLanguage(language: UiLanguage): Promise<void> {
  wanted = language
  let catalogue: Catalogue
  try {
    catalogue = await catalogueOf(language)
  } catch {
    if (Object.keys(messages).length > 0) return
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS))
    return showLanguage(wanted ?? language)
  }
  // A later choice won: this resolves once that one shows.
  if (wanted !== language) return showLanguage(wanted ?? language)
  messages = catalogue
  markDocumentLanguage(language)
  for (const [node, key] of bound) node.data = t(key)
}
