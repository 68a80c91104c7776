import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GroupView } from '../../../../shared/rounds.ts'
import type { RoomHandle } from '../../net/useRoom.ts'
import { errorText } from '../../ui/errorText.ts'
import { formatClockTime, tableName } from '../round/format.ts'

const MAX = 280

/** A short message to every table or to one; it shows as a banner until taken down. */
export function BroadcastBox({ handle, groups }: { handle: RoomHandle; groups: GroupView[] }) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [text, setText] = useState('')
  const [to, setTo] = useState('all')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const broadcasts = [...(handle.room?.state.broadcasts ?? [])].sort((a, b) => b.at - a.at)
  const nameOf = (groupId: string | null) => {
    if (groupId === null) return t('rounds.broadcast.everyone')
    const group = groups.find((g) => g.id === groupId)
    return group ? tableName(t, group) : t('rounds.broadcast.oneTable')
  }

  const send = async (event: FormEvent) => {
    event.preventDefault()
    const message = text.trim()
    if (!message) return
    setBusy(true)
    setError(null)
    const groupId = to === 'all' ? null : to
    const outcome = await handle.broadcast(message, groupId)
    setBusy(false)
    if (outcome.ok) {
      setText('')
      setStatus(t('rounds.broadcast.sent', { to: nameOf(groupId) }))
    } else setError(errorText(t, outcome.code))
  }

  return (
    <section className="card" aria-labelledby="broadcast-heading">
      <h2 id="broadcast-heading">{t('rounds.broadcast.heading')}</h2>
      <form onSubmit={send}>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('rounds.broadcast.label')}</label>
          <textarea
            id={`${id}-text`}
            value={text}
            rows={2}
            maxLength={MAX}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={`${id}-count`}
          />
          <span className="hint" id={`${id}-count`}>
            {t('rounds.broadcast.count', { count: MAX - text.length })}
          </span>
        </div>
        <div className="inline-form broadcast-send">
          <label htmlFor={`${id}-to`} className="visually-hidden">
            {t('rounds.broadcast.to')}
          </label>
          <select id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="all">{t('rounds.broadcast.toEveryone')}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {t('rounds.broadcast.toTable', { table: tableName(t, g) })}
              </option>
            ))}
          </select>
          <button type="submit" className="button" disabled={busy || !text.trim()}>
            {t('rounds.broadcast.send')}
          </button>
        </div>
      </form>
      {error ? (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="hint" role="status">
        {status}
      </p>
      {broadcasts.length > 0 ? (
        <>
          <h3>{t('rounds.broadcast.showing')}</h3>
          <ul className="broadcast-list">
            {broadcasts.map((b) => (
              <li key={b.id}>
                <span>
                  {b.text}
                  <span className="person-sector">
                    {nameOf(b.groupId)} · {formatClockTime(i18n.language, b.at)}
                  </span>
                </span>
                <button
                  type="button"
                  className="button button-quiet button-small"
                  aria-label={t('rounds.broadcast.takeDownLabel', { text: b.text })}
                  onClick={() => void handle.dismissBroadcast(b.id)}
                >
                  {t('rounds.broadcast.takeDown')}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
