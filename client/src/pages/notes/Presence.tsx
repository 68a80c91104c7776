import type { TFunction } from 'i18next'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { PresentUser } from '../../net/useNotesPresence.ts'

/** How often arrivals may be announced, at most: a table filling up is one sentence, not six. */
export const ARRIVAL_ANNOUNCE_MS = 5_000

/** The name a person shows with: their name, else their sector, else their role. */
export function personName(t: TFunction, user: Pick<PresentUser, 'name' | 'sector' | 'role'>): string {
  if (user.name) return user.name
  if (user.sector) return user.sector
  return user.role === 'participant' ? t('notes.presence.someone') : t('notes.presence.facilitator')
}

/** Who else is in these notes now, and who is typing; arrivals are announced politely and throttled. */
export function Presence({
  others,
  online,
  announce,
}: {
  others: PresentUser[]
  online: boolean
  announce: (message: string) => void
}) {
  const { t } = useTranslation()
  const seen = useRef<Set<string> | null>(null)
  const waiting = useRef<string[]>([])
  const lastAnnounced = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    const keys = new Set(others.map((o) => o.key))
    if (seen.current === null) {
      // The people already here when the notes open are not "arriving".
      if (online) seen.current = keys
      return
    }
    for (const other of others) {
      if (!seen.current.has(other.key)) waiting.current.push(personName(t, other))
    }
    seen.current = keys
    if (waiting.current.length === 0) return
    const flush = () => {
      if (waiting.current.length === 0) return
      announce(
        t('notes.presence.arrived', { names: waiting.current.join(', '), count: waiting.current.length }),
      )
      waiting.current = []
      lastAnnounced.current = Date.now()
    }
    clearTimeout(timer.current)
    const wait = lastAnnounced.current + ARRIVAL_ANNOUNCE_MS - Date.now()
    if (wait <= 0) flush()
    else timer.current = setTimeout(flush, wait)
  }, [others, online, announce, t])

  useEffect(() => () => clearTimeout(timer.current), [])

  const typing = others.filter((o) => o.typing).map((o) => personName(t, o))
  return (
    <div className="presence">
      <ul className="presence-list" aria-label={t('notes.presence.label')}>
        <li className="presence-person presence-me">{t('notes.presence.you')}</li>
        {others.map((other) => (
          <li key={other.key} className="presence-person">
            <span className="presence-dot" style={{ background: other.color }} aria-hidden="true" />
            {personName(t, other)}
          </li>
        ))}
      </ul>
      <p className="presence-typing small muted" data-testid="typing">
        {typing.length > 0
          ? t('notes.presence.typing', { names: typing.join(', '), count: typing.length })
          : ''}
      </p>
    </div>
  )
}
