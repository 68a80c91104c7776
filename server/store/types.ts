import type { RetentionChoice } from '../../shared/archiveProtocol.ts'
import type { ActionLogEntry, RoundView } from '../../shared/rounds.ts'
import type { Anonymity, Language, Role, SessionStatus, Wifi } from '../../shared/session.ts'
import type { PublishedSummary, VoteTally, VoteTheme } from '../../shared/summary.ts'

/** A session row as stored. */
export interface SessionRecord {
  id: string
  joinCode: string
  title: string
  welcome: string
  sectors: string[]
  anonymity: Anonymity
  wifi: Wifi | null
  defaultLanguage: Language
  status: SessionStatus
  createdAt: number
  closedAt: number | null
  lastActivityAt: number
}

/** A participant row as stored; the token itself is never stored, only its hash. */
export interface ParticipantRecord {
  id: string
  sessionId: string
  displayName: string | null
  sector: string | null
  language: Language | null
  joinedAt: number
  removedAt: number | null
  /** The table a table card asked for, if any. */
  preferredTable: number | null
}

/** A facilitator, co-facilitator, projector or organizer secret, stored as a hash. */
export interface RoleSecretRecord {
  id: string
  sessionId: string
  role: Exclude<Role, 'participant'>
  label: string
  createdAt: number
  revokedAt: number | null
}

/** Whoever a token belongs to. */
export type TokenOwner =
  | { kind: 'participant'; participant: ParticipantRecord }
  | { kind: 'secret'; secret: RoleSecretRecord }

/** The stored history of one Yjs document: its latest snapshot and the updates after it. */
export interface StoredDoc {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  /** The id of the last update included, or 0. */
  lastSeq: number
}

/** Sessions: settings and lifecycle. */
export interface SessionStore {
  create(record: SessionRecord): Promise<void>
  get(id: string): Promise<SessionRecord | null>
  getByJoinCode(joinCode: string): Promise<SessionRecord | null>
  update(record: SessionRecord): Promise<void>
}

/** Participants and their token hashes. */
export interface ParticipantStore {
  create(record: ParticipantRecord, tokenHash: string): Promise<void>
  get(id: string): Promise<ParticipantRecord | null>
  listBySession(sessionId: string): Promise<ParticipantRecord[]>
  countActive(sessionId: string): Promise<number>
  markRemoved(id: string, at: number): Promise<void>
}

/** Role secrets: facilitator, co-facilitator, projector and organizer links. */
export interface SecretStore {
  create(record: RoleSecretRecord, tokenHash: string): Promise<void>
  listBySession(sessionId: string): Promise<RoleSecretRecord[]>
  revoke(id: string, at: number): Promise<void>
}

/** Looks a token hash up across participants and role secrets. */
export interface TokenStore {
  findOwner(tokenHash: string): Promise<TokenOwner | null>
}

/** The update log and snapshots of every Yjs document. */
export interface DocStore {
  /** Appends updates durably, in order; resolves once they are on disk. */
  append(docName: string, updates: Uint8Array[]): Promise<number>
  load(docName: string): Promise<StoredDoc>
  /** Replaces the updates up to and including `upToSeq` by one snapshot. */
  compact(docName: string, snapshot: Uint8Array, upToSeq: number): Promise<void>
}

/** A key point a facilitator hid: kept out of the shared document, restorable. */
export interface HiddenPoint {
  docName: string
  pointId: string
  /** The point as it was: kind, text, position, createdAt, author stamp. */
  data: Record<string, unknown>
  hiddenAt: number
}

/** Authorship and moderation of key points. */
export interface NoteStore {
  recordAuthor(docName: string, pointId: string, participantId: string): Promise<void>
  authorOf(docName: string, pointId: string): Promise<string | null>
  hide(point: HiddenPoint): Promise<void>
  listHidden(docName: string): Promise<HiddenPoint[]>
  /** Removes a hidden point from the store and returns it, for restoring. */
  takeHidden(docName: string, pointId: string): Promise<HiddenPoint | null>
}

/** A session's dot vote as stored: the themes are frozen when it opens. */
export interface VoteRecord {
  sessionId: string
  status: 'open' | 'closed'
  dotsPerParticipant: number
  themes: VoteTheme[]
  openedAt: number
  closedAt: number | null
}

/** What placing dots came to: the participant's dots per theme, or why it was refused. */
export type CastOutcome =
  | { ok: true; mine: Record<string, number> }
  | { ok: false; reason: 'not-open' | 'unknown-theme' | 'over-budget' }

/** Dot votes (one per session, dots keyed by participant and theme) and the published "what we heard". */
export interface GatherStore {
  vote(sessionId: string): Promise<VoteRecord | null>
  /** Starts a vote, replacing the session's previous one and its dots. */
  openVote(record: VoteRecord): Promise<void>
  closeVote(sessionId: string, at: number): Promise<VoteRecord | null>
  /** Sets one participant's dots on one theme, atomically checked against the open vote and the budget. */
  castDots(sessionId: string, participantId: string, themeId: string, dots: number): Promise<CastOutcome>
  myDots(sessionId: string, participantId: string): Promise<Record<string, number>>
  tally(sessionId: string): Promise<VoteTally>
  /** Stores "what we heard", replacing the previous one. */
  savePublished(sessionId: string, summary: PublishedSummary): Promise<void>
  published(sessionId: string): Promise<PublishedSummary | null>
}

/** The embedded store: an interface with async methods so another database can implement it. */
export interface Store {
  sessions: SessionStore
  participants: ParticipantStore
  secrets: SecretStore
  tokens: TokenStore
  docs: DocStore
  rooms: RoomStore
  notes: NoteStore
  gather: GatherStore
  archive: ArchiveStore
  close(): Promise<void>
}

/** A session's retention and sharing, as stored. */
export interface ArchiveSettingsRecord {
  retention: RetentionChoice
  /** SHA-256 of the public "what we heard" link's secret; null when the link is off. */
  publicTokenHash: string | null
}

/** A cached export, kept for a short while so the browser can fetch it after the job finished. */
export interface ExportFileRecord {
  id: string
  sessionId: string
  /** The role secret or participant that made it: only they may fetch it. */
  principalId: string
  filename: string
  contentType: string
  data: Uint8Array
  createdAt: number
  expiresAt: number
}

/** What retention and the admin list need about every session. */
export interface SessionActivity {
  id: string
  title: string
  status: SessionStatus
  createdAt: number
  closedAt: number | null
  /** The latest of: a settings change, a join, a facilitator action, someone seen online. */
  lastActivityAt: number
  participants: number
  /** Approximate bytes of the session's rows, documents and cached exports. */
  bytes: number
  retention: RetentionChoice
}

/** Exports, sharing and retention. */
export interface ArchiveStore {
  settings(sessionId: string): Promise<ArchiveSettingsRecord>
  setRetention(sessionId: string, choice: RetentionChoice): Promise<void>
  setPublicTokenHash(sessionId: string, hash: string | null): Promise<void>
  sessionByPublicTokenHash(hash: string): Promise<string | null>
  /** Records that people were connected to these sessions, which counts as activity. */
  markSeen(sessionIds: readonly string[], at: number): Promise<void>
  saveExport(file: ExportFileRecord): Promise<void>
  getExport(id: string): Promise<ExportFileRecord | null>
  deleteExpiredExports(now: number): Promise<number>
  /** Every session with its activity and size, for retention and the admin page. */
  listActivity(): Promise<SessionActivity[]>
  /**
   * Removes a session and everything in it: its rows (by cascade), every row about its documents, cached
   * exports; then checkpoints the write-ahead log so no copy of the text stays in the files.
   */
  purgeSession(sessionId: string): Promise<void>
}

/** A round as stored: the view's fields less the derived ones. */
export type RoundRecord = Omit<RoundView, 'position'> & {
  sessionId: string
  position: number
}

/** A breakout group as stored; `docKey` names its notes document, shared across rounds that continue notes. */
export interface GroupRecord {
  id: string
  sessionId: string
  roundId: string
  number: number
  name: string
  docKey: string
}

/** Who sits in which group in a round. */
export interface MembershipRecord {
  roundId: string
  groupId: string
  participantId: string
}

/** A membership with the member's sector, for placing late joiners. */
export interface SeatRecord extends MembershipRecord {
  sector: string | null
}

/** A membership with the member it seats, for showing one table. */
export interface MemberRecord extends MembershipRecord {
  participant: ParticipantRecord
}

/** A stored broadcast. */
export interface BroadcastRecord {
  id: string
  sessionId: string
  groupId: string | null
  text: string
  at: number
}

/** Rounds, groups, broadcasts and the action log of each session's room. */
export interface RoomStore {
  /** The room's version and current round; version 0 before anything happened. */
  meta(sessionId: string): Promise<{ version: number; currentRoundId: string | null }>
  setMeta(sessionId: string, version: number, currentRoundId: string | null): Promise<void>
  listRounds(sessionId: string): Promise<RoundRecord[]>
  /** Writes these rounds and deletes the session's planned rounds not among them. */
  saveAgenda(sessionId: string, rounds: RoundRecord[]): Promise<void>
  saveRound(round: RoundRecord): Promise<void>
  listGroups(roundId: string): Promise<GroupRecord[]>
  listMemberships(roundId: string): Promise<MembershipRecord[]>
  /** A round's memberships with each member's sector, in one read, for placing a late joiner. */
  listSeats(roundId: string): Promise<SeatRecord[]>
  /** One participant's membership in a round, if placed. */
  getMembership(roundId: string, participantId: string): Promise<MembershipRecord | null>
  /** The memberships of one group with each member, in one read. */
  listGroupMembers(groupId: string): Promise<MemberRecord[]>
  /** How many people still in the session sit at each table of a round, by group id (empty tables absent). */
  countSeated(roundId: string): Promise<Map<string, number>>
  /** Every membership of a session, for reshuffling and document access. */
  listSessionMemberships(sessionId: string): Promise<MembershipRecord[]>
  /** Every membership of one participant, for document access. */
  listParticipantMemberships(participantId: string): Promise<MembershipRecord[]>
  replaceGroups(roundId: string, groups: GroupRecord[], memberships: MembershipRecord[]): Promise<void>
  /** Adds one group to a round, leaving the others and their members as they are. */
  addGroup(group: GroupRecord): Promise<void>
  setMembership(sessionId: string, membership: MembershipRecord): Promise<void>
  getGroup(groupId: string): Promise<GroupRecord | null>
  addBroadcast(record: BroadcastRecord): Promise<void>
  listBroadcasts(sessionId: string): Promise<BroadcastRecord[]>
  dismissBroadcast(sessionId: string, id: string, at: number): Promise<void>
  logAction(sessionId: string, entry: ActionLogEntry): Promise<void>
  listActions(sessionId: string, limit: number): Promise<ActionLogEntry[]>
  /** Rounds running anywhere, so deadlines can be rescheduled after a restart. */
  listRunningRounds(): Promise<RoundRecord[]>
  /** Rounds anywhere that ended at or after `since` (epoch ms), so notes in their grace lock after a restart. */
  listRoundsEndedSince(since: number): Promise<RoundRecord[]>
}
