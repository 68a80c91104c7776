import type { GroupRecord, Store } from '../store/types.ts'

/** A round's tables as placing a late joiner needs them: the tables, who sits at each, and their sectors. */
export interface Seating {
  roundId: string
  groups: GroupRecord[]
  /** Participant ids by group id. */
  seated: Map<string, string[]>
  sectors: Map<string, string | null>
}

/** Sessions whose seating is kept at once, the least recently seated dropped first: a storm is one session's. */
const SEATINGS_KEPT = 32

/**
 * The seating of each session's current round, read once and then kept by the late joiners it seats, so a hall
 * arriving at once does not read the whole room again per arrival. Only use it under the session's lock; any
 * other change to a session's groups must `forget` it, and the next arrival reads the store again.
 */
export class SeatingCache {
  private readonly bySession = new Map<string, Seating>()

  constructor(private readonly store: Store) {}

  /** The seating of a session's round, from memory when it is the one kept. */
  async get(sessionId: string, roundId: string): Promise<Seating> {
    const kept = this.bySession.get(sessionId)
    this.bySession.delete(sessionId)
    if (kept?.roundId === roundId) {
      this.bySession.set(sessionId, kept)
      return kept
    }
    const [groups, seats] = await Promise.all([
      this.store.rooms.listGroups(roundId),
      this.store.rooms.listSeats(roundId),
    ])
    const seated = new Map(groups.map((g): [string, string[]] => [g.id, []]))
    for (const seat of seats) seated.get(seat.groupId)?.push(seat.participantId)
    const seating = {
      roundId,
      groups,
      seated,
      sectors: new Map(seats.map((seat) => [seat.participantId, seat.sector])),
    }
    this.bySession.set(sessionId, seating)
    const oldest = this.bySession.keys().next().value
    if (this.bySession.size > SEATINGS_KEPT && oldest !== undefined) this.bySession.delete(oldest)
    return seating
  }

  /** Records a seat the store now holds; `group` may be a table just added. */
  seat(seating: Seating, group: GroupRecord, participantId: string, sector: string | null): void {
    if (!seating.seated.has(group.id)) {
      seating.groups.push(group)
      seating.seated.set(group.id, [])
    }
    seating.seated.get(group.id)?.push(participantId)
    seating.sectors.set(participantId, sector)
  }

  /** Drops a session's seating after its groups changed some other way. */
  forget(sessionId: string): void {
    this.bySession.delete(sessionId)
  }
}
