import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PublishedSummary, VoteView } from '../../../../shared/summary.ts'
import type { ClientSocket } from '../../net/docTunnel.ts'
import { request } from '../../net/request.ts'
import { errorText } from '../../ui/errorText.ts'
import { VoteTallies } from '../../ui/VoteTallies.tsx'

/** The room's part: open and close a dot vote, watch the tallies, and publish "what we heard". */
export function VotePanel({
  socket,
  vote,
  published,
  themeCount,
  onVote,
}: {
  socket: ClientSocket
  vote: VoteView | null
  published: PublishedSummary | null
  themeCount: number
  onVote: (vote: VoteView) => void
}) {
  const { t, i18n } = useTranslation()
  const dotsId = useId()
  const voteHeading = useId()
  const publishHeading = useId()
  const [dots, setDots] = useState(3)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState('')

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    await action()
    setBusy(false)
  }
  const open = () =>
    run(async () => {
      const result = await request(socket, 'vote:open', { dotsPerParticipant: dots })
      if (result.ok) onVote(result.data)
      else setError(errorText(t, result.error.code))
    })
  const close = () =>
    run(async () => {
      const result = await request(socket, 'vote:close')
      if (result.ok) onVote(result.data)
      else setError(errorText(t, result.error.code))
    })
  const publish = () =>
    run(async () => {
      const result = await request(socket, 'summary:publish')
      if (result.ok) setNotice(t('gather.publishedNotice'))
      else setError(errorText(t, result.error.code))
    })

  const status = vote?.status ?? 'none'
  const time = (at: number) => new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(at)
  return (
    <div className="stack">
      <section className="card" aria-labelledby={voteHeading}>
        <div className="section-head">
          <h2 id={voteHeading}>{t('gather.voteHeading')}</h2>
          <span className={status === 'open' ? 'badge badge-open' : 'badge'}>
            {t(`gather.voteStatus.${status}`)}
          </span>
        </div>
        {status === 'open' ? (
          <>
            <p className="muted small">
              {t('gather.voteOpenNote', { count: vote?.dotsPerParticipant ?? 0 })}
            </p>
            <button type="button" className="button" onClick={close} disabled={busy}>
              {t('gather.closeVote')}
            </button>
          </>
        ) : (
          <>
            <p className="muted small">{t('gather.voteIntro')}</p>
            <div className="inline-field">
              <label htmlFor={dotsId}>{t('gather.dotsPerPerson')}</label>
              <input
                id={dotsId}
                type="number"
                min={1}
                max={10}
                value={dots}
                onChange={(e) => setDots(Math.min(10, Math.max(1, Number(e.target.value) || 1)))}
              />
            </div>
            <button type="button" className="button" onClick={open} disabled={busy || themeCount === 0}>
              {status === 'closed' ? t('gather.openNewVote') : t('gather.openVote')}
            </button>
            {themeCount === 0 ? <p className="hint">{t('gather.voteNeedsThemes')}</p> : null}
          </>
        )}
        {vote && status !== 'none' ? <VoteTallies vote={vote} /> : null}
      </section>
      <section className="card" aria-labelledby={publishHeading}>
        <h2 id={publishHeading}>{t('gather.publishHeading')}</h2>
        <p className="muted small">
          {published
            ? t('gather.publishedAt', { time: time(published.publishedAt) })
            : t('gather.publishIntro')}
        </p>
        <button type="button" className="button" onClick={publish} disabled={busy}>
          {published ? t('gather.republish') : t('gather.publish')}
        </button>
        <p className="visually-hidden" aria-live="polite">
          {notice}
        </p>
      </section>
      {error ? (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
