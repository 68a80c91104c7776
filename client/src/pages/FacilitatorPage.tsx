import { useTranslation } from 'react-i18next'
import { useParams } from 'wouter'
import { useFacilitatorLanguage } from '../i18n/useFacilitatorLanguage.ts'
import { useRoom } from '../net/useRoom.ts'
import { useServerClock } from '../net/useServerClock.ts'
import { useSession } from '../net/useSession.ts'
import { ParkingLot } from '../ui/ParkingLot.tsx'
import { FacilitatorShell, facilitatorGate, GateScreen } from './FacilitatorGate.tsx'
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

  const gate = facilitatorGate({ token, fatal, snapshot, loaded: Boolean(socket) })
  if (gate || !token || !snapshot || !socket)
    return <GateScreen gate={gate} loadingLabel={t('facilitator.loading')} />

  return (
    <FacilitatorShell status={status} language={language} onLanguage={chooseLanguage}>
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
    </FacilitatorShell>
  )
}
