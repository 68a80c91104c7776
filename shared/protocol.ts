import { z } from 'zod'
import type { ArchiveClientEvents, ArchiveServerEvents } from './archiveProtocol.ts'
import { DOC_NAME_MAX_CHARS } from './docNames.ts'
import type { Ack, ErrorBody } from './errors.ts'
import type { GatherClientEvents, GatherServerEvents } from './gatherProtocol.ts'
import { LIMITS } from './limits.ts'
import type {
  ActionLogEntry,
  agendaSaveSchema,
  agendaShortenSchema,
  agendaTemplateSchema,
  broadcastDismissSchema,
  broadcastSendSchema,
  GroupSeats,
  GroupView,
  groupChooseSchema,
  groupMoveSchema,
  MemberView,
  RoomState,
  roundCommandSchema,
  roundExtendSchema,
} from './rounds.ts'
import type {
  Attendance,
  InviteView,
  Me,
  ParticipantView,
  SessionView,
  UpdateSessionInput,
} from './session.ts'
import { sessionStatusSchema, updateSessionSchema } from './session.ts'

export { PROTOCOL_VERSION } from './vocabulary.ts'

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

/** The room for one connection: facilitators get every group, participants their own. */
export interface RoomSnapshot {
  state: RoomState
  myGroup: GroupView | null
  /** Facilitators: the current round's groups. */
  groups: GroupView[]
  /** Everyone else, in a self-select round: how full each table is. */
  seats: SeatsChanged | null
  /** Facilitators: people of the current round not in any group. */
  unassigned: MemberView[]
  /** Facilitators: the latest actions, newest first. */
  actions: ActionLogEntry[]
  serverNow: number
}

/** What the facilitators' live view shows of one group without opening its notes. */
export interface GroupPreview {
  docName: string
  pointCount: number
  /** The latest key points, newest last, at most PREVIEW_POINTS. */
  latest: { kind: string; text: string }[]
  /** Server time of the last change, or null when nothing was ever written. */
  lastActiveAt: number | null
}

/** A key point a facilitator hid, for the facilitators' list of hidden items. */
export interface HiddenPointView {
  pointId: string
  kind: string
  text: string
  hiddenAt: number
}

export const pointRefSchema = z.object({ doc: docNameSchema, pointId: z.string().min(1).max(64) })

/** The groups of a round, for facilitators. */
export interface GroupsChanged {
  roundId: string
  groups: GroupView[]
  unassigned: MemberView[]
}

/** The tables of a self-select round, for those choosing one: seat counts, no one's name or id. */
export interface SeatsChanged {
  roundId: string
  groups: GroupSeats[]
}

type In<S extends z.ZodType> = z.input<S>

/** Why the server closed one tunnelled document for this connection. */
export interface DocClosed {
  doc: string
  code: number
  reason: ErrorBody
}

/** Events a client sends. Requests end with an ack; the server validates every payload with the schemas above. */
export interface ClientToServerEvents extends GatherClientEvents, ArchiveClientEvents {
  'session:snapshot': (ack: Ack<SessionSnapshot>) => void
  'session:update': (input: UpdateSessionInput, ack: Ack<SessionView>) => void
  'session:status': (input: z.input<typeof sessionStatusChangeSchema>, ack: Ack<SessionView>) => void
  'participant:remove': (input: z.input<typeof participantRemoveSchema>, ack: Ack<null>) => void
  'invite:create': (input: z.input<typeof inviteCreateSchema>, ack: Ack<CreatedInvite>) => void
  'invite:revoke': (input: z.input<typeof inviteRevokeSchema>, ack: Ack<InviteView[]>) => void
  'room:snapshot': (ack: Ack<RoomSnapshot>) => void
  'agenda:save': (input: In<typeof agendaSaveSchema>, ack: Ack<RoomState>) => void
  'agenda:template': (input: In<typeof agendaTemplateSchema>, ack: Ack<RoomState>) => void
  'agenda:shorten': (input: In<typeof agendaShortenSchema>, ack: Ack<RoomState>) => void
  'round:start': (input: In<typeof roundCommandSchema>, ack: Ack<RoomState>) => void
  'round:pause': (input: In<typeof roundCommandSchema>, ack: Ack<RoomState>) => void
  'round:resume': (input: In<typeof roundCommandSchema>, ack: Ack<RoomState>) => void
  'round:extend': (input: In<typeof roundExtendSchema>, ack: Ack<RoomState>) => void
  'round:end': (input: In<typeof roundCommandSchema>, ack: Ack<RoomState>) => void
  'group:move': (input: In<typeof groupMoveSchema>, ack: Ack<RoomState>) => void
  'group:choose': (input: In<typeof groupChooseSchema>, ack: Ack<RoomState>) => void
  'broadcast:send': (input: In<typeof broadcastSendSchema>, ack: Ack<RoomState>) => void
  'broadcast:dismiss': (input: In<typeof broadcastDismissSchema>, ack: Ack<RoomState>) => void
  /** Facilitators: previews of the current round's groups. */
  'notes:previews': (ack: Ack<GroupPreview[]>) => void
  /** Facilitators: takes a key point out of the shared notes; it stays restorable. */
  'notes:hide': (input: z.input<typeof pointRefSchema>, ack: Ack<null>) => void
  'notes:restore': (input: z.input<typeof pointRefSchema>, ack: Ack<null>) => void
  'notes:hidden': (input: z.input<typeof docOpenSchema>, ack: Ack<HiddenPointView[]>) => void
  /** Facilitators: removes whoever wrote a point from the session, without anyone learning who it was. */
  'notes:removeAuthor': (input: z.input<typeof pointRefSchema>, ack: Ack<null>) => void
  /** Answers the server's clock, for countdowns corrected by the client's offset. */
  'clock:ping': (ack: Ack<{ serverNow: number }>) => void
  'doc:open': (input: z.input<typeof docOpenSchema>, ack: Ack<{ writable: boolean }>) => void
  'doc:message': (doc: string, message: Uint8Array) => void
  'doc:close': (input: z.input<typeof docOpenSchema>) => void
}

/** Events the server sends: broadcasts, fire-and-forget. */
export interface ServerToClientEvents extends GatherServerEvents, ArchiveServerEvents {
  'session:updated': (session: SessionView) => void
  'attendance:changed': (attendance: Attendance) => void
  'participants:changed': (participants: ParticipantView[]) => void
  'invites:changed': (invites: InviteView[]) => void
  /** Sent just before the server drops a removed participant's or a revoked link's connection. */
  'access:revoked': (reason: ErrorBody) => void
  'room:state': (state: RoomState) => void
  /** To one participant: the group they are in now (null: not placed). */
  'group:assigned': (assignment: { roundId: string; group: GroupView | null }) => void
  'groups:changed': (change: GroupsChanged) => void
  /** To everyone but facilitators, in a self-select round: how full each table is. */
  'seats:changed': (seats: SeatsChanged) => void
  'actions:changed': (actions: ActionLogEntry[]) => void
  /** To facilitators, throttled: a group's notes changed. */
  'group:previews': (previews: GroupPreview[]) => void
  /**
   * A y-websocket message of one document. A change sent on from another connection to a writer still waiting for
   * its `doc:stored` carries that stored state instead, so that the writer needs no separate notice.
   */
  'doc:message': (doc: string, message: Uint8Array, stored?: Uint8Array) => void
  'doc:closed': (closed: DocClosed) => void
  /** To a writer: the state of a document the server has stored, as a Yjs state vector. */
  'doc:stored': (stored: { doc: string; stateVector: Uint8Array }) => void
  /** To a writer: a change was stored but partly undone by a rule (for example a full list). */
  'doc:rejected': (rejected: { doc: string; reason: ErrorBody }) => void
}

/** Handshake auth: the token of whichever role connects. */
export interface HandshakeAuth {
  token: string
  protocolVersion?: number
}
