import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { currentRound, isLive, type RoomData } from '../../net/useRoom.ts'
import './run.css'

/** The moments of a session the facilitator's page is grouped by. */
export type Moment = 'prepare' | 'run'

/** Which moment the page shows: "run" when it opens on a round under way, otherwise "prepare", then as chosen. */
export function useMoment(room: RoomData | null): [Moment, (m: Moment) => void] {
  const [chosen, setChosen] = useState<Moment | null>(null)
  const [initial, setInitial] = useState<Moment | null>(null)
  useEffect(() => {
    if (room && initial === null) setInitial(isLive(currentRound(room.state)) ? 'run' : 'prepare')
  }, [room, initial])
  return [chosen ?? initial ?? 'prepare', setChosen]
}

/** The switch between the moments, with a dot on "Run" while a round is under way. */
export function MomentNav({
  moment,
  onChange,
  room,
}: {
  moment: Moment
  onChange: (m: Moment) => void
  room: RoomData | null
}) {
  const { t } = useTranslation()
  const live = isLive(currentRound(room?.state))
  return (
    <nav className="moments" aria-label={t('rounds.moments.label')}>
      {(['prepare', 'run'] as const).map((m) => (
        <button
          key={m}
          type="button"
          className="button"
          aria-pressed={moment === m}
          onClick={() => onChange(m)}
          data-testid={`moment-${m}`}
        >
          {t(`rounds.moments.${m}`)}
          {m === 'run' && live ? (
            <>
              <span className="moment-live" aria-hidden="true" />
              <span className="visually-hidden">{t('rounds.moments.live')}</span>
            </>
          ) : null}
        </button>
      ))}
    </nav>
  )
}
