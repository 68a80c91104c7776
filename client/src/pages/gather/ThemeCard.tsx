import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { SummaryTheme } from '../../../../shared/summary.ts'
import type { BoardItem } from './boardModel.ts'
import { DropList } from './DropList.tsx'
import { PointCard } from './PointCard.tsx'

/** A theme: its title and synthesis (edited together), its points, and its dots once a vote ran. */
export function ThemeCard({
  theme,
  items,
  themes,
  votes,
  frozen,
  onRename,
  onSynthesis,
  onDelete,
  onMove,
  onUnmerge,
}: {
  theme: SummaryTheme
  items: BoardItem[]
  themes: SummaryTheme[]
  votes: number | null
  frozen: boolean
  onRename: (title: string) => void
  onSynthesis: (text: string) => void
  onDelete: () => void
  onMove: (ref: string, themeId: string | null) => void
  onUnmerge: (ref: string) => void
}) {
  const { t } = useTranslation()
  const titleId = useId()
  const synthesisId = useId()
  const name = theme.title || t('gather.untitled')
  return (
    <section
      className="theme card"
      aria-label={t('gather.themeRegion', { title: name })}
      data-theme={theme.id}
    >
      <div className="theme-head">
        <label htmlFor={titleId} className="visually-hidden">
          {t('gather.themeTitleLabel')}
        </label>
        <input
          id={titleId}
          className="theme-title"
          type="text"
          value={theme.title}
          maxLength={120}
          placeholder={t('gather.untitled')}
          onChange={(e) => onRename(e.target.value)}
        />
        {votes !== null ? (
          <span className="badge dots-badge">{t('gather.dots', { count: votes })}</span>
        ) : null}
      </div>
      <p className="muted small">{t('gather.pointCount', { count: items.length })}</p>
      <DropList
        label={t('gather.pointsIn', { title: name })}
        onDropPoint={(ref) => onMove(ref, theme.id)}
        empty={t('gather.dropHere')}
      >
        {items.map((item) => (
          <PointCard key={item.ref} item={item} themes={themes} onMove={onMove} onUnmerge={onUnmerge} />
        ))}
      </DropList>
      <label htmlFor={synthesisId} className="synthesis-label">
        {t('gather.synthesisLabel')}
      </label>
      <textarea
        id={synthesisId}
        value={theme.synthesis}
        placeholder={t('gather.synthesisPlaceholder')}
        maxLength={4000}
        rows={3}
        onChange={(e) => onSynthesis(e.target.value)}
      />
      <div className="theme-foot">
        <button
          type="button"
          className="button button-quiet button-small"
          onClick={onDelete}
          disabled={frozen}
        >
          {t('gather.deleteTheme')}
          <span className="visually-hidden">: {name}</span>
        </button>
      </div>
    </section>
  )
}
