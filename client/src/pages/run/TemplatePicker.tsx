import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TemplateName } from '../../../../shared/rounds.ts'
import { TEMPLATES } from '../round/format.ts'

/** Picks an agenda template and applies it, asking first when it would replace planned rounds. */
export function TemplatePicker({
  busy,
  draftCount,
  onApply,
}: {
  busy: boolean
  draftCount: number
  onApply: (template: TemplateName) => void
}) {
  const { t } = useTranslation()
  const [template, setTemplate] = useState<TemplateName>('community-conversation')
  const [confirm, setConfirm] = useState(false)
  const templateId = useId()
  const apply = () => {
    setConfirm(false)
    onApply(template)
  }
  return (
    <>
      <div className="template-row">
        <div className="field">
          <label htmlFor={templateId}>{t('rounds.agenda.templateLabel')}</label>
          <select
            id={templateId}
            value={template}
            onChange={(e) => {
              setTemplate(e.target.value as TemplateName)
              setConfirm(false)
            }}
            aria-describedby={`${templateId}-hint`}
          >
            {TEMPLATES.map((name) => (
              <option key={name} value={name}>
                {t(`rounds.templates.${name}.name`)}
              </option>
            ))}
          </select>
          <span className="hint" id={`${templateId}-hint`}>
            {t(`rounds.templates.${template}.about`)}
          </span>
        </div>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => (draftCount > 0 ? setConfirm(true) : apply())}
        >
          {t('rounds.agenda.useTemplate')}
        </button>
      </div>
      {confirm ? (
        <div className="confirm" role="alertdialog" aria-label={t('rounds.agenda.useTemplate')}>
          <p>{t('rounds.agenda.templateConfirm', { count: draftCount })}</p>
          <button type="button" className="button button-danger button-small" onClick={apply}>
            {t('rounds.agenda.templateReplace')}
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={() => setConfirm(false)}
            ref={(el) => el?.focus()}
          >
            {t('common.cancel')}
          </button>
        </div>
      ) : null}
    </>
  )
}
