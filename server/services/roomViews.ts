import { groupDocName } from '../../shared/docNames.ts'
import type { BroadcastView, GroupView, RoundView } from '../../shared/rounds.ts'
import type { Anonymity } from '../../shared/session.ts'
import { publicLabel, publicSector } from '../domain/identity.ts'
import type {
  BroadcastRecord,
  GroupRecord,
  MembershipRecord,
  ParticipantRecord,
  RoundRecord,
} from '../store/types.ts'

/** A round as clients see it. */
export function toRoundView(r: RoundRecord): RoundView {
  const { sessionId: _sessionId, ...view } = r
  return view
}

/** A broadcast as clients see it. */
export function toBroadcastView(b: BroadcastRecord): BroadcastView {
  return { id: b.id, text: b.text, groupId: b.groupId, at: b.at }
}

/** Groups with their members, labelled as the session's anonymity allows. */
export function toGroupViews(
  groups: GroupRecord[],
  memberships: MembershipRecord[],
  people: ReadonlyMap<string, ParticipantRecord>,
  anonymity: Anonymity,
  isOnline: (id: string) => boolean,
): GroupView[] {
  const byGroup = new Map<string, MembershipRecord[]>()
  for (const m of memberships) {
    const list = byGroup.get(m.groupId)
    if (list) list.push(m)
    else byGroup.set(m.groupId, [m])
  }
  return groups.map((g) => ({
    id: g.id,
    roundId: g.roundId,
    number: g.number,
    name: g.name,
    docName: groupDocName(g.sessionId, g.docKey),
    members: (byGroup.get(g.id) ?? []).flatMap((m) => {
      const p = people.get(m.participantId)
      if (!p || p.removedAt !== null) return []
      return [
        {
          id: p.id,
          label: publicLabel(anonymity, p),
          sector: publicSector(anonymity, p.sector),
          online: isOnline(p.id),
        },
      ]
    }),
  }))
}
