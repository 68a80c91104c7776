import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BroadcastView } from '../../../../shared/rounds.ts'
import { storage } from '../../net/storage.ts'
import './round.css'

const dismissedKey = (sessionId: string) => `convene:dismissed:${sessionId}`

function loadDismissed(sessionId: string): Set<string> {
  try {
    const raw = JSON.parse(storage.get(dismissedKey(sessionId)) ?? '[]') as unknown
    return new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [])
  } catch {
    return new Set()
  }
}

/** The messages from the facilitators this screen should show: to everyone, or to its own table. */
export function broadcastsFor(broadcasts: BroadcastView[], groupId: string | null): BroadcastView[] {
  return broadcasts.filter((b) => b.groupId === null || b.groupId === groupId)
}

/**
 * Messages from the facilitators as banners, newest first. On a phone each has a Dismiss button (remembered on
 * this device); on the projector they stay until a facilitator takes them down.
 */
export function BroadcastBanners({
  broadcasts,
  sessionId,
  dismissible,
  className,
}: {
  broadcasts: BroadcastView[]
  sessionId: string
  dismissible: boolean
  className?: string
}) {
  const { t } = useTranslation()
  const [dismissed, setDismissed] = useState(() =>
    dismissible ? loadDismissed(sessionId) : new Set<string>(),
  )
  const shown = broadcasts.filter((b) => !dismissed.has(b.id)).sort((a, b) => b.at - a.at)
  if (shown.length === 0) return null

  const dismiss = (id: string) => {
    const next = new Set(dismissed).add(id)
    setDismissed(next)
    storage.set(dismissedKey(sessionId), JSON.stringify([...next].slice(-50)))
  }

  return (
    <section className={`broadcasts ${className ?? ''}`} aria-label={t('rounds.broadcast.region')}>
      {shown.map((b) => (
        <div key={b.id} className="broadcast-banner" data-testid="broadcast-banner">
          <svg className="broadcast-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
              d="M3 10v4h3l6 4V6L6 10H3zm13.5 2a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4z"
              fill="currentColor"
            />
          </svg>
          <p>
            <span className="visually-hidden">{t('rounds.broadcast.fromFacilitator')} </span>
            {b.text}
          </p>
          {dismissible ? (
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => dismiss(b.id)}
              aria-label={t('rounds.broadcast.dismissLabel', { text: b.text })}
            >
              {t('rounds.broadcast.dismiss')}
            </button>
          ) : null}
        </div>
      ))}
    </section>
  )
}
