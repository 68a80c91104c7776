import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RoomState } from '../../../../shared/rounds.ts'
import type { RoomHandle } from '../../net/useRoom.ts'
import { formatClockTime, formatMinutes } from '../round/format.ts'
import { remainingAgendaMs } from './agenda.ts'

/** "Planned end 4:35 PM (1 h 10 min to go)", refreshed every few seconds. */
export function PlannedEnd({
  state,
  offset,
  plannedMs,
}: {
  state: RoomState
  offset: number
  plannedMs?: number
}) {
  const { t, i18n } = useTranslation()
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5_000)
    return () => clearInterval(timer)
  }, [])
  const left = remainingAgendaMs(state, now, offset, plannedMs)
  if (left <= 0) return null
  return (
    <p className="planned-end" data-testid="planned-end">
      {t('rounds.agenda.plannedEnd', {
        time: formatClockTime(i18n.language, now + left),
        left: formatMinutes(i18n.language, Math.ceil(left / 60_000)),
      })}
    </p>
  )
}

/** "Running late? Shorten the remaining rounds by N minutes", in one action. */
export function ShortenControl({ handle }: { handle: RoomHandle }) {
  const { t } = useTranslation()
  const id = useId()
  const [minutes, setMinutes] = useState('5')
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState('')
  const planned = handle.room?.state.rounds.filter((r) => r.status === 'planned') ?? []
  if (planned.length === 0) return null
  const value = Number(minutes)
  const valid = Number.isInteger(value) && value >= 1 && value <= 600

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!valid) return
    setBusy(true)
    const outcome = await handle.command({ event: 'agenda:shorten', minutes: value })
    setBusy(false)
    setDone(outcome.ok ? t('rounds.shorten.done', { count: value }) : '')
  }

  return (
    <form className="shorten" onSubmit={submit}>
      <label htmlFor={id}>{t('rounds.shorten.label')}</label>
      <div className="inline-form">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={1}
          max={600}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          aria-describedby={`${id}-hint`}
        />
        <button type="submit" className="button button-secondary" disabled={busy || !valid}>
          {t('rounds.shorten.button', { count: valid ? value : 0 })}
        </button>
      </div>
      <span className="hint" id={`${id}-hint`}>
        {t('rounds.shorten.hint', { count: planned.length })}
      </span>
      <span className="hint" role="status">
        {done}
      </span>
    </form>
  )
}
