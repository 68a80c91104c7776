import { formGroups, pairsOf } from '../domain/grouping.ts'
import { newId } from '../domain/secrets.ts'
import type { GroupRecord, MembershipRecord, RoundRecord, Store } from '../store/types.ts'

/** A table's name; clients translate the "Table N" pattern. */
const tableName = (number: number) => `Table ${number}`

/** Pairs of people who already sat together in any round of the session, for reshuffling. */
function seatingHistory(memberships: MembershipRecord[]): Set<string> {
  const tables = new Map<string, string[]>()
  for (const m of memberships) {
    const key = `${m.roundId}/${m.groupId}`
    const seated = tables.get(key)
    if (seated) seated.push(m.participantId)
    else tables.set(key, [m.participantId])
  }
  return pairsOf([...tables.values()])
}

/** Forms a round's groups from everyone who joined and was not removed, online or not, and stores them. */
export async function seatRound(
  store: Store,
  round: RoundRecord,
  previous: RoundRecord | null,
): Promise<void> {
  const people = (await store.participants.listBySession(round.sessionId)).filter((p) => p.removedAt === null)
  const all = await store.rooms.listSessionMemberships(round.sessionId)
  const previousGroups = previous ? await store.rooms.listGroups(previous.id) : []
  const seats = formGroups({
    people: people.map((p) => ({ id: p.id, sector: p.sector })),
    groupSize: round.groupSize,
    rule: round.grouping,
    seed: hashSeed(round.id),
    previous: previous
      ? previousGroups.map((g) =>
          all.filter((m) => m.roundId === previous.id && m.groupId === g.id).map((m) => m.participantId),
        )
      : undefined,
    history: seatingHistory(all),
  })
  const groups: GroupRecord[] = seats.map((_, i) => ({
    id: newId(),
    sessionId: round.sessionId,
    roundId: round.id,
    number: i + 1,
    name: tableName(i + 1),
    // World Café tables keep their "paper": table N continues the notes of the previous round's table N.
    docKey: (round.continueNotes ? previousGroups[i]?.docKey : undefined) ?? newId(),
  }))
  const memberships: MembershipRecord[] = seats.flatMap((ids, i) =>
    ids.map((participantId) => ({
      roundId: round.id,
      groupId: (groups[i] as GroupRecord).id,
      participantId,
    })),
  )
  await store.rooms.replaceGroups(round.id, groups, memberships)
}

/** Opens one more table in a running round, for a late joiner when every table is full. */
export async function addTable(store: Store, round: RoundRecord, number: number): Promise<GroupRecord> {
  const group = {
    id: newId(),
    sessionId: round.sessionId,
    roundId: round.id,
    number,
    name: tableName(number),
    docKey: newId(),
  }
  await store.rooms.addGroup(group)
  return group
}

/** A stable seed from a round id, so forming a round's groups again gives the same groups. */
function hashSeed(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}
