import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Provenance, PublishedSummary } from '../../../shared/summary.ts'
import './gather.css'

const where = (provenance: Provenance[]) =>
  [...new Set(provenance.map((p) => [p.groupName, p.name ?? p.sector].filter(Boolean).join(' · ')))].join(
    '; ',
  )

/** A YYYY-MM-DD date in the reader's language, read as a calendar day (no time zone shift). */
function formatDue(due: string, language: string): string {
  const at = Date.parse(`${due}T00:00:00Z`)
  if (Number.isNaN(at)) return due
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(at)
}

/** "What we heard": the published themes (ranked by the room's dots when a vote ran) and the action items. */
export function WhatWeHeard({ summary, large }: { summary: PublishedSummary; large?: boolean }) {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(summary.publishedAt)
  const voted = summary.voters > 0
  const most = Math.max(1, ...summary.themes.map((th) => th.votes))
  return (
    <section className={large ? 'card heard heard-large' : 'card heard'} aria-labelledby={headingId}>
      <p className="eyebrow">{t('gather.heardEyebrow', { time })}</p>
      <h2 id={headingId}>{t('gather.heardTitle')}</h2>
      {voted ? (
        <p className="muted">{t('gather.heardVotes', { count: summary.voters, dots: summary.votesCast })}</p>
      ) : null}
      {summary.themes.length === 0 ? <p className="muted">{t('gather.heardEmpty')}</p> : null}
      <ol className="heard-themes">
        {summary.themes.map((theme) => (
          <li key={theme.id} className="heard-theme">
            <div className="heard-theme-head">
              <h3>{theme.title}</h3>
              {voted ? (
                <span className="badge dots-badge">{t('gather.dots', { count: theme.votes })}</span>
              ) : null}
            </div>
            {voted ? (
              <span className="tally-bar heard-bar" aria-hidden="true">
                <span style={{ width: `${(theme.votes / most) * 100}%` }} />
              </span>
            ) : null}
            {theme.synthesis ? <p className="heard-synthesis">{theme.synthesis}</p> : null}
            {theme.points.length > 0 ? (
              <details className="heard-points" open={large}>
                <summary>{t('gather.heardPoints', { count: theme.points.length })}</summary>
                <ul>
                  {theme.points.map((point, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a published snapshot never reorders
                    <li key={`${theme.id}-${i}`}>
                      <span>{point.text}</span>
                      <span className="muted small heard-where">
                        {point.provenance.length > 1
                          ? t('gather.saidAtWhere', {
                              count: point.provenance.length,
                              where: where(point.provenance),
                            })
                          : where(point.provenance)}
                      </span>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      {summary.actions.length > 0 ? (
        <>
          <h3 className="heard-actions-heading">{t('gather.nextSteps')}</h3>
          <ul className="heard-actions">
            {summary.actions.map((action, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a published snapshot never reorders
              <li key={`${action.text}-${i}`}>
                <strong>{action.text}</strong>
                <span className="muted small">
                  {[
                    action.owner ? t('gather.owner', { owner: action.owner }) : null,
                    action.due ? t('gather.due', { due: formatDue(action.due, i18n.language) }) : null,
                    action.themeTitle,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
