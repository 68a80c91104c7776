import { useTranslation } from 'react-i18next'
import type { VoteView } from '../../../shared/summary.ts'
import './gather.css'

/** Dots per theme as bars, most first; read out politely as they change. */
export function VoteTallies({ vote, large }: { vote: VoteView; large?: boolean }) {
  const { t } = useTranslation()
  const tally = vote.tally
  if (!tally) return null
  const rows = vote.themes
    .map((theme, order) => ({ ...theme, order, dots: tally.totals[theme.id] ?? 0 }))
    .sort((a, b) => b.dots - a.dots || a.order - b.order)
  const most = Math.max(1, ...rows.map((r) => r.dots))
  return (
    <div className={large ? 'tallies tallies-large' : 'tallies'}>
      <p className="tally-summary" aria-live="polite" aria-atomic="true">
        {t('gather.tallySummary', { count: tally.voters, dots: tally.dotsCast })}
      </p>
      <ol className="tally-list">
        {rows.map((row) => (
          <li key={row.id} className="tally-row">
            <span className="tally-title">{row.title}</span>
            <span className="tally-bar" aria-hidden="true">
              <span style={{ width: `${(row.dots / most) * 100}%` }} />
            </span>
            <span className="tally-count">{t('gather.dots', { count: row.dots })}</span>
          </li>
        ))}
      </ol>
    </div>
  )
}
