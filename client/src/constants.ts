import type * as Protocol from '../../shared/protocol.ts'
import type * as Session from '../../shared/session.ts'

// shared/session.ts and shared/protocol.ts build zod schemas when imported, which would put zod (~50 KB) into the
// phone's first download. These copies are typed as the shared constants' own literal types, so they cannot drift:
// a change in shared/ fails the typecheck here.

/** Languages with complete catalogues (shared LANGUAGES). */
export const LANGUAGES: typeof Session.LANGUAGES = ['en', 'es']
/** Anonymity settings (shared ANONYMITY). */
export const ANONYMITY: typeof Session.ANONYMITY = ['named', 'sector', 'anonymous']
/** The wire protocol version this client speaks (shared PROTOCOL_VERSION). */
export const PROTOCOL_VERSION: typeof Protocol.PROTOCOL_VERSION = 1

/** Whether a role may run the session (shared FACILITATING_ROLES). */
export const canFacilitate = (role: Session.Role): boolean =>
  role === 'facilitator' || role === 'cofacilitator'
