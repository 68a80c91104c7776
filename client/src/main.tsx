import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { initI18n } from './i18n/index.ts'
import './styles.css'

const root = document.getElementById('root')
// Render once the first language's messages are in, so no page flashes untranslated keys.
void initI18n().finally(() => {
  if (!root) return
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
})
