import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCountdown } from '../../../../shared/clock.ts'
import type { RoundView } from '../../../../shared/rounds.ts'
import type { SessionView } from '../../../../shared/session.ts'
import { type ClockNotice, useClockNotices, useCountdown } from '../../net/useCountdown.ts'
import type { RoomData } from '../../net/useRoom.ts'
import { QrCode } from '../../ui/QrCode.tsx'
import { BroadcastBanners, broadcastsFor } from '../round/Broadcasts.tsx'
import './projector.css'

/** The big screen during a round: the prompt, a very large timer, the join QR for late arrivals, broadcasts. */
export function ProjectorRound({
  session,
  room,
  round,
  offset,
}: {
  session: SessionView
  room: RoomData
  round: RoundView
  offset: number
}) {
  const { t } = useTranslation()
  const countdown = useCountdown(round, offset)
  const [announcement, setAnnouncement] = useState('')
  useClockNotices(round.id, countdown, (notice: ClockNotice) =>
    setAnnouncement(notice === 'timeUp' ? t('rounds.timeUpAnnounce') : t('rounds.twoMinutesAnnounce')),
  )
  const state = countdown.paused ? 'paused' : countdown.timeUp ? 'up' : countdown.nearlyDone ? 'soon' : 'on'
  // The timer is named by its state and said once; it is not a live region (the page announces the notices).
  const clockLabel = countdown.paused
    ? t('rounds.paused')
    : countdown.nearlyDone
      ? t('rounds.twoMinutes')
      : t('rounds.timeLeft')
  const toAll = broadcastsFor(room.state.broadcasts, null).filter((b) => b.groupId === null)
  const count = room.state.rounds.length
  const position = room.state.rounds.findIndex((r) => r.id === round.id) + 1

  return (
    <main className="projector proj-round" data-testid="projector-round">
      <header className="proj-round-head">
        <p className="proj-round-step">{t('rounds.projector.roundOf', { n: position, count })}</p>
        <h1 className="proj-round-title">{round.title}</h1>
      </header>
      <BroadcastBanners
        broadcasts={toAll}
        sessionId={session.id}
        dismissible={false}
        className="proj-broadcasts"
      />
      <div className="proj-round-body">
        <section className="proj-prompts" aria-label={t('rounds.prompts', { count: round.prompts.length })}>
          {round.prompts.length === 1 ? (
            <p className="proj-prompt">{round.prompts[0]}</p>
          ) : (
            <ol className="proj-prompt-list">
              {round.prompts.map((p) => (
                <li key={p} className="proj-prompt">
                  {p}
                </li>
              ))}
            </ol>
          )}
        </section>
        <div className={`proj-timer proj-timer-${state}`}>
          <p
            className="proj-timer-time"
            role="timer"
            aria-label={clockLabel}
            data-testid="projector-countdown"
          >
            {formatCountdown(countdown.remainingMs)}
          </p>
          <p className="proj-timer-label" aria-hidden="true">
            {clockLabel}
          </p>
        </div>
      </div>
      <aside className="proj-join" aria-label={t('rounds.projector.lateHeading')}>
        <QrCode small text={session.joinUrl} label={t('projector.qrLabel')} />
        <div>
          <p className="proj-join-lead">{t('rounds.projector.late')}</p>
          <p className="proj-join-code">{session.joinCode}</p>
        </div>
      </aside>
      {countdown.timeUp ? (
        <div className="proj-times-up" data-testid="projector-times-up">
          <p>{t('rounds.timeUp')}</p>
          <p className="proj-times-up-sub">{t('rounds.projector.timeUpSub')}</p>
        </div>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </main>
  )
}
