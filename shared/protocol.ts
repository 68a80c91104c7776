import { z } from 'zod'
import { DOC_NAME_MAX_CHARS } from './docNames.ts'
import type { Ack, ErrorBody } from './errors.ts'
import { LIMITS } from './limits.ts'
import type { Attendance, InviteView, Me, ParticipantView, SessionView, UpdateSessionInput } from './session.ts'
import { sessionStatusSchema, updateSessionSchema } from './session.ts'

/** Bumped whenever the wire protocol changes incompatibly; clients send it in the handshake. */
export const PROTOCOL_VERSION = 1

export const docNameSchema = z.string().min(1).max(DOC_NAME_MAX_CHARS)
export const docOpenSchema = z.object({ doc: docNameSchema })
export const participantRemoveSchema = z.object({ participantId: z.string().min(1).max(64) })
export const inviteCreateSchema = z.object({
  role: z.enum(['cofacilitator', 'projector', 'organizer']),
  label: z.string().trim().max(LIMITS.inviteLabelMaxChars).default(''),
})
export const inviteRevokeSchema = z.object({ inviteId: z.string().min(1).max(64) })
export const sessionStatusChangeSchema = z.object({ status: sessionStatusSchema })
export { updateSessionSchema }

/** Everything a connection needs to render its first screen. */
export interface SessionSnapshot {
  session: SessionView
  me: Me
  attendance: Attendance
  /** Facilitators only; empty for everyone else. */
  participants: ParticipantView[]
  /** Facilitators only; empty for everyone else. */
  invites: InviteView[]
  /** The server's clock when this snapshot was made, in ms since the epoch. */
  serverNow: number
  /** Facilitators only: the join URL points at localhost, so phones cannot reach it. */
  joinUrlIsLocal: boolean
}

/** A new co-facilitator, projector or organizer link; the URL carries the secret in its fragment. */
export interface CreatedInvite {
  invite: InviteView
  url: string
}

/** Why the server closed one tunnelled document for this connection. */
export interface DocClosed {
  doc: string
  code: number
  reason: ErrorBody
}

/** Events a client sends. Requests end with an ack; the server validates every payload with the schemas above. */
export interface ClientToServerEvents {
  'session:snapshot': (ack: Ack<SessionSnapshot>) => void
  'session:update': (input: UpdateSessionInput, ack: Ack<SessionView>) => void
  'session:status': (input: z.input<typeof sessionStatusChangeSchema>, ack: Ack<SessionView>) => void
  'participant:remove': (input: z.input<typeof participantRemoveSchema>, ack: Ack<null>) => void
  'invite:create': (input: z.input<typeof inviteCreateSchema>, ack: Ack<CreatedInvite>) => void
  'invite:revoke': (input: z.input<typeof inviteRevokeSchema>, ack: Ack<InviteView[]>) => void
  'doc:open': (input: z.input<typeof docOpenSchema>, ack: Ack<{ writable: boolean }>) => void
  'doc:message': (doc: string, message: Uint8Array) => void
  'doc:close': (input: z.input<typeof docOpenSchema>) => void
}

/** Events the server sends: broadcasts, fire-and-forget. */
export interface ServerToClientEvents {
  'session:updated': (session: SessionView) => void
  'attendance:changed': (attendance: Attendance) => void
  'participants:changed': (participants: ParticipantView[]) => void
  'invites:changed': (invites: InviteView[]) => void
  /** Sent just before the server drops a removed participant's or a revoked link's connection. */
  'access:revoked': (reason: ErrorBody) => void
  'doc:message': (doc: string, message: Uint8Array) => void
  'doc:closed': (closed: DocClosed) => void
}

/** Handshake auth: any role's token. */
export interface HandshakeAuth {
  token: string
  protocolVersion?: number
}
