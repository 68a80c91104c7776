import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { rememberSession } from './savedSessions.ts'

/** The facilitator page's way into exports, sharing and retention; it also puts the session in this browser's archive. */
export function ArchiveLink({ sessionId, title }: { sessionId: string; title: string }) {
  const { t } = useTranslation()
  useEffect(() => rememberSession({ sessionId, title, role: 'facilitator' }), [sessionId, title])
  return (
    <section className="card" aria-labelledby="archive-link-heading">
      <h2 id="archive-link-heading">{t('organizer.facilitatorLink')}</h2>
      <p className="muted">{t('organizer.export.intro')}</p>
      <div className="actions">
        <Link href={`/f/${sessionId}/archive`} className="button" data-testid="open-archive">
          {t('organizer.facilitatorLink')}
        </Link>
        <Link href="/archive" className="button button-quiet">
          {t('organizer.archive.heading')}
        </Link>
      </div>
    </section>
  )
}
