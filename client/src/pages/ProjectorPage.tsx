import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'wouter'
import { applyLanguage } from '../i18n/index.ts'
import { currentRound, isLive, useRoom } from '../net/useRoom.ts'
import { useServerClock } from '../net/useServerClock.ts'
import { useSession } from '../net/useSession.ts'
import { GatherLivePanel } from '../ui/GatherLivePanel.tsx'
import { ParkingLot } from '../ui/ParkingLot.tsx'
import { QrCode, wifiQrText } from '../ui/QrCode.tsx'
import { Loading, StateScreen } from '../ui/StateScreen.tsx'
import { ProjectorRound } from './projector/ProjectorRound.tsx'
import { BroadcastBanners, broadcastsFor } from './round/Broadcasts.tsx'
import { useRoleToken } from './useRoleToken.ts'

/** /p/:sessionId — the big screen: code, QR and link readable from the back of the hall; no controls. */
export default function ProjectorPage() {
  const { t } = useTranslation()
  const { sessionId = '' } = useParams<{ sessionId: string }>()
  const token = useRoleToken(sessionId)
  const { snapshot, fatal, tunnel, socket } = useSession(token)
  const { room } = useRoom(socket)
  const offset = useServerClock(socket)
  const language = snapshot?.session.defaultLanguage

  // The room reads this screen: it speaks the session's default language.
  useEffect(() => {
    if (language) applyLanguage(language)
  }, [language])

  if (!token) return <StateScreen title={t('facilitator.noTokenTitle')} body={t('facilitator.noTokenBody')} />
  if (fatal) return <StateScreen title={t('facilitator.revokedTitle')} body={t('facilitator.revokedBody')} />
  if (!snapshot) return <Loading label={t('projector.loading')} />
  const { session, attendance } = snapshot
  if (session.status === 'closed') {
    return <StateScreen icon="done" title={t('projector.closedTitle')} body={t('projector.closedBody')} />
  }
  const shortUrl = session.joinUrl.replace(/^https?:\/\//, '')
  const round = currentRound(room?.state)
  if (room && isLive(round))
    return <ProjectorRound session={session} room={room} round={round} offset={offset} />

  return (
    <main className="projector">
      <h1 className="projector-title">{session.title}</h1>
      {room ? (
        <BroadcastBanners
          broadcasts={broadcastsFor(room.state.broadcasts, null)}
          sessionId={session.id}
          dismissible={false}
          className="proj-broadcasts"
        />
      ) : null}
      <GatherLivePanel socket={socket} viewer="projector" />
      <div className="projector-main">
        <section aria-labelledby="projector-join">
          <h2 id="projector-join" className="projector-lead">
            {session.status === 'draft' ? t('projector.draft') : t('projector.joinHeading')}
          </h2>
          <p className="visually-hidden">{t('projector.codeLabel')}</p>
          <p className="projector-code" data-testid="projector-code">
            {session.joinCode}
          </p>
          <p className="projector-lead">{t('projector.orGoTo')}</p>
          <p className="projector-url">{shortUrl}</p>
          <p className="projector-count" aria-live="polite" data-testid="projector-count">
            {t('projector.joined', { count: attendance.joined })}
          </p>
        </section>
        <div>
          <QrCode text={session.joinUrl} label={t('projector.qrLabel')} />
          <p className="projector-lead qr-caption">{t('projector.scan')}</p>
        </div>
      </div>
      <div className="projector-footer">
        <ParkingLot tunnel={tunnel} sessionId={session.id} readOnly />
        {session.wifi ? (
          <section className="card" aria-labelledby="projector-wifi">
            <h2 id="projector-wifi">{t('projector.wifiHeading')}</h2>
            <div className="wifi">
              <QrCode
                small
                text={wifiQrText(session.wifi.ssid, session.wifi.password)}
                label={t('projector.wifiQrLabel')}
              />
              <p className="wifi-name">{t('projector.wifiNetwork', { ssid: session.wifi.ssid })}</p>
            </div>
          </section>
        ) : null}
      </div>
    </main>
  )
}
