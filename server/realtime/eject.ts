import { ERROR_CODES } from '../../shared/errors.ts'
import type { RealtimeContext } from './context.ts'
import { rooms } from './types.ts'

/** Removes a participant: their token stops working, their phone is told why, every socket of theirs closes. */
export async function ejectParticipant(
  ctx: RealtimeContext,
  sessionId: string,
  participantId: string,
): Promise<void> {
  await ctx.sessions.removeParticipant(sessionId, participantId)
  const room = rooms.participant(participantId)
  ctx.io.to(room).emit('access:revoked', {
    code: ERROR_CODES.participantRemoved,
    message: 'The facilitator removed you from this session.',
  })
  ctx.io.in(room).disconnectSockets(true)
  ctx.rosterChanged(sessionId)
}
