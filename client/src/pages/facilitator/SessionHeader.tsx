import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionSnapshot } from '../../../../shared/protocol.ts'
import type { SessionStatus } from '../../../../shared/session.ts'
import type { ClientSocket } from '../../net/docTunnel.ts'
import { request } from '../../net/request.ts'
import { errorText } from '../../ui/errorText.ts'

/** Title, status and the lifecycle controls: open a draft, close (after a confirm), reopen. */
export function SessionHeader({ socket, snapshot }: { socket: ClientSocket; snapshot: SessionSnapshot }) {
  const { t } = useTranslation()
  const { session, me } = snapshot
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const setStatus = async (status: SessionStatus) => {
    setBusy(true)
    setError(null)
    const result = await request(socket, 'session:status', { status })
    setBusy(false)
    setConfirming(false)
    if (!result.ok) setError(errorText(t, result.error.code))
  }

  const badgeClass =
    session.status === 'open'
      ? 'badge badge-open'
      : session.status === 'closed'
        ? 'badge badge-closed'
        : 'badge'
  return (
    <div className="card session-card">
      <div className="session-head">
        <div>
          <p className="eyebrow">
            {me.role === 'cofacilitator'
              ? t('facilitator.roleCofacilitator')
              : t('facilitator.roleFacilitator')}
          </p>
          <h1>{session.title}</h1>
        </div>
        <div className="actions">
          <span className={badgeClass}>{t(`status.${session.status}`)}</span>
          {session.status === 'draft' ? (
            <button type="button" className="button" disabled={busy} onClick={() => setStatus('open')}>
              {t('facilitator.openSession')}
            </button>
          ) : session.status === 'open' ? (
            <button
              type="button"
              className="button button-quiet"
              disabled={busy || confirming}
              onClick={() => setConfirming(true)}
            >
              {t('facilitator.closeSession')}
            </button>
          ) : (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => setStatus('open')}
            >
              {t('facilitator.reopenSession')}
            </button>
          )}
        </div>
      </div>
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-label={t('facilitator.closeSession')}>
          <p>{t('facilitator.confirmClose')}</p>
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() => setStatus('closed')}
          >
            {t('facilitator.confirmCloseYes')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => setConfirming(false)}
            ref={(el) => el?.focus()}
          >
            {t('common.cancel')}
          </button>
        </div>
      ) : null}
      {session.status === 'draft' ? <p className="alert alert-info">{t('facilitator.draftNote')}</p> : null}
      {session.status === 'closed' ? <p className="alert alert-info">{t('facilitator.closedNote')}</p> : null}
      {error ? (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
