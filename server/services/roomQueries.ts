import type { DocRef } from '../../shared/docNames.ts'
import { LIMITS } from '../../shared/limits.ts'
import type { SeatsChanged } from '../../shared/protocol.ts'
import type { GroupView, MemberView } from '../../shared/rounds.ts'
import { canFacilitate, type Identity, publicLabel, publicSector } from '../domain/identity.ts'
import type { DocAccess } from '../realtime/docs/access.ts'
import type { RoundRecord, Store } from '../store/types.ts'
import { toGroupViews } from './roomViews.ts'

/** The groups of a round with their members, and who is not in any. */
export interface RoundGroups {
  roundId: string
  groups: GroupView[]
  unassigned: MemberView[]
}

/** Read-side questions about a session's room: groups, who sits where, who may open which notes. */
export class RoomQueries {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
    /** How long a round's locked notes still take edits after it ends (shorter only in tests). */
    readonly notesLockGraceMs: number = LIMITS.notesLockGraceMs,
  ) {}

  /** The current round, if any. */
  async currentRound(sessionId: string): Promise<RoundRecord | null> {
    const meta = await this.store.rooms.meta(sessionId)
    if (!meta.currentRoundId) return null
    return (await this.store.rooms.listRounds(sessionId)).find((r) => r.id === meta.currentRoundId) ?? null
  }

  /** A round's groups as views, with the people not placed. */
  async groups(sessionId: string, roundId: string, isOnline: (id: string) => boolean): Promise<RoundGroups> {
    const [session, groups, memberships, people] = await Promise.all([
      this.store.sessions.get(sessionId),
      this.store.rooms.listGroups(roundId),
      this.store.rooms.listMemberships(roundId),
      this.store.participants.listBySession(sessionId),
    ])
    const anonymity = session?.anonymity ?? 'anonymous'
    const byId = new Map(people.map((p) => [p.id, p]))
    const placed = new Set(memberships.map((m) => m.participantId))
    return {
      roundId,
      groups: toGroupViews(groups, memberships, byId, anonymity, isOnline),
      unassigned: people
        .filter((p) => p.removedAt === null && !placed.has(p.id))
        .map((p) => ({
          id: p.id,
          label: publicLabel(anonymity, p),
          sector: publicSector(anonymity, p.sector),
          online: isOnline(p.id),
        })),
    }
  }

  /** A round's tables as those choosing one may see them: how full each is, not who sits there. */
  async seats(roundId: string): Promise<SeatsChanged> {
    const [groups, seated] = await Promise.all([
      this.store.rooms.listGroups(roundId),
      this.store.rooms.countSeated(roundId),
    ])
    return {
      roundId,
      groups: groups.map((g) => ({
        id: g.id,
        number: g.number,
        name: g.name,
        seated: seated.get(g.id) ?? 0,
      })),
    }
  }

  /** One person's group in a round with its members, read without the rest of the room; null when not placed. */
  async groupOf(
    sessionId: string,
    roundId: string,
    participantId: string,
    isOnline: (id: string) => boolean,
  ): Promise<GroupView | null> {
    const membership = await this.store.rooms.getMembership(roundId, participantId)
    if (!membership) return null
    const [session, group, members] = await Promise.all([
      this.store.sessions.get(sessionId),
      this.store.rooms.getGroup(membership.groupId),
      this.store.rooms.listGroupMembers(membership.groupId),
    ])
    if (!group) return null
    const byId = new Map(members.map((m) => [m.participantId, m.participant]))
    const [view] = toGroupViews([group], members, byId, session?.anonymity ?? 'anonymous', isOnline)
    return view ?? null
  }

  /** What an identity may do with a group's notes: members write while the round allows, and read after. */
  async groupDocAccess(identity: Identity, ref: Extract<DocRef, { kind: 'group' }>): Promise<DocAccess> {
    if (canFacilitate(identity.role)) return 'write'
    if (identity.role === 'organizer') return 'read'
    if (identity.role !== 'participant') return 'none'
    const memberships = await this.store.rooms.listParticipantMemberships(identity.id)
    const rounds = new Map((await this.store.rooms.listRounds(identity.sessionId)).map((r) => [r.id, r]))
    let access: DocAccess = 'none'
    for (const m of memberships) {
      const group = await this.store.rooms.getGroup(m.groupId)
      const round = rounds.get(m.roundId)
      if (!group || !round || group.docKey !== ref.groupId) continue
      if (this.notesWritable(round)) return 'write'
      access = 'read'
    }
    return access
  }

  /** Whether a round's notes still take edits: while it runs, after it when left editable, and for a grace. */
  notesWritable(round: RoundRecord): boolean {
    if (round.status !== 'ended') return round.status !== 'planned'
    const lockAt = this.notesLockAt(round)
    return lockAt === null ? round.notesAfter === 'editable' : this.now() < lockAt
  }

  /** When an ended round's locked notes stop taking edits: its end plus the grace; null if they never lock. */
  notesLockAt(round: RoundRecord): number | null {
    if (round.status !== 'ended' || round.notesAfter === 'editable' || round.endedAt === null) return null
    return round.endedAt + this.notesLockGraceMs
  }
}
