import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'wouter'
import { useFacilitatorLanguage } from '../../i18n/useFacilitatorLanguage.ts'
import { useSession } from '../../net/useSession.ts'
import { useRoleToken } from '../useRoleToken.ts'
import { GatherBoard } from './GatherBoard.tsx'
import { useSummaryDoc } from './useSummaryDoc.ts'
import '../../ui/gather.css'
import { FacilitatorShell, facilitatorGate, GateScreen } from '../FacilitatorGate.tsx'

/** /f/:sessionId/gather — the facilitators' gather board, lazy-loaded apart from the rest. */
export default function GatherPage() {
  const { t } = useTranslation()
  const { sessionId = '' } = useParams<{ sessionId: string }>()
  const token = useRoleToken(sessionId)
  const { snapshot, status, fatal, socket, tunnel } = useSession(token)
  const summary = useSummaryDoc(tunnel, sessionId)
  const [language, chooseLanguage] = useFacilitatorLanguage()

  const gate = facilitatorGate({ token, fatal, snapshot, loaded: Boolean(socket) })
  if (gate || !token || !snapshot || !socket)
    return <GateScreen gate={gate} loadingLabel={t('gather.loading')} />

  return (
    <FacilitatorShell status={status} language={language} onLanguage={chooseLanguage}>
      <div className="gather-head">
        <div>
          <p className="eyebrow">{snapshot.session.title}</p>
          <h1>{t('gather.title')}</h1>
        </div>
        <Link href={`/f/${sessionId}`} className="button button-quiet">
          {t('gather.back')}
        </Link>
      </div>
      <p className="muted gather-intro">{t('gather.intro')}</p>
      {summary.status === 'closed' ? (
        <p className="alert alert-error" role="alert">
          {t('gather.summaryUnavailable')}
        </p>
      ) : summary.doc && summary.status === 'synced' ? (
        <GatherBoard socket={socket} doc={summary.doc} version={summary.version} />
      ) : (
        <p className="muted" aria-busy="true">
          {t('gather.loadingSummary')}
        </p>
      )}
    </FacilitatorShell>
  )
}
