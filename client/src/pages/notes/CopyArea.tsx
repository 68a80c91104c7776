import { useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useCopy } from '../../ui/useCopy.ts'

/** Read-only text with a Copy button; without a clipboard (plain HTTP on a LAN) the text is selected instead. */
export function CopyArea({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation()
  const id = useId()
  const area = useRef<HTMLTextAreaElement>(null)
  const [feedback, copy] = useCopy(area, value)

  return (
    <div className="field copy-area">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} ref={area} readOnly value={value} rows={Math.min(6, value.split('\n').length + 1)} />
      <div className="copy-area-actions">
        <button type="button" className="button button-secondary button-small" onClick={copy}>
          {t('common.copy')}
        </button>
        <span className="hint" role="status">
          {feedback === 'copied'
            ? t('common.copied')
            : feedback === 'manual'
              ? t('notes.notSaved.copyManually')
              : ''}
        </span>
      </div>
    </div>
  )
}
