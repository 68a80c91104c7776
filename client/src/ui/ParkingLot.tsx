import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LIMITS } from '../../../shared/limits.ts'
import type { DocTunnel } from '../net/docTunnel.ts'
import { useParkingLot } from '../net/useParkingLot.ts'

/** The session's parking lot: a live list of questions and ideas for later, with a field to add one. */
export function ParkingLot({
  tunnel,
  sessionId,
  readOnly,
  headingLevel = 2,
}: {
  tunnel: DocTunnel | null
  sessionId: string
  readOnly?: boolean
  headingLevel?: 2 | 3
}) {
  const { t } = useTranslation()
  const { items, status, add, ready } = useParkingLot(tunnel, sessionId)
  const [text, setText] = useState('')
  const [announcement, setAnnouncement] = useState('')
  const fieldId = useId()
  const headingId = useId()
  const seen = useRef<number | null>(null)

  // Announce items that arrive after the first load, from anyone, without re-reading the whole list.
  useEffect(() => {
    if (status !== 'synced') return
    if (seen.current !== null && items.length > seen.current) {
      const latest = items[items.length - 1]
      if (latest) setAnnouncement(t('parking.announce', { text: latest.text }))
    }
    seen.current = items.length
  }, [items, status, t])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (add(text)) setText('')
  }

  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <section className="card parking" aria-labelledby={headingId}>
      <div className="section-head">
        <Heading id={headingId}>{t('parking.heading')}</Heading>
        {status === 'synced' && items.length > 0 ? (
          <span className="muted small">{t('parking.count', { count: items.length })}</span>
        ) : null}
      </div>
      <p className="muted">{t('parking.intro')}</p>
      {readOnly ? null : (
        <form className="parking-form" onSubmit={submit}>
          <label htmlFor={fieldId} className="visually-hidden">
            {t('parking.fieldLabel')}
          </label>
          <input
            id={fieldId}
            type="text"
            value={text}
            maxLength={LIMITS.parkingItemMaxChars}
            placeholder={t('parking.placeholder')}
            onChange={(e) => setText(e.target.value)}
            disabled={status === 'closed'}
            enterKeyHint="send"
          />
          <button type="submit" className="button" disabled={!ready || status === 'closed' || !text.trim()}>
            {t('parking.add')}
          </button>
        </form>
      )}
      {status === 'closed' ? (
        <p className="alert alert-error">{t('parking.unavailable')}</p>
      ) : status === 'loading' && items.length === 0 ? (
        <p className="muted" aria-busy="true">
          {t('parking.loading')}
        </p>
      ) : items.length === 0 ? (
        <p className="muted">{t('parking.empty')}</p>
      ) : (
        <ul className="parking-list">
          {items.map((item) => (
            <li key={item.id}>{item.text}</li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </section>
  )
}
