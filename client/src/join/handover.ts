import type { UiLanguage } from '../i18n/language.ts'
import { whenIdle } from './dom.ts'

type Boot = typeof import('../boot.tsx')

let app: Promise<Boot> | null = null

/** The React app's boot module (React, i18next and the routes), downloaded once. */
function loadApp(): Promise<Boot> {
  app ??= import('../boot.tsx').catch((error: unknown) => {
    app = null
    throw error
  })
  return app
}

/**
 * Once the join form shows, and the browser is idle, downloads the app a phone needs after Join: React and the
 * participant page in `language` first, then the notes editor. It runs nothing: Join then lands at once, and the
 * editor is already in the tab's module map when a round starts, even with the HTTP cache disabled.
 */
export function warmApp(language: UiLanguage): void {
  whenIdle(() => {
    loadApp()
      .then((boot) => boot.warmParticipant(language))
      .catch(() => {
        // Offline for now: Join downloads what it needs, or falls back to loading the page.
      })
  })
}

/**
 * Hands the tab over to the app, in place: `leave` stops the light pages (their history and title handling),
 * the address becomes `path`, and React renders there, in `language`, replacing the join page when it first draws.
 * Starting in place keeps what `warmApp` downloaded; if the app cannot be loaded, the browser loads `path` instead.
 */
export async function handOver(root: HTMLElement, path: string, language: UiLanguage, leave: () => void) {
  let boot: Boot
  try {
    boot = await loadApp()
  } catch {
    window.location.assign(path)
    return
  }
  leave()
  window.history.pushState(null, '', path)
  await boot.mountApp(root, language)
}
