import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'

/** The facilitator page's way into the gather board. */
export function GatherLink({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation()
  return (
    <section className="card gather-link" aria-labelledby="gather-link-heading">
      <h2 id="gather-link-heading">{t('gather.title')}</h2>
      <p className="muted">{t('gather.openHint')}</p>
      <Link href={`/f/${sessionId}/gather`} className="button">
        {t('gather.open')}
      </Link>
    </section>
  )
}
