import { useTranslation } from 'react-i18next'
import { useParams } from 'wouter'
import { canFacilitate } from '../constants.ts'
import { useFacilitatorLanguage } from '../i18n/useFacilitatorLanguage.ts'
import { useRoom } from '../net/useRoom.ts'
import { useServerClock } from '../net/useServerClock.ts'
import { useSession } from '../net/useSession.ts'
import { ConnectionBadge } from '../ui/ConnectionBadge.tsx'
import { LanguageSelect } from '../ui/LanguageSelect.tsx'
import { ParkingLot } from '../ui/ParkingLot.tsx'
import { Shell } from '../ui/Shell.tsx'
import { Loading, StateScreen } from '../ui/StateScreen.tsx'
import { JoinPanel } from './facilitator/JoinPanel.tsx'
import { LinksPanel } from './facilitator/LinksPanel.tsx'
import { Lobby } from './facilitator/Lobby.tsx'
import { SessionHeader } from './facilitator/SessionHeader.tsx'
import { GatherLink } from './gather/GatherLink.tsx'
import { ArchiveLink } from './organizer/ArchiveLink.tsx'
import { AgendaEditor } from './run/AgendaEditor.tsx'
import { MomentNav, useMoment } from './run/Moments.tsx'
import { RoomNoticeBanner, RunMoment } from './run/RunMoment.tsx'
import { useRoleToken } from './useRoleToken.ts'

/** /f/:sessionId — the facilitator's (and co-facilitators') control page. */
export default function FacilitatorPage() {
  const { t } = useTranslation()
  const { sessionId = '' } = useParams<{ sessionId: string }>()
  const token = useRoleToken(sessionId)
  const { snapshot, status, fatal, socket, tunnel } = useSession(token)
  const roomHandle = useRoom(socket, { facilitator: true })
  const offset = useServerClock(socket)
  const [moment, setMoment] = useMoment(roomHandle.room)
  const [language, chooseLanguage] = useFacilitatorLanguage()

  if (!token) return <StateScreen title={t('facilitator.noTokenTitle')} body={t('facilitator.noTokenBody')} />
  if (fatal) return <StateScreen title={t('facilitator.revokedTitle')} body={t('facilitator.revokedBody')} />
  if (!snapshot || !socket) return <Loading label={t('facilitator.loading')} />
  if (!canFacilitate(snapshot.me.role)) {
    return <StateScreen title={t('facilitator.revokedTitle')} body={t('errors.forbidden')} />
  }

  return (
    <Shell
      wide
      end={
        <>
          <ConnectionBadge status={status} />
          <LanguageSelect compact value={language} onChange={chooseLanguage} />
        </>
      }
    >
      <SessionHeader socket={socket} snapshot={snapshot} />
      <MomentNav moment={moment} onChange={setMoment} room={roomHandle.room} />
      {moment === 'run' ? (
        <RunMoment
          handle={roomHandle}
          snapshot={snapshot}
          offset={offset}
          tunnel={tunnel}
          onEditAgenda={() => setMoment('prepare')}
        />
      ) : (
        <div className="facilitator-grid">
          <div className="stack">
            <JoinPanel snapshot={snapshot} />
            <Lobby socket={socket} snapshot={snapshot} />
            {roomHandle.room ? (
              <>
                <RoomNoticeBanner handle={roomHandle} />
                <AgendaEditor handle={roomHandle} offset={offset} />
              </>
            ) : null}
            <ParkingLot tunnel={tunnel} sessionId={snapshot.session.id} />
          </div>
          <div className="stack">
            <LinksPanel socket={socket} snapshot={snapshot} token={token} />
          </div>
        </div>
      )}
      <GatherLink sessionId={snapshot.session.id} />
      <ArchiveLink sessionId={snapshot.session.id} title={snapshot.session.title} />
    </Shell>
  )
}
