import { ERROR_CODES } from '../../shared/errors.ts'
import type { SessionSnapshot } from '../../shared/protocol.ts'
import {
  inviteCreateSchema,
  inviteRevokeSchema,
  participantRemoveSchema,
  sessionStatusChangeSchema,
  updateSessionSchema,
} from '../../shared/protocol.ts'
import { fail } from '../domain/errors.ts'
import { canFacilitate, toMe } from '../domain/identity.ts'
import { isLocalUrl } from '../network.ts'
import type { RealtimeContext } from './context.ts'
import { ejectParticipant } from './eject.ts'
import { onRequest } from './requests.ts'
import { type IoSocket, rooms } from './types.ts'

/** Session control: the snapshot, settings, lifecycle, links and removing people. */
export function registerSessionHandlers(ctx: RealtimeContext, socket: IoSocket): void {
  const { identity } = socket.data
  const { sessionId } = identity
  const facilitating = canFacilitate(identity.role)
  const requireFacilitator = () => {
    if (!facilitating) throw fail.forbidden('Only facilitators can do that.')
  }

  onRequest(socket, ctx.logger, 'session:snapshot', null, async (): Promise<SessionSnapshot> => {
    const session = await ctx.sessions.view(sessionId)
    const isOnline = (id: string) => ctx.presence.isOnline(sessionId, id)
    // Only facilitators see the list; everyone else gets head counts without the session being read whole.
    const participants = facilitating ? await ctx.sessions.participants(sessionId, isOnline) : []
    return {
      session,
      me: toMe(identity, session.anonymity),
      attendance: await ctx.sessions.attendance(sessionId, ctx.presence.onlineCount(sessionId), isOnline),
      participants,
      invites: facilitating ? await ctx.sessions.invites(sessionId) : [],
      serverNow: Date.now(),
      joinUrlIsLocal: facilitating && isLocalUrl(session.joinUrl),
    }
  })

  onRequest(socket, ctx.logger, 'session:update', updateSessionSchema, async (change) => {
    requireFacilitator()
    const view = await ctx.sessions.update(sessionId, change)
    ctx.io.to(rooms.session(sessionId)).emit('session:updated', view)
    return view
  })

  onRequest(socket, ctx.logger, 'session:status', sessionStatusChangeSchema, async ({ status }) => {
    requireFacilitator()
    const view = await ctx.sessions.setStatus(sessionId, status)
    ctx.io.to(rooms.session(sessionId)).emit('session:updated', view)
    return view
  })

  onRequest(socket, ctx.logger, 'participant:remove', participantRemoveSchema, async ({ participantId }) => {
    requireFacilitator()
    await ejectParticipant(ctx, sessionId, participantId)
    return null
  })

  onRequest(socket, ctx.logger, 'invite:create', inviteCreateSchema, async ({ role, label }) => {
    requireFacilitator()
    const created = await ctx.sessions.createInvite(sessionId, role, label)
    ctx.io.to(rooms.facilitators(sessionId)).emit('invites:changed', await ctx.sessions.invites(sessionId))
    return created
  })

  onRequest(socket, ctx.logger, 'invite:revoke', inviteRevokeSchema, async ({ inviteId }) => {
    requireFacilitator()
    const invites = await ctx.sessions.revokeInvite(sessionId, inviteId)
    ctx.io.to(rooms.principal(inviteId)).emit('access:revoked', {
      code: ERROR_CODES.unauthorized,
      message: 'This link was revoked.',
    })
    ctx.io.in(rooms.principal(inviteId)).disconnectSockets(true)
    ctx.io.to(rooms.facilitators(sessionId)).emit('invites:changed', invites)
    return invites
  })
}
