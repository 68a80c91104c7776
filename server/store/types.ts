import type { Anonymity, Language, Role, SessionStatus, Wifi } from '../../shared/session.ts'

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

/** The embedded store: an interface with async methods so another database can implement it. */
export interface Store {
  sessions: SessionStore
  participants: ParticipantStore
  secrets: SecretStore
  tokens: TokenStore
  docs: DocStore
  close(): Promise<void>
}
