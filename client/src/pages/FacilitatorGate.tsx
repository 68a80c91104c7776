import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language, Role } from '../../../shared/session.ts'
import { canFacilitate } from '../constants.ts'
import type { ConnectionStatus } from '../net/useSession.ts'
import { ConnectionBadge } from '../ui/ConnectionBadge.tsx'
import { LanguageSelect } from '../ui/LanguageSelect.tsx'
import { Shell } from '../ui/Shell.tsx'
import { Loading, StateScreen } from '../ui/StateScreen.tsx'

/** Why a facilitator page cannot show itself yet, or null when it can. */
export type Gate = 'noToken' | 'revoked' | 'loading' | 'forbidden' | null

/** Checks in order: a role token, a session that has not refused it, the page's data loaded, a role allowed here. */
export function facilitatorGate({
  token,
  fatal,
  snapshot,
  loaded,
  allowed = canFacilitate,
}: {
  token: string | null
  fatal: unknown
  snapshot: { me: { role: Role } } | null
  loaded: boolean
  allowed?: (role: Role) => boolean
}): Gate {
  if (!token) return 'noToken'
  if (fatal) return 'revoked'
  if (!snapshot || !loaded) return 'loading'
  if (!allowed(snapshot.me.role)) return 'forbidden'
  return null
}

/** The whole-page screen for a closed gate: no token, revoked, still loading (with the page's label) or forbidden. */
export function GateScreen({ gate, loadingLabel }: { gate: Gate; loadingLabel: string }) {
  const { t } = useTranslation()
  if (gate === 'noToken')
    return <StateScreen title={t('facilitator.noTokenTitle')} body={t('facilitator.noTokenBody')} />
  if (gate === 'revoked')
    return <StateScreen title={t('facilitator.revokedTitle')} body={t('facilitator.revokedBody')} />
  if (gate === 'forbidden')
    return <StateScreen title={t('facilitator.revokedTitle')} body={t('errors.forbidden')} />
  return <Loading label={loadingLabel} />
}

/** The facilitator pages' frame: the wide page with the connection badge and the facilitator's language picker. */
export function FacilitatorShell({
  status,
  language,
  onLanguage,
  children,
}: {
  status: ConnectionStatus
  language: Language
  onLanguage: (next: Language) => void
  children: ReactNode
}) {
  return (
    <Shell
      wide
      end={
        <>
          <ConnectionBadge status={status} />
          <LanguageSelect compact value={language} onChange={onLanguage} />
        </>
      }
    >
      {children}
    </Shell>
  )
}
