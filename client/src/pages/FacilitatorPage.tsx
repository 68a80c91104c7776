import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'wouter'
import type { Language } from '../../../shared/session.ts'
import { canFacilitate } from '../constants.ts'
import { applyLanguage, asLanguage, browserLanguage, FACILITATOR_LANGUAGE_KEY } from '../i18n/index.ts'
import { storage } from '../net/storage.ts'
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
import { useRoleToken } from './useRoleToken.ts'

/** /f/:sessionId — the facilitator's (and co-facilitators') control page. */
export default function FacilitatorPage() {
  const { t } = useTranslation()
  const { sessionId = '' } = useParams<{ sessionId: string }>()
  const token = useRoleToken(sessionId)
  const { snapshot, status, fatal, socket, tunnel } = useSession(token)
  const [language, setLanguage] = useState<Language>(
    () => asLanguage(storage.get(FACILITATOR_LANGUAGE_KEY)) ?? browserLanguage() ?? 'en',
  )

  useEffect(() => applyLanguage(language), [language])
  const chooseLanguage = (next: Language) => {
    storage.set(FACILITATOR_LANGUAGE_KEY, next)
    setLanguage(next)
  }

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
      <div className="facilitator-grid">
        <div className="stack">
          <JoinPanel snapshot={snapshot} />
          <Lobby socket={socket} snapshot={snapshot} />
          <ParkingLot tunnel={tunnel} sessionId={snapshot.session.id} />
        </div>
        <div className="stack">
          <LinksPanel socket={socket} snapshot={snapshot} token={token} />
        </div>
      </div>
    </Shell>
  )
}
