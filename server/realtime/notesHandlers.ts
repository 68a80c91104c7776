import { docOpenSchema, pointRefSchema } from '../../shared/protocol.ts'
import { fail } from '../domain/errors.ts'
import { canFacilitate } from '../domain/identity.ts'
import type { RealtimeContext } from './context.ts'
import { ejectParticipant } from './eject.ts'
import { onRequest } from './requests.ts'
import type { IoSocket } from './types.ts'

/** Group notes for facilitators: previews for the live view, hiding and restoring points, removing an author. */
export function registerNotesHandlers(ctx: RealtimeContext, socket: IoSocket): void {
  const { identity } = socket.data
  const facilitator = () => {
    if (!canFacilitate(identity.role)) throw fail.forbidden('Only facilitators can do that.')
  }

  onRequest(socket, ctx.logger, 'notes:previews', null, async () => {
    facilitator()
    return ctx.notes.previews(identity.sessionId)
  })

  onRequest(socket, ctx.logger, 'notes:hide', pointRefSchema, async ({ doc, pointId }) => {
    facilitator()
    await ctx.notes.hide(identity, doc, pointId)
    return null
  })

  onRequest(socket, ctx.logger, 'notes:restore', pointRefSchema, async ({ doc, pointId }) => {
    facilitator()
    await ctx.notes.restore(identity, doc, pointId)
    return null
  })

  onRequest(socket, ctx.logger, 'notes:hidden', docOpenSchema, async ({ doc }) => {
    facilitator()
    return ctx.notes.hidden(identity, doc)
  })

  onRequest(socket, ctx.logger, 'notes:removeAuthor', pointRefSchema, async ({ doc, pointId }) => {
    facilitator()
    const participantId = await ctx.notes.authorOf(identity, doc, pointId)
    await ejectParticipant(ctx, identity.sessionId, participantId)
    return null
  })
}
