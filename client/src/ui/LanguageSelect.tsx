import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '../../../shared/session.ts'
import { LANGUAGES } from '../constants.ts'

/** A labelled English/Español picker. Language names are shown in their own language. */
export function LanguageSelect({
  value,
  onChange,
  label,
  compact,
}: {
  value: Language
  onChange: (language: Language) => void
  label?: string
  compact?: boolean
}) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className={compact ? 'language-select compact' : 'field'}>
      <label htmlFor={id} className={compact ? 'visually-hidden' : undefined}>
        {label ?? t('common.language')}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Language)}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`languages.${lng}`)}
          </option>
        ))}
      </select>
    </div>
  )
}
