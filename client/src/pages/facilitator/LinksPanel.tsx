import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LIMITS } from '../../../../shared/limits.ts'
import type { SessionSnapshot } from '../../../../shared/protocol.ts'
import type { InviteView } from '../../../../shared/session.ts'
import type { ClientSocket } from '../../net/docTunnel.ts'
import { request } from '../../net/request.ts'
import { loadProjectorUrl, saveProjectorUrl } from '../../net/storage.ts'
import { CopyField } from '../../ui/CopyField.tsx'
import { errorText } from '../../ui/errorText.ts'

/** The projector link, co-facilitator invitations, the links already shared, and one's own link. */
export function LinksPanel({
  socket,
  snapshot,
  token,
}: {
  socket: ClientSocket
  snapshot: SessionSnapshot
  token: string
}) {
  const { t } = useTranslation()
  const sessionId = snapshot.session.id
  const [projectorUrl, setProjectorUrl] = useState(() => loadProjectorUrl(sessionId))
  const [label, setLabel] = useState('')
  const [created, setCreated] = useState<{ label: string; url: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const labelId = useId()
  const ownUrl = `${window.location.origin}/f/${sessionId}#${token}`

  const createInvite = async (role: 'projector' | 'cofacilitator', inviteLabel: string) => {
    setBusy(true)
    setError(null)
    const result = await request(socket, 'invite:create', { role, label: inviteLabel })
    setBusy(false)
    if (!result.ok) {
      setError(errorText(t, result.error.code))
      return null
    }
    return result.data.url
  }

  const makeProjectorLink = async () => {
    const url = await createInvite('projector', '')
    if (url) {
      saveProjectorUrl(sessionId, url)
      setProjectorUrl(url)
    }
  }

  const invite = async (event: FormEvent) => {
    event.preventDefault()
    const inviteLabel = label.trim()
    const url = await createInvite('cofacilitator', inviteLabel)
    if (url) {
      setCreated({ label: inviteLabel || t('facilitator.unnamed'), url })
      setLabel('')
    }
  }

  const revoke = async (inviteId: string) => {
    setError(null)
    const result = await request(socket, 'invite:revoke', { inviteId })
    if (!result.ok) setError(errorText(t, result.error.code))
  }

  return (
    <section className="card" aria-labelledby="links-heading">
      <h2 id="links-heading">{t('facilitator.linksHeading')}</h2>
      {error ? (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      ) : null}

      <div className="field">
        {projectorUrl ? (
          <a
            className="button"
            href={projectorUrl}
            target="_blank"
            rel="noopener"
            data-testid="open-projector"
          >
            {t('facilitator.openProjector')}
            <span className="visually-hidden"> {t('common.opensNewTab')}</span>
          </a>
        ) : (
          <button type="button" className="button" disabled={busy} onClick={makeProjectorLink}>
            {busy ? t('facilitator.openingProjector') : t('facilitator.openProjector')}
          </button>
        )}
        <span className="hint">{t('facilitator.projectorHint')}</span>
      </div>

      <h3>{t('facilitator.cofacHeading')}</h3>
      <form onSubmit={invite}>
        <div className="field">
          <label htmlFor={labelId}>{t('facilitator.cofacLabel')}</label>
          <div className="inline-form">
            <input
              id={labelId}
              type="text"
              value={label}
              placeholder={t('facilitator.cofacPlaceholder')}
              maxLength={LIMITS.inviteLabelMaxChars}
              onChange={(e) => setLabel(e.target.value)}
            />
            <button type="submit" className="button button-secondary" disabled={busy}>
              {t('facilitator.createLink')}
            </button>
          </div>
        </div>
      </form>
      {created ? (
        <div className="alert alert-info">
          <p>{t('facilitator.newLink', { label: created.label })}</p>
          <CopyField value={created.url} label={t('facilitator.role.cofacilitator')} />
        </div>
      ) : null}

      <h3>{t('facilitator.invitesHeading')}</h3>
      <InviteList invites={snapshot.invites} onRevoke={revoke} />

      <details>
        <summary>{t('facilitator.ownLinkSummary')}</summary>
        <p className="hint">{t('facilitator.ownLinkHint')}</p>
        <CopyField value={ownUrl} label={t('facilitator.ownLink')} />
      </details>
    </section>
  )
}

function InviteList({ invites, onRevoke }: { invites: InviteView[]; onRevoke: (id: string) => void }) {
  const { t } = useTranslation()
  if (invites.length === 0) return <p className="muted">{t('facilitator.noInvites')}</p>
  return (
    <ul className="invite-list">
      {invites.map((invite) => {
        const label = invite.label || t(`facilitator.role.${invite.role}`)
        return (
          <li key={invite.id}>
            <span>
              {label}
              {invite.label ? (
                <span className="person-sector">{t(`facilitator.role.${invite.role}`)}</span>
              ) : null}
            </span>
            {invite.revoked ? (
              <span className="badge">{t('facilitator.revoked')}</span>
            ) : (
              <button
                type="button"
                className="button button-quiet button-small"
                aria-label={t('facilitator.revokeLabel', { label })}
                onClick={() => onRevoke(invite.id)}
              >
                {t('facilitator.revoke')}
              </button>
            )}
          </li>
        )
      })}
    </ul>
  )
}
