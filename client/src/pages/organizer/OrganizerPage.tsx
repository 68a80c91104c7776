import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'wouter'
import type { SessionArchive } from '../../../../shared/archiveSchema.ts'
import type { Role } from '../../../../shared/session.ts'
import { canFacilitate } from '../../constants.ts'
import { useFacilitatorLanguage } from '../../i18n/useFacilitatorLanguage.ts'
import { request } from '../../net/request.ts'
import { useSession } from '../../net/useSession.ts'
import { StateScreen } from '../../ui/StateScreen.tsx'
import { FacilitatorShell, facilitatorGate, GateScreen } from '../FacilitatorGate.tsx'
import { useRoleToken } from '../useRoleToken.ts'
import { ArchivePreview } from './ArchivePreview.tsx'
import { DataPanel } from './DataPanel.tsx'
import { ExportPanel } from './ExportPanel.tsx'
import { rememberSession } from './savedSessions.ts'

/** Roles that may read and export (the server checks again). */
const mayOrganize = (role: Role) => canFacilitate(role) || role === 'organizer'

/**
 * /o/:sessionId#token — the organizer's page: read the session, export it, share the summary, manage its data. The
 * facilitator reaches the same page at /f/:sessionId/archive with their own link. No control of the session here.
 */
export default function OrganizerPage() {
  const { t } = useTranslation()
  const { sessionId = '' } = useParams<{ sessionId: string }>()
  const token = useRoleToken(sessionId)
  const { snapshot, status, fatal, socket } = useSession(token)
  const [archive, setArchive] = useState<SessionArchive | null>(null)
  const [deleted, setDeleted] = useState(false)
  const [language, chooseLanguage] = useFacilitatorLanguage()

  const title = snapshot?.session.title
  const role = snapshot?.me.role
  useEffect(() => {
    if (title && role && mayOrganize(role))
      rememberSession({ sessionId, title, role: role === 'organizer' ? 'organizer' : 'facilitator' })
  }, [sessionId, title, role])

  useEffect(() => {
    if (!socket || !snapshot) return
    let live = true
    request(socket, 'archive:preview').then((r) => {
      if (live && r.ok) setArchive(r.data)
    })
    return () => {
      live = false
    }
  }, [socket, snapshot])

  if (deleted)
    return (
      <StateScreen
        icon="done"
        title={t('organizer.retention.deleted')}
        action={
          <Link href="/archive" className="button">
            {t('organizer.archive.heading')}
          </Link>
        }
      />
    )
  const gate = facilitatorGate({ token, fatal, snapshot, loaded: Boolean(socket), allowed: mayOrganize })
  if (gate || !token || !snapshot || !socket)
    return <GateScreen gate={gate} loadingLabel={t('organizer.loading')} />

  const { session } = snapshot
  return (
    <FacilitatorShell status={status} language={language} onLanguage={chooseLanguage}>
      <div className="card session-card">
        <div className="session-head">
          <div>
            <p className="eyebrow">{t('organizer.pageTitle')}</p>
            <h1>{session.title}</h1>
          </div>
          <span
            className={
              session.status === 'open'
                ? 'badge badge-open'
                : session.status === 'closed'
                  ? 'badge badge-closed'
                  : 'badge'
            }
          >
            {t(`organizer.status.${session.status}`)}
          </span>
        </div>
        <p className="muted">{t('organizer.readOnly')}</p>
      </div>
      <div className="facilitator-grid">
        <div className="stack">
          {archive ? (
            <ArchivePreview archive={archive} />
          ) : (
            <p className="muted">{t('organizer.preview.loading')}</p>
          )}
        </div>
        <div className="stack">
          <ExportPanel socket={socket} token={token} />
          <DataPanel socket={socket} title={session.title} onDeleted={() => setDeleted(true)} />
        </div>
      </div>
    </FacilitatorShell>
  )
}
