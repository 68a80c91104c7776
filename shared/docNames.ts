/** Names of the shared Yjs documents. Each kind has its own rule for who may open it. */

const ID = '[A-Za-z0-9_-]{1,40}'
const DOC_NAME_PATTERN = new RegExp(`^s/(${ID})/(parking|summary|g/(${ID}))$`)

/** A parsed document name. */
export type DocRef =
  | { kind: 'parking'; sessionId: string }
  | { kind: 'summary'; sessionId: string }
  | { kind: 'group'; sessionId: string; groupId: string }

/** The session-wide parking lot of questions and ideas for later. */
export const parkingDocName = (sessionId: string): string => `s/${sessionId}/parking`
/** The gathered summary of a session. */
export const summaryDocName = (sessionId: string): string => `s/${sessionId}/summary`
/** One breakout group's notes. */
export const groupDocName = (sessionId: string, groupId: string): string => `s/${sessionId}/g/${groupId}`

/** Parses a document name, or returns null when it is not one of ours. */
export function parseDocName(name: string): DocRef | null {
  const match = DOC_NAME_PATTERN.exec(name)
  if (!match) return null
  const sessionId = match[1] as string
  if (match[3]) return { kind: 'group', sessionId, groupId: match[3] }
  return { kind: match[2] as 'parking' | 'summary', sessionId }
}

/** The longest document name there can be, for validating payloads cheaply. */
export const DOC_NAME_MAX_CHARS = 100
