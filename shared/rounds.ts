import { z } from 'zod'
import { GROUPING_RULES, type GroupingRuleName, TEMPLATES } from './vocabulary.ts'

export type { GroupingRuleName, TemplateName } from './vocabulary.ts'
export { GROUPING_RULES, TEMPLATES } from './vocabulary.ts'

export const groupingRuleSchema = z.enum(GROUPING_RULES)

/** What happens to a round's notes when it ends. */
export const notesAfterSchema = z.enum(['editable', 'readonly'])

/** One round as the facilitator plans it. */
export const roundInputSchema = z.object({
  id: z.string().min(1).max(40).optional(),
  title: z.string().trim().min(1).max(120),
  prompts: z.array(z.string().trim().min(1).max(300)).min(1).max(6),
  durationMinutes: z.number().int().min(1).max(120),
  groupSize: z.number().int().min(1).max(50),
  grouping: groupingRuleSchema,
  notesAfter: notesAfterSchema.default('readonly'),
  continueNotes: z.boolean().default(false),
  /** Seconds after zero before the round ends by itself; null waits for the facilitator. */
  graceSeconds: z.number().int().min(0).max(1800).nullable().default(null),
})
export type RoundInput = z.input<typeof roundInputSchema>

export const ROUND_STATUSES = ['planned', 'running', 'paused', 'ended'] as const
export type RoundStatus = (typeof ROUND_STATUSES)[number]

/** A round as everyone sees it; timing is absolute server time so every screen counts down alike. */
export interface RoundView {
  id: string
  position: number
  title: string
  prompts: string[]
  durationMs: number
  groupSize: number
  grouping: GroupingRuleName
  notesAfter: 'editable' | 'readonly'
  continueNotes: boolean
  graceMs: number | null
  status: RoundStatus
  /** Running: the deadline, in server ms since the epoch. */
  endsAt: number | null
  /** Paused: what was left. */
  remainingMs: number | null
  startedAt: number | null
  endedAt: number | null
}

/** A group member as the room may see them. */
export interface MemberView {
  id: string
  label: string | null
  sector: string | null
  online: boolean
}

/** A breakout group ("Table 4"). */
export interface GroupView {
  id: string
  roundId: string
  number: number
  name: string
  docName: string
  members: MemberView[]
}

/** A table as a participant choosing one sees it: how many sit there, never who. */
export interface GroupSeats {
  id: string
  number: number
  name: string
  /** How many people sit at it now. */
  seated: number
}

/** A message from the facilitators to the room or to one group. */
export interface BroadcastView {
  id: string
  text: string
  groupId: string | null
  at: number
}

/** The shared state of the room; `version` grows with every change, and commands name the version they saw. */
export interface RoomState {
  version: number
  currentRoundId: string | null
  rounds: RoundView[]
  broadcasts: BroadcastView[]
}

/** One entry of the facilitators' action log. */
export interface ActionLogEntry {
  id: string
  at: number
  actor: string
  action: string
  detail: string
}

const versioned = { expectedVersion: z.number().int().min(0) }
const id = z.string().min(1).max(40)

export const agendaSaveSchema = z.object({ ...versioned, rounds: z.array(roundInputSchema).max(30) })
export const agendaTemplateSchema = z.object({ ...versioned, template: z.enum(TEMPLATES) })
export const agendaShortenSchema = z.object({ ...versioned, minutes: z.number().int().min(1).max(600) })
export const roundCommandSchema = z.object({ ...versioned, roundId: id })
export const roundExtendSchema = z.object({
  ...versioned,
  roundId: id,
  minutes: z.number().int().min(1).max(60),
})
export const groupMoveSchema = z.object({ ...versioned, participantId: id, groupId: id })
export const groupChooseSchema = z.object({ groupId: id })
export const broadcastSendSchema = z.object({
  text: z.string().trim().min(1).max(280),
  groupId: id.nullable(),
})
export const broadcastDismissSchema = z.object({ broadcastId: id })
