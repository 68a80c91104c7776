import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'wouter'
import { canFacilitate } from '../../constants.ts'
import { useFacilitatorLanguage } from '../../i18n/useFacilitatorLanguage.ts'
import { useSession } from '../../net/useSession.ts'
import { ConnectionBadge } from '../../ui/ConnectionBadge.tsx'
import { LanguageSelect } from '../../ui/LanguageSelect.tsx'
import { Shell } from '../../ui/Shell.tsx'
import { Loading, StateScreen } from '../../ui/StateScreen.tsx'
import { useRoleToken } from '../useRoleToken.ts'
import { GatherBoard } from './GatherBoard.tsx'
import { useSummaryDoc } from './useSummaryDoc.ts'
import '../../ui/gather.css'

/** /f/:sessionId/gather — the facilitators' gather board, lazy-loaded apart from the rest. */
export default function GatherPage() {
  const { t } = useTranslation()
  const { sessionId = '' } = useParams<{ sessionId: string }>()
  const token = useRoleToken(sessionId)
  const { snapshot, status, fatal, socket, tunnel } = useSession(token)
  const summary = useSummaryDoc(tunnel, sessionId)
  const [language, chooseLanguage] = useFacilitatorLanguage()

  if (!token) return <StateScreen title={t('facilitator.noTokenTitle')} body={t('facilitator.noTokenBody')} />
  if (fatal) return <StateScreen title={t('facilitator.revokedTitle')} body={t('facilitator.revokedBody')} />
  if (!snapshot || !socket) return <Loading label={t('gather.loading')} />
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
    </Shell>
  )
}
