import { useTranslation } from 'react-i18next'
import type { ConnectionStatus } from '../net/useSession.ts'

/** The connection state as a dot and a word, announced politely when it changes. */
export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation()
  return (
    <span className="badge" role="status" aria-live="polite">
      <span className={`dot dot-${status}`} aria-hidden="true" />
      {t(`connection.${status}`)}
    </span>
  )
}
