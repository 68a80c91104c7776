import type { PublishedSummary, VoteTally, VoteTheme } from '../../../shared/summary.ts'
import type { CastOutcome, GatherStore, VoteRecord } from '../types.ts'
import type { Db } from './database.ts'

interface VoteRow {
  session_id: string
  status: 'open' | 'closed'
  dots_per_participant: number
  themes_json: string
  opened_at: number
  closed_at: number | null
}

const toVote = (r: VoteRow): VoteRecord => ({
  sessionId: r.session_id,
  status: r.status,
  dotsPerParticipant: r.dots_per_participant,
  themes: JSON.parse(r.themes_json) as VoteTheme[],
  openedAt: r.opened_at,
  closedAt: r.closed_at,
})

/**
 * Votes and published summaries in SQLite. A participant's dots on a theme are one row keyed by (participant,
 * theme), so a vote counts once however often a phone reconnects or resends; casting checks the vote is open and
 * the budget holds in the same transaction as the write.
 */
export function sqliteGatherStore(db: Db): GatherStore {
  const vote = db.prepare<[string], VoteRow>('SELECT * FROM votes WHERE session_id = ?')
  const putVote = db.prepare<[string, string, number, string, number, number | null]>(
    `INSERT INTO votes (session_id, status, dots_per_participant, themes_json, opened_at, closed_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(session_id) DO UPDATE SET status = excluded.status,
       dots_per_participant = excluded.dots_per_participant, themes_json = excluded.themes_json,
       opened_at = excluded.opened_at, closed_at = excluded.closed_at`,
  )
  const clearDots = db.prepare<[string]>('DELETE FROM vote_dots WHERE session_id = ?')
  const close = db.prepare<[number, string]>(
    "UPDATE votes SET status = 'closed', closed_at = ? WHERE session_id = ? AND status = 'open'",
  )
  const mine = db.prepare<[string, string], { theme_id: string; dots: number }>(
    'SELECT theme_id, dots FROM vote_dots WHERE session_id = ? AND participant_id = ?',
  )
  const setDots = db.prepare<[string, string, string, number]>(
    `INSERT INTO vote_dots (participant_id, theme_id, session_id, dots) VALUES (?, ?, ?, ?)
     ON CONFLICT(participant_id, theme_id) DO UPDATE SET dots = excluded.dots`,
  )
  const removeDots = db.prepare<[string, string]>(
    'DELETE FROM vote_dots WHERE participant_id = ? AND theme_id = ?',
  )
  const totals = db.prepare<[string], { theme_id: string; dots: number }>(
    'SELECT theme_id, SUM(dots) AS dots FROM vote_dots WHERE session_id = ? GROUP BY theme_id',
  )
  const voters = db.prepare<[string], { n: number }>(
    'SELECT COUNT(DISTINCT participant_id) AS n FROM vote_dots WHERE session_id = ? AND dots > 0',
  )
  const putPublished = db.prepare<[string, string, number]>(
    `INSERT INTO published_summaries (session_id, data_json, published_at) VALUES (?, ?, ?)
     ON CONFLICT(session_id) DO UPDATE SET data_json = excluded.data_json, published_at = excluded.published_at`,
  )
  const published = db.prepare<[string], { data_json: string }>(
    'SELECT data_json FROM published_summaries WHERE session_id = ?',
  )

  const dotsOf = (sessionId: string, participantId: string): Record<string, number> => {
    const out: Record<string, number> = {}
    for (const row of mine.all(sessionId, participantId)) if (row.dots > 0) out[row.theme_id] = row.dots
    return out
  }

  const open = db.transaction((r: VoteRecord) => {
    clearDots.run(r.sessionId)
    putVote.run(r.sessionId, r.status, r.dotsPerParticipant, JSON.stringify(r.themes), r.openedAt, r.closedAt)
  })

  const cast = db.transaction(
    (sessionId: string, participantId: string, themeId: string, dots: number): CastOutcome => {
      const row = vote.get(sessionId)
      if (row?.status !== 'open') return { ok: false, reason: 'not-open' }
      const record = toVote(row)
      if (!record.themes.some((t) => t.id === themeId)) return { ok: false, reason: 'unknown-theme' }
      const current = dotsOf(sessionId, participantId)
      const others = Object.entries(current).reduce((n, [id, d]) => (id === themeId ? n : n + d), 0)
      if (others + dots > record.dotsPerParticipant) return { ok: false, reason: 'over-budget' }
      if (dots === 0) removeDots.run(participantId, themeId)
      else setDots.run(participantId, themeId, sessionId, dots)
      return { ok: true, mine: dotsOf(sessionId, participantId) }
    },
  )

  return {
    async vote(sessionId) {
      const row = vote.get(sessionId)
      return row ? toVote(row) : null
    },
    async openVote(record) {
      open(record)
    },
    async closeVote(sessionId, at) {
      close.run(at, sessionId)
      const row = vote.get(sessionId)
      return row ? toVote(row) : null
    },
    async castDots(sessionId, participantId, themeId, dots) {
      return cast(sessionId, participantId, themeId, dots)
    },
    async myDots(sessionId, participantId) {
      return dotsOf(sessionId, participantId)
    },
    async tally(sessionId): Promise<VoteTally> {
      const byTheme: Record<string, number> = {}
      let dotsCast = 0
      for (const row of totals.all(sessionId)) {
        byTheme[row.theme_id] = row.dots
        dotsCast += row.dots
      }
      return { totals: byTheme, voters: voters.get(sessionId)?.n ?? 0, dotsCast }
    },
    async savePublished(sessionId, summary: PublishedSummary) {
      putPublished.run(sessionId, JSON.stringify(summary), summary.publishedAt)
    },
    async published(sessionId) {
      const row = published.get(sessionId)
      return row ? (JSON.parse(row.data_json) as PublishedSummary) : null
    },
  }
}
