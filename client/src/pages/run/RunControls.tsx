import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCountdown } from '../../../../shared/clock.ts'
import type { RoundView } from '../../../../shared/rounds.ts'
import { useCountdown } from '../../net/useCountdown.ts'
import { currentRound, isLive, type RoomHandle } from '../../net/useRoom.ts'
import { formatMinutes } from '../round/format.ts'
import { PlannedEnd, ShortenControl } from './PlannedEnd.tsx'

/** The round under way and its clock with pause, resume, extend and end; or the next round with Start. */
export function RunControls({
  handle,
  offset,
  joined,
  onEditAgenda,
}: {
  handle: RoomHandle
  offset: number
  joined: number
  onEditAgenda: () => void
}) {
  const { t, i18n } = useTranslation()
  const state = handle.room?.state
  const [busy, setBusy] = useState(false)
  const [confirmEnd, setConfirmEnd] = useState(false)
  const round = currentRound(state)
  const live = isLive(round) ? round : null
  const countdown = useCountdown(live, offset)
  if (!state) return null
  const next = state.rounds.find((r) => r.status === 'planned') ?? null
  const justEnded =
    round?.status === 'ended' ? (
      <p className="alert alert-info" role="status">
        {t('rounds.run.justEnded', { title: round.title })}
      </p>
    ) : null
  const position = (r: RoundView) => state.rounds.findIndex((x) => x.id === r.id) + 1

  const run = async (cmd: Parameters<RoomHandle['command']>[0]) => {
    setBusy(true)
    await handle.command(cmd)
    setBusy(false)
    setConfirmEnd(false)
  }

  return (
    <section className="card run-controls" aria-labelledby="run-heading">
      <div className="section-head">
        <h2 id="run-heading">{t('rounds.run.heading')}</h2>
        <PlannedEnd state={state} offset={offset} />
      </div>
      {live ? (
        <div className="run-live">
          <div className="run-live-head">
            <p className="eyebrow">
              {t('rounds.run.roundOf', { n: position(live), count: state.rounds.length })} ·{' '}
              {t(`rounds.rules.${live.grouping}.name`)}
            </p>
            <h3 className="run-title">{live.title}</h3>
          </div>
          <div
            className={`run-clock ${countdown.timeUp ? 'run-clock-up' : countdown.nearlyDone ? 'run-clock-soon' : ''}`}
          >
            <p
              className="run-clock-time"
              role="timer"
              aria-label={t('rounds.timeLeft')}
              data-testid="run-countdown"
            >
              {formatCountdown(countdown.remainingMs)}
            </p>
            <p className="run-clock-label">
              {countdown.paused
                ? t('rounds.paused')
                : countdown.timeUp
                  ? live.graceMs === null
                    ? t('rounds.run.timeUpWait')
                    : t('rounds.run.timeUpAuto')
                  : t('rounds.timeLeft')}
            </p>
          </div>
          <div className="actions run-buttons">
            {live.status === 'paused' ? (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => run({ event: 'round:resume', roundId: live.id })}
              >
                {t('rounds.run.resume')}
              </button>
            ) : countdown.timeUp ? null : (
              <button
                type="button"
                className="button button-secondary"
                disabled={busy}
                onClick={() => run({ event: 'round:pause', roundId: live.id })}
              >
                {t('rounds.run.pause')}
              </button>
            )}
            {[1, 5].map((minutes) => (
              <button
                key={minutes}
                type="button"
                className="button button-secondary"
                disabled={busy}
                onClick={() => run({ event: 'round:extend', roundId: live.id, minutes })}
              >
                {t('rounds.run.extend', { count: minutes })}
              </button>
            ))}
            <button
              type="button"
              className={countdown.timeUp ? 'button' : 'button button-quiet'}
              disabled={busy || confirmEnd}
              onClick={() => setConfirmEnd(true)}
            >
              {t('rounds.run.end')}
            </button>
          </div>
          {confirmEnd ? (
            <div className="confirm" role="alertdialog" aria-label={t('rounds.run.end')}>
              <p>
                {live.notesAfter === 'readonly' ? t('rounds.run.endConfirmLock') : t('rounds.run.endConfirm')}
              </p>
              <button
                type="button"
                className="button button-danger button-small"
                disabled={busy}
                onClick={() => run({ event: 'round:end', roundId: live.id })}
              >
                {t('rounds.run.endYes')}
              </button>
              <button
                type="button"
                className="button button-quiet button-small"
                onClick={() => setConfirmEnd(false)}
                ref={(el) => el?.focus()}
              >
                {t('common.cancel')}
              </button>
            </div>
          ) : null}
        </div>
      ) : next ? (
        <div className="run-next">
          {justEnded}
          <p className="eyebrow">
            {t('rounds.run.upNext', { n: position(next), count: state.rounds.length })}
          </p>
          <h3 className="run-title">{next.title}</h3>
          <p className="muted">
            {t('rounds.run.nextSummary', {
              duration: formatMinutes(i18n.language, Math.round(next.durationMs / 60_000)),
              rule: t(`rounds.rules.${next.grouping}.name`),
              size: next.groupSize,
            })}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button-big-ish"
              disabled={busy}
              onClick={() => run({ event: 'round:start', roundId: next.id })}
            >
              {t('rounds.run.start')}
            </button>
            <span className="muted small">{t('rounds.run.peopleReady', { count: joined })}</span>
          </div>
        </div>
      ) : (
        <div className="run-next">
          {justEnded}
          <p className="empty-note">
            {state.rounds.length === 0 ? t('rounds.run.noAgenda') : t('rounds.run.allDone')}
          </p>
          <button type="button" className="button button-secondary" onClick={onEditAgenda}>
            {t('rounds.run.editAgenda')}
          </button>
        </div>
      )}
      {state.rounds.length > 0 ? (
        <details className="run-agenda">
          <summary>{t('rounds.run.agendaSummary', { count: state.rounds.length })}</summary>
          <ol className="agenda-done">
            {state.rounds.map((r, i) => (
              <li key={r.id}>
                <span className="agenda-n">{i + 1}</span>
                <span className="agenda-done-title">{r.title}</span>
                <span className="muted small">
                  {formatMinutes(i18n.language, Math.round(r.durationMs / 60_000))}
                </span>
                <span className={`badge badge-${r.status}`}>{t(`rounds.status.${r.status}`)}</span>
              </li>
            ))}
          </ol>
          <button type="button" className="button button-quiet button-small" onClick={onEditAgenda}>
            {t('rounds.run.editAgenda')}
          </button>
          <ShortenControl handle={handle} />
        </details>
      ) : null}
    </section>
  )
}
