import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LIMITS } from '../../../../shared/limits.ts'
import { POINT_KINDS, type PointKind } from '../../../../shared/notes.ts'
import { KindIcon } from './icons.tsx'

/** Adding a key point: one field, a kind chooser, one button. */
export function AddPoint({
  onAdd,
  onTyped,
  full,
}: {
  onAdd: (kind: PointKind, text: string) => boolean
  onTyped: () => void
  full: boolean
}) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const [kind, setKind] = useState<PointKind>('idea')
  const fieldId = useId()
  const name = useId()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (onAdd(kind, text)) setText('')
  }

  return (
    <form className="add-point" onSubmit={submit}>
      <label htmlFor={fieldId}>{t('notes.newPoint')}</label>
      <input
        id={fieldId}
        type="text"
        value={text}
        maxLength={LIMITS.pointMaxChars}
        placeholder={t('notes.newPointPlaceholder')}
        enterKeyHint="send"
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value)
          onTyped()
        }}
        disabled={full}
      />
      <fieldset className="kind-choices">
        <legend className="visually-hidden">{t('notes.kindLegend')}</legend>
        {POINT_KINDS.map((k) => (
          <label key={k} className={`kind-choice kind-choice-${k}`}>
            <input type="radio" name={name} value={k} checked={kind === k} onChange={() => setKind(k)} />
            <KindIcon kind={k} />
            <span>{t(`notes.kinds.${k}`)}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button add-point-button" disabled={full || !text.trim()}>
        {t('notes.add')}
      </button>
      {full ? <p className="hint">{t('notes.full')}</p> : null}
    </form>
  )
}
