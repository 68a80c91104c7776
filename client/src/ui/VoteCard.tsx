import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VoteView } from '../../../shared/summary.ts'
import type { ClientSocket } from '../net/docTunnel.ts'
import { request } from '../net/request.ts'
import { errorText } from './errorText.ts'
import './gather.css'

/** A phone's dot vote: each theme with its dots, a button to add one and one to take one back. */
export function VoteCard({
  socket,
  vote,
  onVote,
}: {
  socket: ClientSocket
  vote: VoteView
  onVote: (vote: VoteView) => void
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const mine = vote.mine ?? {}
  const used = Object.values(mine).reduce((n, d) => n + d, 0)
  const left = Math.max(0, vote.dotsPerParticipant - used)
  const open = vote.status === 'open'

  const place = async (themeId: string, dots: number) => {
    setError(null)
    setPending(true)
    const previous = vote
    onVote({ ...vote, mine: { ...mine, [themeId]: dots } })
    const result = await request(socket, 'vote:cast', { themeId, dots })
    setPending(false)
    if (result.ok) onVote(result.data)
    else {
      onVote(previous)
      setError(
        result.error.code === 'conflict' ? t('gather.voteClosedError') : errorText(t, result.error.code),
      )
    }
  }

  return (
    <section className="card vote-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{open ? t('gather.voteTitle') : t('gather.voteClosedTitle')}</h2>
      <p className="dots-left" aria-live="polite" aria-atomic="true">
        {open
          ? t('gather.dotsLeft', { count: left, total: vote.dotsPerParticipant })
          : t('gather.voteThanks')}
      </p>
      <ul className="vote-list">
        {vote.themes.map((theme) => {
          const dots = mine[theme.id] ?? 0
          return (
            <li key={theme.id} className={dots > 0 ? 'vote-item vote-item-chosen' : 'vote-item'}>
              <div className="vote-theme">
                <span className="vote-name">{theme.title}</span>
                <span className="vote-pips" role="img" aria-label={t('gather.yourDots', { count: dots })}>
                  {Array.from({ length: vote.dotsPerParticipant }, (_, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a pip is its position
                    <span key={i} className={i < dots ? 'pip pip-on' : 'pip'} />
                  ))}
                </span>
              </div>
              {open ? (
                <div className="vote-buttons">
                  <button
                    type="button"
                    className="button button-quiet vote-button"
                    onClick={() => place(theme.id, dots - 1)}
                    disabled={dots === 0 || pending}
                    aria-label={t('gather.removeDot', { theme: theme.title })}
                  >
                    −
                  </button>
                  <button
                    type="button"
                    className="button vote-button"
                    onClick={() => place(theme.id, dots + 1)}
                    disabled={left === 0 || pending}
                    aria-label={t('gather.addDot', { theme: theme.title })}
                  >
                    +
                  </button>
                </div>
              ) : null}
            </li>
          )
        })}
      </ul>
      {error ? (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  )
}
