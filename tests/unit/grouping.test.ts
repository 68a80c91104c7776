import { describe, expect, it } from 'vitest'
import { DomainError } from '../../server/domain/errors.ts'
import {
  formGroups,
  type GroupingInput,
  type GroupingPerson,
  type GroupingRule,
  greedyReshuffleBaseline,
  mulberry32,
  pairKey,
  pairsOf,
  placeLateJoiner,
  repeatPairings,
  seededShuffle,
} from '../../server/domain/grouping.ts'

/** A participant as the room knows them; grouping sees only id and sector, never whether they are online. */
interface Participant extends GroupingPerson {
  online: boolean
}

const ROOMS = 200
/** The property tests run hundreds of rooms of up to 300 people; give them room on a busy machine. */
const PROPERTY_TIMEOUT_MS = 30_000
const SECTORS = ['health', 'youth', 'business', 'faith', 'housing', 'arts', 'council', 'sport']
const MIXES = ['varied', 'many-null', 'one-dominant', 'all-null', 'all-distinct'] as const

/** A random room for a test seed: 3-300 people, a sector mix, some offline, a target group size. */
function makeRoom(testSeed: number) {
  const rng = mulberry32(testSeed * 7919 + 1)
  const n = 3 + Math.floor(rng() * 298)
  const mix = MIXES[testSeed % MIXES.length] as (typeof MIXES)[number]
  const sectorCount = 1 + Math.floor(rng() * SECTORS.length)
  const sectorFor = (i: number): string | null => {
    const r = rng()
    switch (mix) {
      case 'varied':
        return r < 0.15 ? null : (SECTORS[Math.floor(rng() * sectorCount)] as string)
      case 'many-null':
        return r < 0.75 ? null : (SECTORS[Math.floor(rng() * sectorCount)] as string)
      case 'one-dominant':
        return r < 0.8 ? 'health' : r < 0.9 ? null : (SECTORS[Math.floor(rng() * sectorCount)] as string)
      case 'all-null':
        return null
      case 'all-distinct':
        return `sector-${i}`
    }
  }
  const participants: Participant[] = Array.from({ length: n }, (_, i) => ({
    id: `p${testSeed}-${i}`,
    sector: sectorFor(i),
    online: rng() > 0.2,
  }))
  const groupSize = rng() < 0.1 ? 1 + Math.floor(rng() * 30) : 2 + Math.floor(rng() * 7)
  return { participants, groupSize, rng }
}

/** What grouping receives: everyone joined and not removed, offline people included, and nothing else. */
const peopleOf = (participants: Participant[]): GroupingPerson[] =>
  participants.map(({ id, sector }) => ({ id, sector }))

function expectEveryoneOnce(groups: string[][], people: readonly GroupingPerson[]) {
  const flat = groups.flat()
  expect(flat.length).toBe(people.length)
  expect(new Set(flat)).toEqual(new Set(people.map((p) => p.id)))
}

function expectSizesWithinOne(groups: string[][], n: number, groupSize: number) {
  expect(groups.length).toBe(Math.max(1, Math.round(n / groupSize)))
  const sizes = groups.map((g) => g.length)
  expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
}

/** For every sector (null as its own bucket), counts per table differ by at most one. */
function worstSectorSpread(groups: string[][], people: readonly GroupingPerson[]): number {
  const sectorOf = new Map(people.map((p) => [p.id, p.sector]))
  let worst = 0
  for (const sector of new Set(people.map((p) => p.sector))) {
    const counts = groups.map((g) => g.filter((id) => sectorOf.get(id) === sector).length)
    worst = Math.max(worst, Math.max(...counts) - Math.min(...counts))
  }
  return worst
}

/** A partition as a comparable string, ignoring group order and order within groups. */
const canonical = (groups: string[][]) =>
  JSON.stringify(groups.map((g) => [...g].sort()).sort((a, b) => (a.join() < b.join() ? -1 : 1)))

const groupIndexOf = (groups: string[][]) =>
  new Map(groups.flatMap((g, i) => g.map((id) => [id, i] as const)))

/** Some of the room leave, some arrive: the people of a later round. */
function churn(participants: Participant[], rng: () => number, tag: string): Participant[] {
  const stay = participants.filter(() => rng() > 0.1)
  const arrivals = Math.floor(rng() * Math.max(2, participants.length / 8))
  const fresh = Array.from({ length: arrivals }, (_, i) => ({
    id: `${tag}-new-${i}`,
    sector: rng() < 0.3 ? null : (SECTORS[Math.floor(rng() * SECTORS.length)] as string),
    online: rng() > 0.2,
  }))
  return [...stay, ...fresh]
}

describe('formGroups over many random rooms', { timeout: PROPERTY_TIMEOUT_MS }, () => {
  it('random, sector-balanced and whole-room place everyone once; sizes within one; sectors balanced', () => {
    for (let seed = 0; seed < ROOMS; seed++) {
      const { participants, groupSize } = makeRoom(seed)
      const people = peopleOf(participants)
      for (const rule of ['random', 'sector-balanced'] as const) {
        const groups = formGroups({ people, groupSize, rule, seed })
        expectEveryoneOnce(groups, people)
        expectSizesWithinOne(groups, people.length, groupSize)
        // Offline people are placed like everyone else.
        const placed = new Set(groups.flat())
        for (const p of participants.filter((x) => !x.online)) expect(placed.has(p.id)).toBe(true)
      }
      const balanced = formGroups({ people, groupSize, rule: 'sector-balanced', seed })
      expect(worstSectorSpread(balanced, people), `room ${seed}`).toBeLessThanOrEqual(1)
      const whole = formGroups({ people, groupSize, rule: 'whole-room', seed })
      expect(whole).toHaveLength(1)
      expectEveryoneOnce(whole, people)
    }
  })

  it('random alone does not balance sectors, so the sector test above can fail', () => {
    let unbalanced = 0
    for (let seed = 0; seed < ROOMS; seed++) {
      const { participants, groupSize } = makeRoom(seed)
      const people = peopleOf(participants)
      if (worstSectorSpread(formGroups({ people, groupSize, rule: 'random', seed }), people) > 1) unbalanced++
    }
    expect(unbalanced).toBeGreaterThan(ROOMS / 4)
  })

  it('reshuffle places everyone once, sizes within one, and repeats no more pairs than the greedy baseline', () => {
    let reshuffleTotal = 0
    let baselineTotal = 0
    let randomTotal = 0
    let strictlyBetter = 0
    let baselineRepeats = 0
    for (let seed = 0; seed < ROOMS; seed++) {
      const { participants, groupSize, rng } = makeRoom(seed)
      const people = peopleOf(participants)
      // Two earlier rounds, one random and one at another table size, make the history.
      const first = formGroups({ people, groupSize, rule: 'random', seed: seed + 1000 })
      const second = formGroups({
        people,
        groupSize: Math.max(2, groupSize - 1),
        rule: 'random',
        seed: seed + 2000,
      })
      const history = new Set([...pairsOf(first), ...pairsOf(second)])
      const now = peopleOf(churn(participants, rng, `r${seed}`))
      const input: GroupingInput = { people: now, groupSize, rule: 'reshuffle', seed, history }
      const groups = formGroups(input)
      expectEveryoneOnce(groups, now)
      expectSizesWithinOne(groups, now.length, groupSize)
      const baseline = greedyReshuffleBaseline(input)
      expectEveryoneOnce(baseline, now)
      const ours = repeatPairings(groups, history)
      const theirs = repeatPairings(baseline, history)
      expect(ours, `room ${seed}`).toBeLessThanOrEqual(theirs)
      reshuffleTotal += ours
      baselineTotal += theirs
      randomTotal += repeatPairings(formGroups({ ...input, rule: 'random' }), history)
      if (ours < theirs) strictlyBetter++
      if (theirs > 0) baselineRepeats++
    }
    console.log(
      `reshuffle over ${ROOMS} rooms: ${reshuffleTotal} repeat pairings; greedy baseline ${baselineTotal}; ` +
        `random ${randomTotal}; reshuffle strictly better in ${strictlyBetter} of the ${baselineRepeats} rooms where the baseline repeats any`,
    )
    expect(reshuffleTotal).toBeLessThan(baselineTotal)
  })

  it('keep-previous keeps who sat with whom, drops leavers and places newcomers', () => {
    for (let seed = 0; seed < ROOMS; seed++) {
      const { participants, groupSize, rng } = makeRoom(seed)
      const previous = formGroups({ people: peopleOf(participants), groupSize, rule: 'random', seed })
      const now = peopleOf(churn(participants, rng, `k${seed}`))
      const groups = formGroups({ people: now, groupSize, rule: 'keep-previous', seed, previous })
      expectEveryoneOnce(groups, now)
      const before = groupIndexOf(previous)
      const after = groupIndexOf(groups)
      for (const p of now) {
        // Everyone who stayed keeps their table (position included); newcomers go to a table or a new one.
        const was = before.get(p.id)
        if (was !== undefined) expect(after.get(p.id)).toBe(was)
      }
      // No table was overfilled past one above target while another had room.
      const sizes = groups.slice(0, previous.length).map((g) => g.length)
      if (groups.length > previous.length) expect(Math.min(...sizes)).toBeGreaterThan(groupSize)
    }
  })

  it('merge joins previous groups 1+2, 3+4, … with an odd last one joining the pair before', () => {
    for (let seed = 0; seed < ROOMS; seed++) {
      const { participants, rng } = makeRoom(seed)
      const previous = formGroups({ people: peopleOf(participants), groupSize: 2, rule: 'random', seed })
      const now = peopleOf(churn(participants, rng, `m${seed}`))
      const groups = formGroups({ people: now, groupSize: 4, rule: 'merge', seed, previous })
      expectEveryoneOnce(groups, now)
      // Expected merged index of each surviving previous group, counting only groups that still have someone.
      const present = new Set(now.map((p) => p.id))
      const surviving = previous.map((g) => g.filter((id) => present.has(id))).filter((g) => g.length > 0)
      const m = surviving.length
      const mergedIndex = (i: number) =>
        m % 2 === 1 && m > 1 && i === m - 1 ? (m - 3) / 2 : Math.floor(i / 2)
      const expected = new Map(surviving.flatMap((g, i) => g.map((id) => [id, mergedIndex(i)] as const)))
      const actual = groupIndexOf(groups)
      // Two survivors share a group now exactly when their previous groups were merged: expected index and
      // actual group correspond one to one.
      const toActual = new Map<number, number | undefined>()
      const toExpected = new Map<number | undefined, number>()
      for (const [id, want] of expected) {
        const got = actual.get(id)
        if (!toActual.has(want)) toActual.set(want, got)
        if (!toExpected.has(got)) toExpected.set(got, want)
        expect([toActual.get(want), toExpected.get(got)], `room ${seed}, ${id}`).toEqual([got, want])
      }
    }
  })

  it('is deterministic for a seed and differs with another seed', () => {
    const rules: GroupingRule[] = ['random', 'sector-balanced', 'reshuffle']
    for (let seed = 0; seed < 60; seed++) {
      const { participants, groupSize } = makeRoom(seed)
      const people = peopleOf(participants)
      const history = pairsOf(formGroups({ people, groupSize, rule: 'random', seed: seed + 99 }))
      for (const rule of rules) {
        const input: GroupingInput = { people, groupSize, rule, seed, history }
        const once = formGroups(input)
        expect(formGroups({ ...input, people: [...people] })).toEqual(once)
        if (people.length >= 10 && once.length >= 2) {
          expect(canonical(formGroups({ ...input, seed: seed + 1 })), `${rule} room ${seed}`).not.toBe(
            canonical(once),
          )
        }
      }
    }
  })

  it('manual and self-select open empty tables: people / size, rounded up', () => {
    const people = Array.from({ length: 23 }, (_, i) => ({ id: `p${i}`, sector: null }))
    for (const rule of ['manual', 'self-select'] as const) {
      expect(formGroups({ people, groupSize: 5, rule, seed: 1 })).toEqual([[], [], [], [], []])
      expect(formGroups({ people: [], groupSize: 5, rule, seed: 1 })).toEqual([[]])
    }
  })

  it('handles an empty room and refuses bad input with bad_request', () => {
    expect(formGroups({ people: [], groupSize: 4, rule: 'random', seed: 1 })).toEqual([[]])
    expect(formGroups({ people: [], groupSize: 4, rule: 'reshuffle', seed: 1 })).toEqual([[]])
    const bad: Partial<GroupingInput>[] = [
      { groupSize: 0 },
      { groupSize: 2.5 },
      { seed: Number.NaN },
      {
        people: [
          { id: 'a', sector: null },
          { id: 'a', sector: 'x' },
        ],
      },
    ]
    for (const patch of bad) {
      const input: GroupingInput = {
        people: [{ id: 'a', sector: null }],
        groupSize: 3,
        rule: 'random',
        seed: 1,
      }
      const attempt = () => formGroups({ ...input, ...patch })
      expect(attempt).toThrow(DomainError)
      expect(attempt).toThrow(expect.objectContaining({ code: 'bad_request' }))
    }
  })
})

describe('placeLateJoiner', () => {
  const sectorsOf = new Map<string, string | null>([
    ['a', 'health'],
    ['b', 'health'],
    ['c', 'youth'],
    ['d', null],
    ['e', 'youth'],
  ])

  it('picks the smallest group', () => {
    expect(placeLateJoiner([['a', 'b'], ['c'], ['d', 'e']], { id: 'z', sector: 'youth' }, sectorsOf, 4)).toBe(
      1,
    )
  })

  it('among equal sizes, picks the one with fewest of the person’s sector, then the first', () => {
    const groups = [
      ['a', 'b'],
      ['c', 'e'],
      ['d', 'a'],
    ]
    expect(placeLateJoiner(groups, { id: 'z', sector: 'health' }, sectorsOf, 4)).toBe(1)
    expect(placeLateJoiner(groups, { id: 'z', sector: 'youth' }, sectorsOf, 4)).toBe(0)
    expect(placeLateJoiner(groups, { id: 'z', sector: null }, sectorsOf, 4)).toBe(0)
  })

  it('fills groups up to one above the maximum, then says to open a new group', () => {
    expect(
      placeLateJoiner(
        [
          ['a', 'b', 'c'],
          ['d', 'e'],
        ],
        { id: 'z', sector: null },
        sectorsOf,
        2,
      ),
    ).toBe(1)
    expect(
      placeLateJoiner(
        [
          ['a', 'b', 'c'],
          ['d', 'e', 'z'],
        ],
        { id: 'y', sector: null },
        sectorsOf,
        2,
      ),
    ).toBe(2)
    expect(placeLateJoiner([], { id: 'z', sector: null }, sectorsOf, 4)).toBe(0)
  })
})

describe('pairs and the seeded shuffle', () => {
  it('pairKey is order-independent and unambiguous', () => {
    expect(pairKey('a', 'b')).toBe(pairKey('b', 'a'))
    expect(pairKey('a|b', 'c')).not.toBe(pairKey('a', 'b|c'))
  })

  it('pairsOf and repeatPairings count pairs seated together', () => {
    const groups = [['a', 'b', 'c'], ['d']]
    expect(pairsOf(groups)).toEqual(new Set([pairKey('a', 'b'), pairKey('a', 'c'), pairKey('b', 'c')]))
    expect(repeatPairings(groups, new Set([pairKey('c', 'a'), pairKey('a', 'd')]))).toBe(1)
  })

  it('seededShuffle is a permutation and repeatable', () => {
    const items = Array.from({ length: 50 }, (_, i) => i)
    const shuffled = seededShuffle(items, mulberry32(7))
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items)
    expect(seededShuffle(items, mulberry32(7))).toEqual(shuffled)
    expect(shuffled).not.toEqual(items)
  })
})
