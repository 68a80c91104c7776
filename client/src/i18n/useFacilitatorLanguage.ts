import { useEffect, useState } from 'react'
import type { Language } from '../../../shared/vocabulary.ts'
import { storage } from '../net/storage.ts'
import { applyLanguage, asLanguage, browserLanguage, FACILITATOR_LANGUAGE_KEY } from './index.ts'

/** The language of the facilitating pages: remembered apart from any participant's, applied while shown. */
export function useFacilitatorLanguage(): [Language, (next: Language) => void] {
  const [language, setLanguage] = useState<Language>(
    () => asLanguage(storage.get(FACILITATOR_LANGUAGE_KEY)) ?? browserLanguage() ?? 'en',
  )
  useEffect(() => applyLanguage(language), [language])
  const choose = (next: Language) => {
    storage.set(FACILITATOR_LANGUAGE_KEY, next)
    setLanguage(next)
  }
  return [language, choose]
}
