import i18next from 'i18next'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { initI18n } from './i18n/index.ts'
import { installKeepFocusedInView } from './ui/keepInView.ts'
import { syncTitleWithHeading } from './ui/pageTitle.ts'
import './styles.css'

const root = document.getElementById('root')
installKeepFocusedInView()
// Render once the first language's messages are in, so no page flashes untranslated keys.
void initI18n().finally(() => {
  if (!root) return
  syncTitleWithHeading(root, () => i18next.t('app.name'))
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
})
