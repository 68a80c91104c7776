import { useEffect, useState } from 'react'
import type { Role } from '../../../shared/session.ts'
import type { PublishedSummary, VoteView } from '../../../shared/summary.ts'
import type { ClientSocket } from '../net/docTunnel.ts'
import { request } from '../net/request.ts'

/** The room's part of the gather step, live: the dot vote as this connection sees it, and "what we heard". */
export interface GatherLive {
  vote: VoteView | null
  published: PublishedSummary | null
  /** Replaces the vote view, e.g. with the answer to one's own cast. */
  setVote(vote: VoteView): void
}

/**
 * Fetches the vote and the published summary on every (re)connect and follows their broadcasts. Participants keep
 * their own dots across vote updates of the same vote; a new vote starts them at none.
 */
export function useGatherLive(socket: ClientSocket | null, role: Role | undefined): GatherLive {
  const [vote, setVote] = useState<VoteView | null>(null)
  const [published, setPublished] = useState<PublishedSummary | null>(null)

  useEffect(() => {
    if (!socket) return
    let live = true
    const load = async () => {
      const [v, p] = await Promise.all([request(socket, 'vote:state'), request(socket, 'summary:get')])
      if (!live) return
      if (v.ok) setVote(v.data)
      if (p.ok) setPublished(p.data)
    }
    const onChanged = (next: VoteView) =>
      setVote((prev) => {
        const same = prev !== null && prev.openedAt === next.openedAt
        return {
          ...next,
          mine: role === 'participant' ? (same ? prev.mine : {}) : null,
          tally: same ? prev.tally : next.tally,
        }
      })
    const onTally = (tally: NonNullable<VoteView['tally']>) =>
      setVote((prev) => (prev ? { ...prev, tally } : prev))
    const onPublished = (summary: PublishedSummary) => setPublished(summary)
    socket.on('connect', load)
    socket.on('vote:changed', onChanged)
    socket.on('vote:tally', onTally)
    socket.on('summary:published', onPublished)
    if (socket.connected) void load()
    return () => {
      live = false
      socket.off('connect', load)
      socket.off('vote:changed', onChanged)
      socket.off('vote:tally', onTally)
      socket.off('summary:published', onPublished)
    }
  }, [socket, role])

  return { vote, published, setVote }
}
