import { serverRemainingMs } from '../../../../shared/clock.ts'
import type { GroupingRuleName, RoomState, RoundInput, RoundView } from '../../../../shared/rounds.ts'

/** One round as the agenda editor holds it while the facilitator types. */
export interface DraftRound {
  key: string
  id?: string
  title: string
  promptsText: string
  durationMinutes: string
  groupSize: string
  grouping: GroupingRuleName
  notesAfter: 'editable' | 'readonly'
  continueNotes: boolean
  graceSeconds: number | null
}

let counter = 0
const newKey = () => `d${++counter}`

export function draftOf(r: RoundView): DraftRound {
  return {
    key: r.id,
    id: r.id,
    title: r.title,
    promptsText: r.prompts.join('\n'),
    durationMinutes: String(Math.round(r.durationMs / 60_000)),
    groupSize: String(r.groupSize),
    grouping: r.grouping,
    notesAfter: r.notesAfter,
    continueNotes: r.continueNotes,
    graceSeconds: r.graceMs === null ? null : Math.round(r.graceMs / 1000),
  }
}

export function blankDraft(title: string): DraftRound {
  return {
    key: newKey(),
    title,
    promptsText: '',
    durationMinutes: '15',
    groupSize: '5',
    grouping: 'random',
    notesAfter: 'readonly',
    continueNotes: false,
    graceSeconds: null,
  }
}

/** What is wrong with a draft round, as message keys; empty when it can be saved. */
export function draftProblems(d: DraftRound): string[] {
  const problems: string[] = []
  if (!d.title.trim()) problems.push('title')
  if (prompts(d).length === 0) problems.push('prompts')
  const minutes = Number(d.durationMinutes)
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 180) problems.push('duration')
  const size = Number(d.groupSize)
  if (!Number.isInteger(size) || size < 1 || size > 50) problems.push('groupSize')
  return problems
}

const prompts = (d: DraftRound) =>
  d.promptsText
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean)
    .slice(0, 6)

export function inputOf(d: DraftRound): RoundInput {
  return {
    ...(d.id ? { id: d.id } : {}),
    title: d.title.trim(),
    prompts: prompts(d),
    durationMinutes: Number(d.durationMinutes),
    groupSize: Number(d.groupSize),
    grouping: d.grouping,
    notesAfter: d.notesAfter,
    continueNotes: d.continueNotes,
    graceSeconds: d.graceSeconds,
  }
}

/** Milliseconds of agenda still to go: what is left of the current round plus every planned round. */
export function remainingAgendaMs(state: RoomState, now: number, offset: number, plannedMs?: number): number {
  let total = 0
  for (const r of state.rounds) {
    if (r.status === 'running' && r.endsAt !== null) total += serverRemainingMs(r.endsAt, now, offset)
    else if (r.status === 'paused') total += r.remainingMs ?? 0
    else if (r.status === 'planned' && plannedMs === undefined) total += r.durationMs
  }
  return total + (plannedMs ?? 0)
}
