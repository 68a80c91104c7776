import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'wouter'
import { ERROR_CODES } from '../../../shared/errors.ts'
import type { Language } from '../../../shared/session.ts'
import { applyLanguage, asLanguage, browserLanguage } from '../i18n/index.ts'
import { loadSeat, saveSeat } from '../net/storage.ts'
import { currentRound, isLive, useRoom } from '../net/useRoom.ts'
import { useServerClock } from '../net/useServerClock.ts'
import { useSession } from '../net/useSession.ts'
import { ConnectionBadge } from '../ui/ConnectionBadge.tsx'
import { GatherLivePanel } from '../ui/GatherLivePanel.tsx'
import { LanguageSelect } from '../ui/LanguageSelect.tsx'
import { ParkingLot } from '../ui/ParkingLot.tsx'
import { Shell } from '../ui/Shell.tsx'
import { Loading, StateScreen } from '../ui/StateScreen.tsx'
import { BroadcastBanners, broadcastsFor } from './round/Broadcasts.tsx'
import { ParticipantRound } from './round/ParticipantRound.tsx'
import { RoundEnded } from './round/RoundEnded.tsx'

/** Stands for the label while the message is split around it: a person's name is never read as markup. */
const LABEL_MARK = '\u0000'

/**
 * "Others see you as **Alice**.": the message's `<strong>` part in bold. Split here rather than with react-i18next's
 * Trans, whose HTML parser would be the phone's only use of it.
 */
function ShownAs({ label }: { label: string }) {
  const { t } = useTranslation()
  const [before = '', after = ''] = t('participant.shownAs', { label: LABEL_MARK }).split(
    `<strong>${LABEL_MARK}</strong>`,
  )
  return (
    <>
      {before}
      <strong>{label}</strong>
      {after}
    </>
  )
}

/** /s/:sessionId — a participant's phone: who they are in the room, and the session's shared spaces. */
export default function ParticipantPage() {
  const { t } = useTranslation()
  const { sessionId = '' } = useParams<{ sessionId: string }>()
  const [seat] = useState(() => loadSeat(sessionId))
  const { snapshot, status, fatal, tunnel, socket } = useSession(seat?.token ?? null)
  const { room, chooseGroup } = useRoom(socket)
  const offset = useServerClock(socket)
  const [language, setLanguage] = useState<Language | null>(() => asLanguage(seat?.language))
  const shown: Language = language ?? browserLanguage() ?? snapshot?.session.defaultLanguage ?? 'en'

  useEffect(() => applyLanguage(shown), [shown])

  const chooseLanguage = (next: Language) => {
    setLanguage(next)
    if (seat) saveSeat(sessionId, { ...seat, language: next })
  }

  const home = (
    <Link href="/" className="button">
      {t('common.backHome')}
    </Link>
  )
  if (!seat)
    return (
      <StateScreen title={t('participant.noSeatTitle')} body={t('participant.noSeatBody')} action={home} />
    )
  if (fatal?.code === ERROR_CODES.participantRemoved) {
    return (
      <StateScreen icon="stop" title={t('participant.removedTitle')} body={t('participant.removedBody')} />
    )
  }
  if (fatal)
    return <StateScreen title={t('participant.lostTitle')} body={t('participant.lostBody')} action={home} />
  if (!snapshot) return <Loading label={t('participant.loading')} />
  const { session, me } = snapshot
  if (session.status === 'closed') {
    return <StateScreen icon="done" title={t('participant.endedTitle')} body={t('participant.endedBody')} />
  }
  const footer = (
    <footer className="page-footer">
      <LanguageSelect value={shown} onChange={chooseLanguage} />
    </footer>
  )
  const round = currentRound(room?.state)
  const roundGroup = room?.myGroup && room.myGroup.roundId === round?.id ? room.myGroup : null
  if (room && isLive(round)) {
    return (
      <Shell end={<ConnectionBadge status={status} />}>
        <ParticipantRound
          sessionId={session.id}
          me={me}
          room={room}
          round={round}
          offset={offset}
          chooseGroup={chooseGroup}
          tunnel={tunnel}
        />
        {footer}
      </Shell>
    )
  }

  return (
    <Shell end={<ConnectionBadge status={status} />}>
      <div className="stack">
        {room ? (
          <BroadcastBanners
            broadcasts={broadcastsFor(room.state.broadcasts, roundGroup?.id ?? null)}
            sessionId={session.id}
            dismissible
          />
        ) : null}
        <section className="card" aria-labelledby="session-title">
          <h1 id="session-title">{session.title}</h1>
          {session.welcome ? <p className="welcome">{session.welcome}</p> : null}
          <div className="youre-in">
            <span className="check" aria-hidden="true">
              ✓
            </span>
            <div>
              <h2 className="h-inline">{t('participant.youreIn')}</h2>
              <p className="muted">
                {me.label ? <ShownAs label={me.label} /> : t('participant.shownAsAnonymous')}
              </p>
            </div>
          </div>
          <p className="muted">
            {session.status === 'draft' ? t('participant.draft') : t('participant.waiting')}
          </p>
        </section>
        {/* The vote, or what we heard, is the one thing to do now: it comes before the last round's notes. */}
        <GatherLivePanel socket={socket} viewer="participant" />
        {round?.status === 'ended' ? <RoundEnded round={round} group={roundGroup} tunnel={tunnel} /> : null}
        <ParkingLot tunnel={tunnel} sessionId={session.id} />
      </div>
      {footer}
    </Shell>
  )
}
