import {
  gatherPointsSchema,
  gatherSortRestSchema,
  gatherSuggestSchema,
  voteCastSchema,
  voteOpenSchema,
} from '../../shared/gatherProtocol.ts'
import { fail } from '../domain/errors.ts'
import { canFacilitate, watchesRoom } from '../domain/identity.ts'
import { GatherService, type VoteAudience } from '../services/gatherService.ts'
import type { RealtimeContext } from './context.ts'
import { onRequest } from './requests.ts'
import { type IoSocket, rooms } from './types.ts'

const services = new WeakMap<RealtimeContext, GatherService>()
/** One gather service per app, made on first use. */
function gatherService(ctx: RealtimeContext): GatherService {
  let service = services.get(ctx)
  if (!service) {
    service = new GatherService(ctx.store, ctx.hub)
    services.set(ctx, service)
  }
  return service
}

/** The gather step's events: themes, votes, publishing "what we heard". */
export function registerGatherHandlers(ctx: RealtimeContext, socket: IoSocket): void {
  const { identity } = socket.data
  const { sessionId, role } = identity
  const log = ctx.logger
  const gather = gatherService(ctx)
  const facilitating = canFacilitate(role)
  // The screens watching the room (facilitators, projector, organizers) see the vote's live totals.
  const seesTallies = watchesRoom(role)

  const audience: VoteAudience =
    role === 'participant'
      ? { kind: 'participant', participantId: identity.id }
      : seesTallies
        ? { kind: 'tally' }
        : { kind: 'public' }
  const mustFacilitate = () => {
    if (!facilitating) throw fail.forbidden('Only facilitators can do that.')
  }

  /** Tells everyone the vote changed; the totals go only to the screens. */
  const announceVote = async () => {
    const view = await gather.voteView(sessionId, { kind: 'public' })
    ctx.io.to(rooms.session(sessionId)).emit('vote:changed', view)
    await announceTally()
  }
  const announceTally = async () => {
    const tally = await gather.tally(sessionId)
    ctx.io.to(rooms.screens(sessionId)).emit('vote:tally', tally)
  }

  onRequest(socket, log, 'gather:points', gatherPointsSchema, async ({ roundIds }) => {
    if (!facilitating && role !== 'organizer') throw fail.forbidden('Only facilitators can gather points.')
    return gather.board(sessionId, roundIds)
  })
  onRequest(socket, log, 'gather:suggest', gatherSuggestSchema, async ({ roundIds }) => {
    mustFacilitate()
    return gather.suggest(sessionId, roundIds)
  })
  onRequest(socket, log, 'gather:sortRest', gatherSortRestSchema, async ({ roundIds }) => {
    mustFacilitate()
    return gather.sortRest(sessionId, roundIds)
  })

  onRequest(socket, log, 'vote:open', voteOpenSchema, async ({ dotsPerParticipant }) => {
    mustFacilitate()
    const view = await gather.openVote(sessionId, dotsPerParticipant)
    await announceVote()
    return view
  })
  onRequest(socket, log, 'vote:close', null, async () => {
    mustFacilitate()
    const view = await gather.closeVote(sessionId)
    await announceVote()
    return view
  })
  onRequest(socket, log, 'vote:cast', voteCastSchema, async ({ themeId, dots }) => {
    if (role !== 'participant') throw fail.forbidden('Only participants place dots.')
    const view = await gather.cast(sessionId, identity.id, themeId, dots)
    announceTally().catch((err: unknown) => log.error({ err }, 'tally broadcast failed'))
    return view
  })
  onRequest(socket, log, 'vote:state', null, () => gather.voteView(sessionId, audience))

  onRequest(socket, log, 'summary:publish', null, async () => {
    mustFacilitate()
    const published = await gather.publish(sessionId)
    ctx.io.to(rooms.session(sessionId)).emit('summary:published', published)
    return published
  })
  onRequest(socket, log, 'summary:get', null, () => gather.published(sessionId))
}
