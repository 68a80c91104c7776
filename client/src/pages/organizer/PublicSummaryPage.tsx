import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'wouter'
import { applyLanguage, browserLanguage } from '../../i18n/index.ts'
import { Shell } from '../../ui/Shell.tsx'
import { Loading, StateScreen } from '../../ui/StateScreen.tsx'
import './organizer.css'

/** "What we heard" as the public link shows it: no names, no provenance, no notes (the server strips them). */
interface PublicSummary {
  sessionTitle: string
  publishedAt: number
  themes: { title: string; synthesis: string; votes: number; points: { kind: string; text: string }[] }[]
  actions: { text: string; due: string; themeTitle: string | null }[]
  votesCast: number
}

type Load = { state: 'loading' } | { state: 'off' } | { state: 'ready'; summary: PublicSummary | null }

/** /w/:sessionId#secret — the public "what we heard" page for people who were not there. */
export default function PublicSummaryPage() {
  const { t, i18n } = useTranslation()
  const { sessionId = '' } = useParams<{ sessionId: string }>()
  const [load, setLoad] = useState<Load>({ state: 'loading' })

  useEffect(() => applyLanguage(browserLanguage() ?? 'en'), [])
  useEffect(() => {
    // The secret stays in the fragment: the link is meant to be passed on, and servers never see fragments.
    const secret = decodeURIComponent(window.location.hash.replace(/^#/, '')).trim()
    fetch(`/api/public/${encodeURIComponent(sessionId)}`, { headers: { authorization: `Bearer ${secret}` } })
      .then(async (res) => {
        if (!res.ok) return setLoad({ state: 'off' })
        const body = (await res.json()) as { summary: PublicSummary | null }
        setLoad({ state: 'ready', summary: body.summary })
      })
      .catch(() => setLoad({ state: 'off' }))
  }, [sessionId])

  if (load.state === 'loading') return <Loading label={t('organizer.public.loading')} />
  if (load.state === 'off')
    return (
      <StateScreen icon="stop" title={t('organizer.public.offTitle')} body={t('organizer.public.offBody')} />
    )
  const { summary } = load
  if (!summary)
    return <StateScreen title={t('organizer.public.heading')} body={t('organizer.public.nothing')} />
  const date = (ms: number) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date(ms))
  return (
    <Shell>
      <article className="public-summary" aria-labelledby="public-title">
        <p className="eyebrow">{t('organizer.public.heading')}</p>
        <h1 id="public-title">{summary.sessionTitle}</h1>
        <p className="muted">{t('organizer.public.published', { date: date(summary.publishedAt) })}</p>
        {summary.themes.map((theme, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a published summary never changes while shown
          <section key={i} className="card" aria-labelledby={`theme-${i}`}>
            <h2 id={`theme-${i}`}>
              {theme.title}
              {summary.votesCast > 0 ? (
                <span className="badge">{t('organizer.public.votes', { count: theme.votes })}</span>
              ) : null}
            </h2>
            {theme.synthesis ? <p className="preview-text">{theme.synthesis}</p> : null}
            <ul>
              {theme.points.map((p, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <li key={j}>{p.text}</li>
              ))}
            </ul>
          </section>
        ))}
        {summary.actions.length ? (
          <section className="card" aria-labelledby="public-actions">
            <h2 id="public-actions">{t('organizer.public.actions')}</h2>
            <ul>
              {summary.actions.map((a, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <li key={i}>
                  {a.text}
                  {a.due ? (
                    <span className="muted small"> — {t('organizer.public.due', { date: a.due })}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </article>
    </Shell>
  )
}
