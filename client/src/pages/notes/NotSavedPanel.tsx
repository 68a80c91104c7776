import { useTranslation } from 'react-i18next'
import type { NotSaved } from '../../net/notesSync.ts'
import { CopyArea } from './CopyArea.tsx'

/** Text the server did not take, each piece ready to copy, so nothing typed is lost without the person knowing. */
export function NotSavedPanel({
  items,
  reason,
  onDismiss,
}: {
  items: NotSaved[]
  reason: string
  onDismiss?: () => void
}) {
  const { t } = useTranslation()
  if (items.length === 0) return null
  return (
    <div className="alert alert-warning not-saved" data-testid="not-saved">
      <h3 className="not-saved-title">{t('notes.notSaved.heading')}</h3>
      <p>{reason}</p>
      {items.map((item) => (
        <CopyArea
          key={item.target}
          value={item.text}
          label={item.target === 'discussion' ? t('notes.notSaved.discussion') : t('notes.notSaved.point')}
        />
      ))}
      {onDismiss ? (
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          {t('notes.notSaved.dismiss')}
        </button>
      ) : null}
    </div>
  )
}
