import i18next from 'i18next'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { initI18n, prefetchLanguage, type UiLanguage } from './i18n/index.ts'
import { preloadEditor, preloadParticipantPage } from './pages/preload.ts'
import { installKeepFocusedInView } from './ui/keepInView.ts'
import { syncTitleWithHeading } from './ui/pageTitle.ts'
import './styles.css'

/**
 * Starts the React app in `root`, once the first language's messages are in (so no page flashes untranslated
 * keys): from index.html, or in place of the light join page once a phone has joined, in the language it chose.
 */
export async function mountApp(root: HTMLElement, language?: UiLanguage): Promise<void> {
  installKeepFocusedInView()
  await initI18n(language).catch(() => {
    // Offline before the messages arrived: render anyway, the page shows its own offline state.
  })
  syncTitleWithHeading(root, () => i18next.t('app.name'))
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}

/**
 * Downloads what a phone shows right after joining, without running it: the participant page and its messages
 * first, then the notes editor a round opens, so Join lands at once and the editor is cached before it is needed.
 * A part that fails is left to the page that needs it, and the editor still comes after.
 */
export async function warmParticipant(language: UiLanguage): Promise<void> {
  await Promise.allSettled([prefetchLanguage(language), preloadParticipantPage()])
  await preloadEditor()
}
