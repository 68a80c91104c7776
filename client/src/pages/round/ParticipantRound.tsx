import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCountdown } from '../../../../shared/clock.ts'
import type { GroupSeats, GroupView, RoundView } from '../../../../shared/rounds.ts'
import type { Me } from '../../../../shared/session.ts'
import type { DocTunnel } from '../../net/docTunnel.ts'
import { type ClockNotice, useClockNotices, useCountdown } from '../../net/useCountdown.ts'
import type { CommandOutcome, RoomData } from '../../net/useRoom.ts'
import { errorText } from '../../ui/errorText.ts'
import { BroadcastBanners, broadcastsFor } from './Broadcasts.tsx'
import { memberDetail, memberName, tableName } from './format.ts'
import { NotesSlot } from './NotesSlot.tsx'
import './round.css'

/** Buzzes a phone that can, briefly; never required. */
function vibrate() {
  try {
    if (typeof navigator.vibrate === 'function') navigator.vibrate([200, 100, 200])
  } catch {
    // Some browsers refuse without a recent tap: the banner is enough.
  }
}

/** A participant's phone during a round: their table, its people, the prompts, the clock, broadcasts and notes. */
export function ParticipantRound({
  sessionId,
  me,
  room,
  round,
  offset,
  chooseGroup,
  tunnel,
}: {
  sessionId: string
  me: Me
  room: RoomData
  round: RoundView
  offset: number
  chooseGroup: (groupId: string) => Promise<CommandOutcome>
  tunnel: DocTunnel | null
}) {
  const { t } = useTranslation()
  const countdown = useCountdown(round, offset)
  const [announcement, setAnnouncement] = useState('')
  const [picking, setPicking] = useState(false)
  const myGroup = room.myGroup?.roundId === round.id ? room.myGroup : null
  const selfSelect = round.grouping === 'self-select'

  useClockNotices(round.id, countdown, (notice: ClockNotice) => {
    if (notice === 'timeUp') {
      setAnnouncement(t('rounds.timeUpAnnounce'))
      vibrate()
    } else setAnnouncement(t('rounds.twoMinutesAnnounce'))
  })

  // A move by the facilitator switches the table live, and says so once.
  const seenGroup = useRef<string | null | undefined>(undefined)
  useEffect(() => {
    const id = myGroup?.id ?? null
    if (seenGroup.current !== undefined && id && seenGroup.current !== id && myGroup) {
      setAnnouncement(t('rounds.movedAnnounce', { table: tableName(t, myGroup) }))
    }
    seenGroup.current = id
  }, [myGroup, t])

  // New messages from the facilitators are read out once.
  const myGroupId = myGroup?.id ?? null
  const mine = useMemo(
    () => broadcastsFor(room.state.broadcasts, myGroupId),
    [room.state.broadcasts, myGroupId],
  )
  const seenBroadcasts = useRef<Set<string> | null>(null)
  useEffect(() => {
    const ids = new Set(mine.map((b) => b.id))
    if (seenBroadcasts.current) {
      const fresh = mine.find((b) => !seenBroadcasts.current?.has(b.id))
      if (fresh) setAnnouncement(t('rounds.broadcast.announce', { text: fresh.text }))
    }
    seenBroadcasts.current = ids
  }, [mine, t])

  const live = (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="round-announcer">
      {announcement}
    </p>
  )

  if (selfSelect && (!myGroup || picking)) {
    return (
      <div className="stack round-phone">
        <BroadcastBanners broadcasts={mine} sessionId={sessionId} dismissible />
        <PickTable
          round={round}
          groups={room.seats?.roundId === round.id ? room.seats.groups : []}
          currentId={myGroup?.id ?? null}
          onChoose={async (groupId) => {
            const outcome = await chooseGroup(groupId)
            if (outcome.ok) setPicking(false)
            return outcome
          }}
          onCancel={myGroup ? () => setPicking(false) : undefined}
        />
        <RoundClock countdown={countdown} compact />
        {live}
      </div>
    )
  }

  return (
    <div className="stack round-phone">
      <BroadcastBanners broadcasts={mine} sessionId={sessionId} dismissible />
      {countdown.timeUp ? (
        <div className="times-up-banner" data-testid="times-up">
          <strong>{t('rounds.timeUp')}</strong>
          <span>{t('rounds.timeUpPhone')}</span>
        </div>
      ) : null}
      <section className="card round-hero" aria-labelledby="my-table">
        <p className="eyebrow">{round.title}</p>
        {myGroup ? (
          <h1 id="my-table" className="table-number" data-testid="my-table">
            {tableName(t, myGroup)}
          </h1>
        ) : (
          <>
            <h1 id="my-table">{t('rounds.findingTable')}</h1>
            <p className="muted">{t('rounds.findingTableBody')}</p>
          </>
        )}
        <RoundClock countdown={countdown} />
        {selfSelect && myGroup ? (
          <button type="button" className="button button-quiet" onClick={() => setPicking(true)}>
            {t('rounds.pick.change')}
          </button>
        ) : null}
      </section>

      <section className="card" aria-labelledby="round-prompts">
        <h2 id="round-prompts">{t('rounds.prompts', { count: round.prompts.length })}</h2>
        {round.prompts.length === 1 ? (
          <p className="prompt">{round.prompts[0]}</p>
        ) : (
          <ol className="prompt-list">
            {round.prompts.map((p) => (
              <li key={p} className="prompt">
                {p}
              </li>
            ))}
          </ol>
        )}
      </section>

      {myGroup ? (
        <>
          <TableMembers group={myGroup} meId={me.id} />
          <section className="card" aria-labelledby="round-notes">
            <h2 id="round-notes">{t('rounds.notes.heading')}</h2>
            <NotesSlot docName={myGroup.docName} writable tunnel={tunnel} />
          </section>
        </>
      ) : null}
      {live}
    </div>
  )
}

/** The round's clock on a phone: "12:34 left", "Paused", with the two-minute notice. */
function RoundClock({
  countdown,
  compact,
}: {
  countdown: ReturnType<typeof useCountdown>
  compact?: boolean
}) {
  const { t } = useTranslation()
  const state = countdown.paused ? 'paused' : countdown.timeUp ? 'up' : countdown.nearlyDone ? 'soon' : 'on'
  const label = countdown.paused
    ? t('rounds.paused')
    : countdown.timeUp
      ? t('rounds.timeUp')
      : countdown.nearlyDone
        ? t('rounds.twoMinutes')
        : t('rounds.timeLeft')
  // The timer is named by its state ("Time left", "Paused"), so a screen reader says it once, not twice; it is
  // not a live region: the two-minute notice and time up are announced once by the page's announcer.
  return (
    <div className={`round-clock round-clock-${state}${compact ? ' round-clock-compact' : ''}`}>
      <p className="round-clock-time" role="timer" aria-label={label} data-testid="countdown">
        {formatCountdown(countdown.remainingMs)}
      </p>
      <p className="round-clock-label" aria-hidden="true">
        {label}
      </p>
    </div>
  )
}

function TableMembers({ group, meId }: { group: GroupView; meId: string }) {
  const { t } = useTranslation()
  return (
    <section className="card" aria-labelledby="round-members">
      <h2 id="round-members">{t('rounds.atYourTable', { count: group.members.length })}</h2>
      <ul className="member-list">
        {group.members.map((m) => {
          const detail = memberDetail(m)
          return (
            <li key={m.id}>
              <span className={m.online ? 'dot dot-online' : 'dot'} aria-hidden="true" />
              <span>
                {m.id === meId ? t('rounds.you', { name: memberName(t, m) }) : memberName(t, m)}
                {detail ? <span className="visually-hidden">, </span> : null}
                {detail ? <span className="person-sector">{detail}</span> : null}
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/** A self-select round: the tables with room, one big button each. */
function PickTable({
  round,
  groups,
  currentId,
  onChoose,
  onCancel,
}: {
  round: RoundView
  groups: GroupSeats[]
  currentId: string | null
  onChoose: (groupId: string) => Promise<CommandOutcome>
  onCancel?: () => void
}) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const choose = async (groupId: string) => {
    setBusy(groupId)
    setError(null)
    const outcome = await onChoose(groupId)
    setBusy(null)
    if (!outcome.ok)
      setError(outcome.code === 'conflict' ? t('rounds.pick.full') : errorText(t, outcome.code))
  }
  return (
    <section className="card" aria-labelledby="pick-heading">
      <p className="eyebrow">{round.title}</p>
      <h1 id="pick-heading">{t('rounds.pick.heading')}</h1>
      <p className="muted">{t('rounds.pick.body', { count: round.groupSize })}</p>
      {error ? (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      ) : null}
      {groups.length === 0 ? (
        <p className="muted">{t('rounds.pick.none')}</p>
      ) : (
        <ul className="pick-list">
          {groups.map((g) => {
            const mine = g.id === currentId
            const full = g.seated >= round.groupSize && !mine
            return (
              <li key={g.id}>
                <button
                  type="button"
                  className="button button-secondary pick-button"
                  disabled={full || busy !== null || mine}
                  onClick={() => choose(g.id)}
                >
                  <span className="pick-name">{tableName(t, g)}</span>
                  <span className="pick-count">
                    {mine
                      ? t('rounds.pick.yours')
                      : full
                        ? t('rounds.pick.fullShort')
                        : t('rounds.pick.seats', { seated: g.seated, count: round.groupSize })}
                  </span>
                </button>
              </li>
            )
          })}
        </ul>
      )}
      {onCancel ? (
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      ) : null}
    </section>
  )
}
