import { ERROR_CODES } from '../../shared/errors.ts'
import { isJoinCode, normalizeJoinCode } from '../../shared/joinCode.ts'
import { LIMITS } from '../../shared/limits.ts'
import type {
  Attendance,
  CreatedSession,
  CreateSessionInput,
  InviteView,
  JoinedSession,
  JoinSessionInput,
  ParticipantView,
  SessionPreview,
  SessionStatus,
  SessionView,
  UpdateSessionInput,
} from '../../shared/session.ts'
import { ANONYMITY, createSessionSchema } from '../../shared/session.ts'
import { DomainError, fail } from '../domain/errors.ts'
import { type Identity, publicLabel, publicSector } from '../domain/identity.ts'
import { hashToken, looksLikeToken, newId, newJoinCode, newToken } from '../domain/secrets.ts'
import type { RoleSecretRecord, SessionRecord, Store } from '../store/types.ts'

/** Where links point: the public base URL, known once the server listens. */
export interface LinkBase {
  publicBaseUrl(): string
}

const sessionNotFound = () =>
  new DomainError(ERROR_CODES.sessionNotFound, 'No session has this code. Check the code and try again.')

/** Sessions, joining, role links and tokens: the rules that touch the store. */
export class SessionService {
  constructor(
    private readonly store: Store,
    private readonly links: LinkBase,
    private readonly now: () => number = Date.now,
  ) {}

  /** Creates a session with its facilitator secret and projector link. */
  async create(input: CreateSessionInput): Promise<CreatedSession> {
    const settings = createSessionSchema.parse(input)
    const now = this.now()
    const record: SessionRecord = {
      id: newId(),
      joinCode: await this.unusedJoinCode(),
      title: settings.title,
      welcome: settings.welcome,
      sectors: [...new Set(settings.sectors)],
      anonymity: settings.anonymity,
      wifi: settings.wifi,
      defaultLanguage: settings.defaultLanguage,
      status: settings.draft ? 'draft' : 'open',
      createdAt: now,
      closedAt: null,
      lastActivityAt: now,
    }
    await this.store.sessions.create(record)
    const { token: facilitatorToken } = await this.createSecret(record.id, 'facilitator', '')
    const { token: projectorToken } = await this.createSecret(record.id, 'projector', '')
    return {
      sessionId: record.id,
      joinCode: record.joinCode,
      joinUrl: this.joinUrl(record.joinCode),
      facilitatorUrl: this.roleUrl('f', record.id, facilitatorToken),
      facilitatorToken,
      projectorUrl: this.roleUrl('p', record.id, projectorToken),
    }
  }

  /** What the join page shows before someone joins. */
  async preview(rawCode: string): Promise<SessionPreview> {
    const session = await this.byCode(rawCode)
    return {
      title: session.title,
      welcome: session.welcome,
      sectors: session.sectors,
      anonymity: session.anonymity,
      status: session.status,
      defaultLanguage: session.defaultLanguage,
    }
  }

  /** Exchanges a join code for a participant token. */
  async join(input: JoinSessionInput): Promise<JoinedSession> {
    const session = await this.byCode(input.joinCode)
    if (session.status === 'closed')
      throw new DomainError(ERROR_CODES.sessionClosed, 'This session has ended.')
    if (session.status === 'draft') {
      throw new DomainError(
        ERROR_CODES.sessionNotOpen,
        'This session has not opened yet. Try again in a moment.',
      )
    }
    if ((await this.store.participants.countActive(session.id)) >= LIMITS.participantsPerSessionMax) {
      throw new DomainError(ERROR_CODES.forbidden, 'This session is full.')
    }
    const token = newToken()
    const participantId = newId()
    const sector = input.sector && session.sectors.includes(input.sector) ? input.sector : null
    await this.store.participants.create(
      {
        id: participantId,
        sessionId: session.id,
        displayName: input.displayName || null,
        sector,
        language: input.language ?? null,
        joinedAt: this.now(),
        removedAt: null,
        preferredTable: input.table ?? null,
      },
      hashToken(token),
    )
    return { sessionId: session.id, participantId, participantToken: token }
  }

  /** Finds who a token belongs to; refuses removed participants and revoked links. Closed sessions stay readable. */
  async authenticate(token: unknown): Promise<Identity> {
    // Made only when thrown: capturing a stack per handshake is a cost a hall connecting at once notices.
    const unauthorized = () => new DomainError(ERROR_CODES.unauthorized, 'This link or token is not valid.')
    if (!looksLikeToken(token)) throw unauthorized()
    const owner = await this.store.tokens.findOwner(hashToken(token))
    if (!owner) throw unauthorized()
    if (owner.kind === 'participant') {
      const p = owner.participant
      if (p.removedAt !== null) {
        throw new DomainError(ERROR_CODES.participantRemoved, 'You were removed from this session.')
      }
      return {
        sessionId: p.sessionId,
        role: 'participant',
        id: p.id,
        displayName: p.displayName,
        sector: p.sector,
      }
    }
    const s = owner.secret
    if (s.revokedAt !== null) throw new DomainError(ERROR_CODES.unauthorized, 'This link was revoked.')
    return { sessionId: s.sessionId, role: s.role, id: s.id, displayName: s.label || null, sector: null }
  }

  /** The session as its members see it. */
  async view(sessionId: string): Promise<SessionView> {
    return this.toView(await this.get(sessionId))
  }

  /** Changes settings; the anonymity of a session can only become stricter once people have joined. */
  async update(sessionId: string, change: UpdateSessionInput): Promise<SessionView> {
    const session = await this.get(sessionId)
    if (change.anonymity && ANONYMITY.indexOf(change.anonymity) < ANONYMITY.indexOf(session.anonymity)) {
      if ((await this.store.participants.countActive(sessionId)) > 0) {
        throw fail.forbidden(
          'People joined under the current anonymity setting; it can only become stricter now.',
        )
      }
    }
    const next: SessionRecord = { ...session, ...definedOnly(change), lastActivityAt: this.now() }
    if (change.sectors) next.sectors = [...new Set(change.sectors)]
    await this.store.sessions.update(next)
    return this.toView(next)
  }

  /** Moves the session through draft, open and closed. */
  async setStatus(sessionId: string, status: SessionStatus): Promise<SessionView> {
    const session = await this.get(sessionId)
    if (status === 'draft' && session.status !== 'draft') {
      throw new DomainError(ERROR_CODES.conflict, 'A session that has opened cannot go back to draft.')
    }
    const closedAt = status === 'closed' ? (session.closedAt ?? this.now()) : null
    const next: SessionRecord = { ...session, status, closedAt, lastActivityAt: this.now() }
    await this.store.sessions.update(next)
    return this.toView(next)
  }

  /** Participants as facilitators may see them. */
  async participants(sessionId: string, isOnline: (id: string) => boolean): Promise<ParticipantView[]> {
    const session = await this.get(sessionId)
    const all = await this.store.participants.listBySession(sessionId)
    return all
      .filter((p) => p.removedAt === null)
      .map((p) => ({
        id: p.id,
        label: publicLabel(session.anonymity, p),
        sector: publicSector(session.anonymity, p.sector),
        online: isOnline(p.id),
        joinedAt: p.joinedAt,
      }))
  }

  /**
   * Head counts without listing anyone. `onlineCount` is every principal connected to the session; taking away
   * its links (facilitators, projectors, organizers) leaves the participants, since a removed participant's
   * connections close when they are removed and cannot open again.
   */
  async attendance(
    sessionId: string,
    onlineCount: number,
    isOnline: (id: string) => boolean,
  ): Promise<Attendance> {
    const [joined, links] = await Promise.all([
      this.store.participants.countActive(sessionId),
      this.store.secrets.listBySession(sessionId),
    ])
    return { joined, online: onlineCount - links.filter((link) => isOnline(link.id)).length }
  }

  /** Removes a participant; their token stops working at once. */
  async removeParticipant(sessionId: string, participantId: string): Promise<void> {
    const p = await this.store.participants.get(participantId)
    if (!p || p.sessionId !== sessionId) throw fail.notFound('No such participant in this session.')
    await this.store.participants.markRemoved(participantId, this.now())
  }

  /** Creates a co-facilitator, projector or organizer link. */
  async createInvite(sessionId: string, role: InviteView['role'], label: string) {
    const { token, record } = await this.createSecret(sessionId, role, label)
    const invite: InviteView = { id: record.id, role, label, createdAt: record.createdAt, revoked: false }
    const path = role === 'projector' ? 'p' : role === 'organizer' ? 'o' : 'f'
    return { invite, url: this.roleUrl(path, sessionId, token) }
  }

  /** Revokes a link; the facilitator's own link cannot be revoked from the session. */
  async revokeInvite(sessionId: string, inviteId: string): Promise<InviteView[]> {
    const secrets = await this.store.secrets.listBySession(sessionId)
    const target = secrets.find((s) => s.id === inviteId && s.role !== 'facilitator')
    if (!target) throw fail.notFound('No such link in this session.')
    await this.store.secrets.revoke(inviteId, this.now())
    return this.invites(sessionId)
  }

  /** Links other than the facilitator's own. */
  async invites(sessionId: string): Promise<InviteView[]> {
    const secrets = await this.store.secrets.listBySession(sessionId)
    return secrets
      .filter((s): s is RoleSecretRecord & { role: InviteView['role'] } => s.role !== 'facilitator')
      .map((s) => ({
        id: s.id,
        role: s.role,
        label: s.label,
        createdAt: s.createdAt,
        revoked: s.revokedAt !== null,
      }))
  }

  /** The join URL phones open. */
  joinUrl(joinCode: string): string {
    return `${this.links.publicBaseUrl()}/j/${joinCode}`
  }

  async get(sessionId: string): Promise<SessionRecord> {
    const session = await this.store.sessions.get(sessionId)
    if (!session) throw sessionNotFound()
    return session
  }

  private async byCode(rawCode: string): Promise<SessionRecord> {
    const code = normalizeJoinCode(rawCode)
    const session = isJoinCode(code) ? await this.store.sessions.getByJoinCode(code) : null
    if (!session) throw sessionNotFound()
    return session
  }

  private toView(s: SessionRecord): SessionView {
    return {
      id: s.id,
      joinCode: s.joinCode,
      joinUrl: this.joinUrl(s.joinCode),
      title: s.title,
      welcome: s.welcome,
      sectors: s.sectors,
      anonymity: s.anonymity,
      status: s.status,
      wifi: s.wifi,
      defaultLanguage: s.defaultLanguage,
    }
  }

  private roleUrl(path: 'f' | 'p' | 'o', sessionId: string, token: string): string {
    return `${this.links.publicBaseUrl()}/${path}/${sessionId}#${token}`
  }

  private async createSecret(sessionId: string, role: RoleSecretRecord['role'], label: string) {
    const token = newToken()
    const record: RoleSecretRecord = {
      id: newId(),
      sessionId,
      role,
      label,
      createdAt: this.now(),
      revokedAt: null,
    }
    await this.store.secrets.create(record, hashToken(token))
    return { token, record }
  }

  private async unusedJoinCode(): Promise<string> {
    for (;;) {
      const code = newJoinCode()
      if (!(await this.store.sessions.getByJoinCode(code))) return code
    }
  }
}

function definedOnly<T extends object>(change: T): Partial<T> {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) as Partial<T>
}
