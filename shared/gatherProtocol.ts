import { z } from 'zod'
import type { Ack } from './errors.ts'
import type { GatherBoard, PublishedSummary, ThemeProposal, VoteTally, VoteView } from './summary.ts'

const id = z.string().min(1).max(40)

/** Which rounds to gather from; none or empty: every round that has started. */
export const gatherPointsSchema = z.object({ roundIds: z.array(id).max(30).optional() })
/** Suggest themes or sort the rest over the same choice of rounds. */
export const gatherSuggestSchema = gatherPointsSchema
export const gatherSortRestSchema = gatherPointsSchema

/** The most dots one participant may get in a vote. */
export const DOTS_PER_PARTICIPANT_MAX = 10

export const voteOpenSchema = z.object({
  dotsPerParticipant: z.number().int().min(1).max(DOTS_PER_PARTICIPANT_MAX),
})
/** A participant's dots on one theme (0 takes them all back); the server checks the total. */
export const voteCastSchema = z.object({
  themeId: id,
  dots: z.number().int().min(0).max(DOTS_PER_PARTICIPANT_MAX),
})

/** The answer to "sort the rest": a proposal per unsorted point, and points the engine is unsure about. */
export interface SortRestResult {
  proposals: { ref: string; themeId: string; confidence: number }[]
  /** Refs left unsorted because no theme is a confident fit. */
  unsure: string[]
}

/** Suggested themes over the gathered points (ids are point refs). */
export interface ThemeSuggestions {
  themes: ThemeProposal[]
  unsorted: string[]
}

type In<S extends z.ZodType> = z.input<S>

/** Socket.IO events of the gather step (themes, votes, "what we heard"); merged into the protocol's event maps. */
export type GatherClientEvents = {
  /** Facilitators and organizers: every key point of the chosen rounds, with provenance and duplicates. */
  'gather:points': (input: In<typeof gatherPointsSchema>, ack: Ack<GatherBoard>) => void
  /** Facilitators: themes suggested by the server's engine, to accept, rename, split or ignore. */
  'gather:suggest': (input: In<typeof gatherSuggestSchema>, ack: Ack<ThemeSuggestions>) => void
  /** Facilitators: proposals for the points not yet placed, seeded by the summary's current placements. */
  'gather:sortRest': (input: In<typeof gatherSortRestSchema>, ack: Ack<SortRestResult>) => void
  /** Facilitators: open a dot vote on the summary's current themes (frozen while it is open). */
  'vote:open': (input: In<typeof voteOpenSchema>, ack: Ack<VoteView>) => void
  /** Facilitators: close the vote. */
  'vote:close': (ack: Ack<VoteView>) => void
  /** Participants: place (or move back) dots on one theme while the vote is open. */
  'vote:cast': (input: In<typeof voteCastSchema>, ack: Ack<VoteView>) => void
  /** Anyone: the vote as this connection may see it (tallies for facilitators, projector and organizers). */
  'vote:state': (ack: Ack<VoteView>) => void
  /** Facilitators: snapshot the summary as "what we heard" and send it to everyone; replaces the last one. */
  'summary:publish': (ack: Ack<PublishedSummary>) => void
  /** Anyone: the published summary, or null before the first publish. */
  'summary:get': (ack: Ack<PublishedSummary | null>) => void
}

/** Broadcasts of the gather step. */
export type GatherServerEvents = {
  /** To everyone: the vote opened, closed, or was replaced (tallies only reach those who may see them). */
  'vote:changed': (vote: VoteView) => void
  /** To facilitators, the projector and organizers: live totals while people vote. */
  'vote:tally': (tally: VoteTally) => void
  /** To everyone: a new "what we heard". */
  'summary:published': (summary: PublishedSummary) => void
}
