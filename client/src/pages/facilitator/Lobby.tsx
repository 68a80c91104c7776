import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionSnapshot } from '../../../../shared/protocol.ts'
import type { ParticipantView } from '../../../../shared/session.ts'
import type { ClientSocket } from '../../net/docTunnel.ts'
import { request } from '../../net/request.ts'
import { errorText } from '../../ui/errorText.ts'

/** Who has joined, live, with a two-step Remove per person. */
export function Lobby({ socket, snapshot }: { socket: ClientSocket; snapshot: SessionSnapshot }) {
  const { t } = useTranslation()
  const { participants, attendance } = snapshot
  const [confirming, setConfirming] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const remove = async (participant: ParticipantView) => {
    setError(null)
    const result = await request(socket, 'participant:remove', { participantId: participant.id })
    setConfirming(null)
    if (!result.ok) setError(errorText(t, result.error.code))
  }

  return (
    <section className="card" aria-labelledby="lobby-heading">
      <div className="section-head">
        <h2 id="lobby-heading">{t('facilitator.lobbyHeading')}</h2>
        <p className="muted small" aria-live="polite" data-testid="lobby-count">
          {t('facilitator.lobbyCount', { count: attendance.joined })}
          {attendance.joined > 0 ? ` · ${t('facilitator.onlineCount', { count: attendance.online })}` : ''}
        </p>
      </div>
      {error ? (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      ) : null}
      {participants.length === 0 ? (
        <p className="muted">{t('facilitator.lobbyEmpty')}</p>
      ) : (
        <ul className="lobby-list">
          {participants.map((p) => {
            const name = p.label ?? t('facilitator.anonymousPerson')
            return (
              <li key={p.id} data-testid="lobby-person">
                <span className={p.online ? 'dot dot-online' : 'dot'} aria-hidden="true" />
                <span className="person">
                  {name}
                  <span className="person-sector">
                    {p.sector && p.sector !== p.label ? `${p.sector} · ` : ''}
                    {p.online ? t('facilitator.online') : t('facilitator.away')}
                  </span>
                </span>
                {confirming === p.id ? (
                  <div className="confirm">
                    <p>{t('facilitator.removeConfirm', { name })}</p>
                    <button
                      type="button"
                      className="button button-danger button-small"
                      onClick={() => remove(p)}
                    >
                      {t('facilitator.removeYes')}
                    </button>
                    <button
                      type="button"
                      className="button button-quiet button-small"
                      onClick={() => setConfirming(null)}
                      ref={(el) => el?.focus()}
                    >
                      {t('common.cancel')}
                    </button>
                  </div>
                ) : (
                  <button
                    type="button"
                    className="button button-quiet button-small"
                    aria-label={t('facilitator.removeLabel', { name })}
                    onClick={() => setConfirming(p.id)}
                  >
                    {t('facilitator.remove')}
                  </button>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
