import { useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useCopy } from './useCopy.ts'

/**
 * A read-only text field with a Copy button. The clipboard API needs a secure context, which a LAN address over
 * plain HTTP is not: then the text is selected so people can copy it themselves.
 */
export function CopyField({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation()
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [feedback, copy] = useCopy(input, value)

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field">
        <input id={id} ref={input} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button button-secondary" onClick={copy}>
          {t('common.copy')}
        </button>
      </div>
      <span className="hint" role="status" aria-live="polite">
        {feedback === 'copied' ? t('common.copied') : feedback === 'manual' ? t('common.copyManually') : ''}
      </span>
    </div>
  )
}
