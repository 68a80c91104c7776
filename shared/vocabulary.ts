/**
 * The closed lists and constants both ends share, free of zod, so a phone's first download does not carry the
 * schema library just to know the language codes.
 */

/** Bumped whenever the wire protocol changes incompatibly; clients send it in the handshake. */
export const PROTOCOL_VERSION = 2

/** How participants are shown to each other and to facilitators, from most open to most private. */
export const ANONYMITY = ['named', 'sector', 'anonymous'] as const
export type Anonymity = (typeof ANONYMITY)[number]

/** A session's lifecycle: prepared, running, over. */
export const SESSION_STATUSES = ['draft', 'open', 'closed'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

/** Languages with complete catalogues. */
export const LANGUAGES = ['en', 'es'] as const
export type Language = (typeof LANGUAGES)[number]

/** The roles a secret or token can carry. */
export const ROLES = ['facilitator', 'cofacilitator', 'projector', 'organizer', 'participant'] as const
export type Role = (typeof ROLES)[number]

/** Roles that may run the session. */
export const FACILITATING_ROLES: readonly Role[] = ['facilitator', 'cofacilitator']

/** Whether a role may run the session. */
export const canFacilitate = (role: Role): boolean => FACILITATING_ROLES.includes(role)

/** How a round forms its groups. */
export const GROUPING_RULES = [
  'random',
  'sector-balanced',
  'reshuffle',
  'keep-previous',
  'merge',
  'whole-room',
  'manual',
  'self-select',
] as const
export type GroupingRuleName = (typeof GROUPING_RULES)[number]

/** Built-in agendas. */
export const TEMPLATES = ['community-conversation', 'world-cafe', '1-2-4-all', 'blank'] as const
export type TemplateName = (typeof TEMPLATES)[number]
