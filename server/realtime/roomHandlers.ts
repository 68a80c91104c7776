import type { RoomSnapshot } from '../../shared/protocol.ts'
import {
  agendaSaveSchema,
  agendaShortenSchema,
  agendaTemplateSchema,
  broadcastDismissSchema,
  broadcastSendSchema,
  groupChooseSchema,
  groupMoveSchema,
  roundCommandSchema,
  roundExtendSchema,
} from '../../shared/rounds.ts'
import { fail } from '../domain/errors.ts'
import { canFacilitate } from '../domain/identity.ts'
import type { RoomChange } from '../services/roomService.ts'
import type { RealtimeContext } from './context.ts'
import { onRequest } from './requests.ts'
import type { IoSocket } from './types.ts'

/** Rounds, groups, timer, broadcasts: facilitators command, everyone follows. */
export function registerRoomHandlers(ctx: RealtimeContext, socket: IoSocket): void {
  const { identity } = socket.data
  const { sessionId } = identity
  const log = ctx.logger
  const isOnline = (id: string) => ctx.presence.isOnline(sessionId, id)
  const facilitating = canFacilitate(identity.role)

  /** Runs a facilitator command and publishes its change; the ack carries the new state. */
  const command = async (run: () => Promise<RoomChange>) => {
    if (!facilitating) throw fail.forbidden('Only facilitators can do that.')
    const change = await run()
    await ctx.publishRoom(sessionId, change)
    return change.state
  }

  onRequest(socket, log, 'room:snapshot', null, async (): Promise<RoomSnapshot> => {
    const state = await ctx.rooms.state(sessionId)
    const round = state.currentRoundId
    const selfSelect = state.rounds.find((r) => r.id === round)?.grouping === 'self-select'
    // Only those who see every group pay for reading them all; a phone reads its own table, and in a self-select
    // round how full the others are.
    const current = round && facilitating ? await ctx.queries.groups(sessionId, round, isOnline) : null
    const seats = round && selfSelect && !facilitating ? await ctx.queries.seats(round) : null
    const myGroup = round ? await ctx.queries.groupOf(sessionId, round, identity.id, isOnline) : null
    return {
      state,
      myGroup,
      groups: current?.groups ?? [],
      seats,
      unassigned: current?.unassigned ?? [],
      actions: facilitating ? await ctx.store.rooms.listActions(sessionId, 50) : [],
      serverNow: Date.now(),
    }
  })

  onRequest(socket, log, 'clock:ping', null, async () => ({ serverNow: Date.now() }))

  onRequest(socket, log, 'agenda:save', agendaSaveSchema, (i) =>
    command(() => ctx.rooms.saveAgenda(identity, i.expectedVersion, i.rounds)),
  )
  onRequest(socket, log, 'agenda:template', agendaTemplateSchema, (i) =>
    command(() => ctx.rooms.applyTemplate(identity, i.expectedVersion, i.template)),
  )
  onRequest(socket, log, 'agenda:shorten', agendaShortenSchema, (i) =>
    command(() => ctx.rooms.shorten(identity, i.expectedVersion, i.minutes)),
  )
  onRequest(socket, log, 'round:start', roundCommandSchema, (i) =>
    command(async () => {
      const change = await ctx.rooms.startRound(identity, i.expectedVersion, i.roundId)
      ctx.scheduleRoundDeadline(sessionId)
      return change
    }),
  )
  onRequest(socket, log, 'round:pause', roundCommandSchema, (i) =>
    command(() => ctx.rooms.pause(identity, i.expectedVersion, i.roundId)),
  )
  onRequest(socket, log, 'round:resume', roundCommandSchema, (i) =>
    command(async () => {
      const change = await ctx.rooms.resume(identity, i.expectedVersion, i.roundId)
      ctx.scheduleRoundDeadline(sessionId)
      return change
    }),
  )
  onRequest(socket, log, 'round:extend', roundExtendSchema, (i) =>
    command(async () => {
      const change = await ctx.rooms.extend(identity, i.expectedVersion, i.roundId, i.minutes)
      ctx.scheduleRoundDeadline(sessionId)
      return change
    }),
  )
  onRequest(socket, log, 'round:end', roundCommandSchema, (i) =>
    command(() => ctx.rooms.end(identity, i.expectedVersion, i.roundId)),
  )
  onRequest(socket, log, 'group:move', groupMoveSchema, (i) =>
    command(() => ctx.rooms.move(identity, i.expectedVersion, i.participantId, i.groupId)),
  )
  onRequest(socket, log, 'broadcast:send', broadcastSendSchema, (i) =>
    command(() => ctx.rooms.broadcast(identity, i.text, i.groupId)),
  )
  onRequest(socket, log, 'broadcast:dismiss', broadcastDismissSchema, (i) =>
    command(() => ctx.rooms.dismissBroadcast(identity, i.broadcastId)),
  )
  onRequest(socket, log, 'group:choose', groupChooseSchema, async ({ groupId }) => {
    if (identity.role !== 'participant') throw fail.forbidden('Only participants pick a table.')
    await ctx.publishRoom(sessionId, await ctx.rooms.choose(identity, groupId))
    return ctx.rooms.state(sessionId)
  })

  if (identity.role === 'participant') {
    ctx.rooms
      .placeLateJoiner(sessionId, identity.id)
      .then((seated) => (seated ? ctx.publishRoom(sessionId, seated) : undefined))
      .catch((err: unknown) => log.error({ err }, 'placing a late joiner failed'))
  }
}
