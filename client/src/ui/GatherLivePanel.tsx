import { useTranslation } from 'react-i18next'
import type { Role } from '../../../shared/session.ts'
import type { ClientSocket } from '../net/docTunnel.ts'
import { useGatherLive } from './useGatherLive.ts'
import { VoteCard } from './VoteCard.tsx'
import { VoteTallies } from './VoteTallies.tsx'
import { WhatWeHeard } from './WhatWeHeard.tsx'

/**
 * The room's view of the gather step. Phones: the dot vote while it is open, then "what we heard". The projector:
 * live tallies while the vote is open, then "what we heard". Renders nothing before either happens.
 */
export function GatherLivePanel({ socket, viewer: role }: { socket: ClientSocket | null; viewer: Role }) {
  const { t } = useTranslation()
  const { vote, published, setVote } = useGatherLive(socket, role)
  if (!socket) return null
  const voting = vote && vote.status === 'open'
  if (role === 'participant') {
    return (
      <>
        {voting ? <VoteCard socket={socket} vote={vote} onVote={setVote} /> : null}
        {published ? <WhatWeHeard summary={published} /> : null}
        {vote?.status === 'closed' && !published ? (
          <section className="card" aria-live="polite">
            <h2>{t('gather.voteClosedTitle')}</h2>
            <p className="muted">{t('gather.voteClosedWait')}</p>
          </section>
        ) : null}
      </>
    )
  }
  if (vote && (voting || (vote.status === 'closed' && !published))) {
    return (
      <section className="card projector-vote" aria-labelledby="projector-vote-heading">
        <h2 id="projector-vote-heading">
          {voting ? t('gather.projectorVoteOpen') : t('gather.voteClosedTitle')}
        </h2>
        {voting ? (
          <p className="projector-lead">
            {t('gather.projectorVoteHint', { count: vote.dotsPerParticipant })}
          </p>
        ) : null}
        <VoteTallies vote={vote} large />
      </section>
    )
  }
  return published ? <WhatWeHeard summary={published} large /> : null
}
