import { groupDocName } from '../../shared/docNames.ts'
import { type KeyPoint, pointsMap, readPoints } from '../../shared/notes.ts'
import type { Anonymity } from '../../shared/session.ts'
import type { GatherBoard, GatherGroup, GatherPoint, Provenance } from '../../shared/summary.ts'
import { pointRef } from '../../shared/summary.ts'
import { tokenize } from '../domain/themes/tokenize.ts'
import type { DocHub } from '../realtime/docs/hub.ts'
import type { GroupRecord, RoundRecord, Store } from '../store/types.ts'

/** A sector is shown beside a point only when at least this many people in the session hold it. */
export const SECTOR_SHOWN_MIN_PEOPLE = 3

interface Seat {
  round: RoundRecord
  group: GroupRecord
}

/**
 * Reads the gather board from the group notes themselves (the server's live copies), so it always shows what the
 * groups wrote: hidden points are not in the documents, and provenance is cut down to what anonymity allows.
 */
export async function readBoard(
  store: Store,
  hub: DocHub,
  sessionId: string,
  roundIds?: readonly string[],
): Promise<GatherBoard> {
  const [session, allRounds, people] = await Promise.all([
    store.sessions.get(sessionId),
    store.rooms.listRounds(sessionId),
    store.participants.listBySession(sessionId),
  ])
  const anonymity: Anonymity = session?.anonymity ?? 'anonymous'
  const started = allRounds.filter((r) => r.status !== 'planned').sort((a, b) => a.position - b.position)
  const chosen = new Set(roundIds?.length ? roundIds : started.map((r) => r.id))
  const sectorCounts = new Map<string, number>()
  for (const p of people) {
    if (p.removedAt === null && p.sector) sectorCounts.set(p.sector, (sectorCounts.get(p.sector) ?? 0) + 1)
  }

  // Rounds that continue notes share one document: each point belongs to the round running when it was written.
  const seatsByDoc = new Map<string, Seat[]>()
  const groups: GatherGroup[] = []
  for (const round of started) {
    for (const group of await store.rooms.listGroups(round.id)) {
      const seats = seatsByDoc.get(group.docKey) ?? []
      seats.push({ round, group })
      seatsByDoc.set(group.docKey, seats)
      if (chosen.has(round.id)) groups.push({ id: group.id, roundId: round.id, name: group.name })
    }
  }

  const provenanceOf = (seat: Seat, point: KeyPoint): Provenance => {
    const sector = point.author?.sector ?? null
    const label = point.author?.label ?? null
    return {
      roundId: seat.round.id,
      roundTitle: seat.round.title,
      groupId: seat.group.id,
      groupName: seat.group.name,
      sector:
        anonymity !== 'anonymous' && sector && (sectorCounts.get(sector) ?? 0) >= SECTOR_SHOWN_MIN_PEOPLE
          ? sector
          : null,
      name: anonymity === 'named' && label && label !== sector ? label : null,
    }
  }

  const points: GatherPoint[] = []
  for (const [docKey, seats] of seatsByDoc) {
    if (!seats.some((s) => chosen.has(s.round.id))) continue
    const docName = groupDocName(sessionId, docKey)
    const room = await hub.room(docName)
    const items = pointsMap(room.doc)
    for (const point of readPoints(room.doc)) {
      if (items.get(point.id)?.get('hidden')) continue
      if (!point.text.trim()) continue
      const seat = seatFor(seats, point.createdAt)
      if (!chosen.has(seat.round.id)) continue
      points.push({
        ref: pointRef(docName, point.id),
        kind: point.kind,
        text: point.text,
        provenance: provenanceOf(seat, point),
      })
    }
  }
  const rounds = started.filter((r) => chosen.has(r.id)).map((r) => ({ id: r.id, title: r.title }))
  return { rounds, groups, points, duplicates: findDuplicates(points) }
}

/** The round a point was written in: the latest that had started by then (the first, for older points). */
function seatFor(seats: readonly Seat[], createdAt: number): Seat {
  let best = seats[0] as Seat
  for (const seat of seats) {
    const at = seat.round.startedAt
    if (at !== null && at <= createdAt && (best.round.startedAt ?? 0) <= at) best = seat
  }
  return best
}

/** Text with case, accents' composition, punctuation and spacing evened out. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * Points that say the same thing: equal once normalised, or made of exactly the same content-word stems ("More
 * beds needed!" and "need more beds"). Deliberately strict: a wrong merge hides a voice, a missed one costs a click.
 */
export function findDuplicates(points: readonly { ref: string; text: string }[]): string[][] {
  const parent = points.map((_, i) => i)
  const find = (i: number): number => {
    let root = i
    while (parent[root] !== root) root = parent[root] as number
    parent[i] = root
    return root
  }
  const firstByKey = new Map<string, number>()
  points.forEach((point, i) => {
    const normal = normaliseText(point.text)
    const keys = normal ? [`t:${normal}`] : []
    const stems = [...new Set(tokenize(point.text).tokens.map((t) => t.stem))].sort()
    if (stems.length > 0) keys.push(`s:${stems.join(' ')}`)
    for (const key of keys) {
      const first = firstByKey.get(key)
      if (first === undefined) firstByKey.set(key, i)
      else parent[find(i)] = find(first)
    }
  })
  const sets = new Map<number, string[]>()
  points.forEach((point, i) => {
    const root = find(i)
    const set = sets.get(root) ?? []
    set.push(point.ref)
    sets.set(root, set)
  })
  return [...sets.values()].filter((set) => set.length > 1)
}
