import { summaryDocName } from '../../shared/docNames.ts'
import { ERROR_CODES } from '../../shared/errors.ts'
import type { SortRestResult, ThemeSuggestions } from '../../shared/gatherProtocol.ts'
import type {
  GatherBoard,
  GatherPoint,
  PublishedSummary,
  PublishedTheme,
  VoteTally,
  VoteView,
} from '../../shared/summary.ts'
import { mergesMap, mergeTarget, readActions, readThemes, themeOf } from '../../shared/summary.ts'
import { DomainError, fail } from '../domain/errors.ts'
import { sortTheRest } from '../domain/themes/sortRest.ts'
import { suggestThemes } from '../domain/themes/suggest.ts'
import type { DocHub } from '../realtime/docs/hub.ts'
import type { Store, VoteRecord } from '../store/types.ts'
import { readBoard } from './gatherBoard.ts'

const NO_VOTE: VoteView = {
  status: 'none',
  dotsPerParticipant: 0,
  openedAt: null,
  themes: [],
  mine: null,
  tally: null,
}

/** Who is asking about a vote decides what they see: their own dots, or the totals. */
export type VoteAudience =
  | { kind: 'participant'; participantId: string }
  | { kind: 'tally' }
  | { kind: 'public' }

/** The gather step: the board, theme suggestions, the dot vote and "what we heard". */
export class GatherService {
  constructor(
    private readonly store: Store,
    private readonly hub: DocHub,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every key point of the chosen rounds, with provenance and duplicates. */
  board(sessionId: string, roundIds?: readonly string[]): Promise<GatherBoard> {
    return readBoard(this.store, this.hub, sessionId, roundIds)
  }

  /** Themes the engine suggests over the points that stand alone (merged duplicates ride with their original). */
  async suggest(sessionId: string, roundIds?: readonly string[]): Promise<ThemeSuggestions> {
    const points = await this.standalonePoints(sessionId, roundIds)
    const result = suggestThemes(points.map((p) => ({ id: p.ref, text: p.text })))
    return {
      themes: result.themes.map((t) => ({ id: t.id, label: t.label, words: t.words, refs: t.pointIds })),
      unsorted: result.unsorted,
    }
  }

  /** Proposals for every unplaced point, seeded by the points the facilitators placed in each theme. */
  async sortRest(sessionId: string, roundIds?: readonly string[]): Promise<SortRestResult> {
    const points = await this.standalonePoints(sessionId, roundIds)
    const summary = (await this.hub.room(summaryDocName(sessionId))).doc
    const seeds = new Map<string, string[]>()
    for (const theme of readThemes(summary)) seeds.set(theme.id, [])
    for (const p of points) {
      const themeId = themeOf(summary, p.ref)
      if (themeId) seeds.get(themeId)?.push(p.ref)
    }
    const seeded = [...seeds].filter(([, refs]) => refs.length > 0)
    if (seeded.length === 0) throw fail.badRequest('Place a point or two in each theme first.')
    const proposals = sortTheRest(
      points.map((p) => ({ id: p.ref, text: p.text })),
      seeded.map(([themeId, pointIds]) => ({ themeId, pointIds })),
    )
    const result: SortRestResult = { proposals: [], unsure: [] }
    for (const p of proposals) {
      if (themeOf(summary, p.pointId)) continue
      if (p.themeId === null) result.unsure.push(p.pointId)
      else result.proposals.push({ ref: p.pointId, themeId: p.themeId, confidence: p.confidence })
    }
    return result
  }

  /** Opens a dot vote on the summary's themes as they are now; they stay frozen for the vote. */
  async openVote(sessionId: string, dotsPerParticipant: number): Promise<VoteView> {
    const summary = (await this.hub.room(summaryDocName(sessionId))).doc
    const themes = readThemes(summary)
      .filter((t) => t.title.trim())
      .map((t) => ({ id: t.id, title: t.title.trim() }))
    if (themes.length === 0) throw fail.badRequest('Add at least one theme before opening a vote.')
    const record: VoteRecord = {
      sessionId,
      status: 'open',
      dotsPerParticipant,
      themes,
      openedAt: this.now(),
      closedAt: null,
    }
    await this.store.gather.openVote(record)
    return this.voteView(sessionId, { kind: 'tally' })
  }

  /** Closes the vote; closing a closed vote changes nothing. */
  async closeVote(sessionId: string): Promise<VoteView> {
    const vote = await this.store.gather.closeVote(sessionId, this.now())
    if (!vote) throw fail.badRequest('No vote has been opened.')
    return this.voteView(sessionId, { kind: 'tally' })
  }

  /** Places a participant's dots on one theme; refused unless the vote is open and the dots are theirs to give. */
  async cast(sessionId: string, participantId: string, themeId: string, dots: number): Promise<VoteView> {
    const outcome = await this.store.gather.castDots(sessionId, participantId, themeId, dots)
    if (!outcome.ok) {
      if (outcome.reason === 'not-open') throw new DomainError(ERROR_CODES.conflict, 'The vote is not open.')
      if (outcome.reason === 'unknown-theme') throw fail.badRequest('That theme is not in this vote.')
      throw fail.badRequest('You have no dots left: take one back from another theme first.')
    }
    return this.voteView(sessionId, { kind: 'participant', participantId })
  }

  /** The vote as an audience may see it. */
  async voteView(sessionId: string, audience: VoteAudience): Promise<VoteView> {
    const vote = await this.store.gather.vote(sessionId)
    if (!vote) return NO_VOTE
    return {
      status: vote.status,
      dotsPerParticipant: vote.dotsPerParticipant,
      themes: vote.themes,
      openedAt: vote.openedAt,
      mine:
        audience.kind === 'participant'
          ? await this.store.gather.myDots(sessionId, audience.participantId)
          : null,
      tally: audience.kind === 'tally' ? await this.store.gather.tally(sessionId) : null,
    }
  }

  /** The live totals. */
  tally(sessionId: string): Promise<VoteTally> {
    return this.store.gather.tally(sessionId)
  }

  /** Snapshots the summary into "what we heard" and stores it, replacing the last one. */
  async publish(sessionId: string): Promise<PublishedSummary> {
    const [session, board, vote, tally] = await Promise.all([
      this.store.sessions.get(sessionId),
      this.board(sessionId),
      this.store.gather.vote(sessionId),
      this.store.gather.tally(sessionId),
    ])
    const summary = (await this.hub.room(summaryDocName(sessionId))).doc
    const byRef = new Map(board.points.map((p) => [p.ref, p]))
    const merges = mergesMap(summary)
    const followers = new Map<string, GatherPoint[]>()
    for (const from of merges.keys()) {
      const point = byRef.get(from)
      if (!point) continue
      const into = mergeTarget(summary, from)
      followers.set(into, [...(followers.get(into) ?? []), point])
    }
    const voted = vote !== null && tally.dotsCast > 0
    const themes = readThemes(summary)
    const themed: PublishedTheme[] = themes.map((theme) => ({
      id: theme.id,
      title: theme.title.trim(),
      synthesis: theme.synthesis.trim(),
      points: board.points
        .filter((p) => !merges.has(p.ref) && themeOf(summary, p.ref) === theme.id)
        .map((p) => ({
          text: p.text,
          kind: p.kind,
          provenance: [p.provenance, ...(followers.get(p.ref) ?? []).map((f) => f.provenance)],
        })),
      votes: voted ? (tally.totals[theme.id] ?? 0) : 0,
    }))
    // What the room ranked highest comes first; ties keep the facilitators' order.
    if (voted) themed.sort((a, b) => b.votes - a.votes)
    const titles = new Map(themes.map((t) => [t.id, t.title.trim()]))
    const published: PublishedSummary = {
      sessionTitle: session?.title ?? '',
      publishedAt: this.now(),
      themes: themed,
      actions: readActions(summary)
        .filter((a) => a.text.trim())
        .map((a) => ({
          text: a.text.trim(),
          owner: a.owner,
          due: a.due,
          themeTitle: titles.get(a.themeId) ?? null,
        })),
      votesCast: voted ? tally.dotsCast : 0,
      voters: voted ? tally.voters : 0,
    }
    await this.store.gather.savePublished(sessionId, published)
    return published
  }

  /** The last published summary, or null. */
  published(sessionId: string): Promise<PublishedSummary | null> {
    return this.store.gather.published(sessionId)
  }

  private async standalonePoints(sessionId: string, roundIds?: readonly string[]): Promise<GatherPoint[]> {
    const [board, room] = await Promise.all([
      this.board(sessionId, roundIds),
      this.hub.room(summaryDocName(sessionId)),
    ])
    const merges = mergesMap(room.doc)
    return board.points.filter((p) => !merges.has(p.ref))
  }
}
