import type { Anonymity, Me, Role } from '../../shared/session.ts'
import type { ParticipantRecord } from '../store/types.ts'

/** Who is on the other end of a connection, as established from their token. */
export interface Identity {
  sessionId: string
  role: Role
  /** Participant id or role-secret id. */
  id: string
  displayName: string | null
  sector: string | null
}

export { canFacilitate } from '../../shared/vocabulary.ts'

/** Whether a role watches the whole room (head counts, vote totals): every role but the participants' phones. */
export const watchesRoom = (role: Role): boolean => role !== 'participant'

/** What others may call a participant under the session's anonymity setting. */
export function publicLabel(
  anonymity: Anonymity,
  p: Pick<ParticipantRecord, 'displayName' | 'sector'>,
): string | null {
  if (anonymity === 'named') return p.displayName || p.sector || null
  if (anonymity === 'sector') return p.sector || null
  return null
}

/** The sector others may see: none when the session is anonymous. */
export function publicSector(anonymity: Anonymity, sector: string | null): string | null {
  return anonymity === 'anonymous' ? null : sector
}

/** The identity as its own client sees it. */
export function toMe(identity: Identity, anonymity: Anonymity): Me {
  return {
    role: identity.role,
    id: identity.id,
    label: identity.role === 'participant' ? publicLabel(anonymity, identity) : identity.displayName,
    sector: identity.sector,
  }
}
