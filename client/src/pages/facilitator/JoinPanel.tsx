import { useTranslation } from 'react-i18next'
import type { SessionSnapshot } from '../../../../shared/protocol.ts'
import { CopyField } from '../../ui/CopyField.tsx'

/** The code and link people join with, and a warning when phones could not reach that link. */
export function JoinPanel({ snapshot }: { snapshot: SessionSnapshot }) {
  const { t } = useTranslation()
  const { session } = snapshot
  return (
    <section className="card" aria-labelledby="join-heading">
      <h2 id="join-heading">{t('facilitator.joinHeading')}</h2>
      {snapshot.joinUrlIsLocal ? (
        <p className="alert alert-warning" role="alert">
          {t('facilitator.localWarning')}
        </p>
      ) : null}
      <p className="eyebrow">{t('facilitator.codeLabel')}</p>
      <p className="join-code" data-testid="join-code">
        {session.joinCode}
      </p>
      <CopyField value={session.joinUrl} label={t('facilitator.urlLabel')} />
    </section>
  )
}
