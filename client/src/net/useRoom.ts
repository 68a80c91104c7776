import { useCallback, useEffect, useRef, useState } from 'react'
import { ERROR_CODES } from '../../../shared/errors.ts'
import type { GroupPreview, GroupsChanged, RoomSnapshot, SeatsChanged } from '../../../shared/protocol.ts'
import type {
  ActionLogEntry,
  GroupView,
  MemberView,
  RoomState,
  RoundInput,
  RoundView,
  TemplateName,
} from '../../../shared/rounds.ts'
import type { ClientSocket } from './docTunnel.ts'
import { request } from './request.ts'

/** The room as one page knows it, kept live from the server's broadcasts. */
export interface RoomData {
  state: RoomState
  /** This participant's group in the current round (null: not placed, or not a participant). */
  myGroup: GroupView | null
  /** Facilitators: the groups of `groupsRoundId`. */
  groups: GroupView[]
  unassigned: MemberView[]
  groupsRoundId: string | null
  /** Participants in a self-select round: how full each table is. */
  seats: SeatsChanged | null
  actions: ActionLogEntry[]
  /** Facilitators: the latest preview of each group's notes, by document name. */
  previews: Record<string, GroupPreview>
}

/** What a facilitator's command came back with. */
export type CommandOutcome = { ok: true } | { ok: false; code: string }

/** A command's problem, for the page to show once. */
export interface RoomNotice {
  kind: 'conflict' | 'error'
  code: string
  at: number
}

/** The round the room is on (running, paused, or just ended), if any. */
export function currentRound(state: RoomState | null | undefined): RoundView | null {
  if (!state?.currentRoundId) return null
  return state.rounds.find((r) => r.id === state.currentRoundId) ?? null
}

/** Whether a round is under way (running or paused). */
export const isLive = (round: RoundView | null): round is RoundView =>
  round?.status === 'running' || round?.status === 'paused'

/** Facilitator commands that name the room version they were made from. */
type VersionedCommand =
  | { event: 'agenda:save'; rounds: RoundInput[] }
  | { event: 'agenda:template'; template: TemplateName }
  | { event: 'agenda:shorten'; minutes: number }
  | { event: 'round:start' | 'round:pause' | 'round:resume' | 'round:end'; roundId: string }
  | { event: 'round:extend'; roundId: string; minutes: number }
  | { event: 'group:move'; participantId: string; groupId: string }

/**
 * The room of a session over the page's socket: fetched on every (re)connect with 'room:snapshot', then kept live.
 * Facilitators also get every group, the unassigned, the action log and the notes previews.
 */
export function useRoom(socket: ClientSocket | null, options: { facilitator?: boolean } = {}) {
  const facilitator = options.facilitator ?? false
  const [room, setRoom] = useState<RoomData | null>(null)
  const [notice, setNotice] = useState<RoomNotice | null>(null)
  const roomRef = useRef<RoomData | null>(null)
  roomRef.current = room

  /** Takes a state unless it is older than the one we have. */
  const adopt = useCallback((state: RoomState) => {
    setRoom((r) => (r && r.state.version > state.version ? r : r ? { ...r, state } : r))
  }, [])

  useEffect(() => {
    if (!socket) return
    let live = true
    const loadPreviews = async () => {
      if (!facilitator) return
      const result = await request(socket, 'notes:previews')
      if (!live || !result.ok) return
      const previews: Record<string, GroupPreview> = {}
      for (const p of result.data) previews[p.docName] = p
      setRoom((r) => (r ? { ...r, previews: { ...r.previews, ...previews } } : r))
    }
    const load = async () => {
      const result = await request(socket, 'room:snapshot')
      if (!live || !result.ok) return
      const snap: RoomSnapshot = result.data
      setRoom((r) => ({
        state: r && r.state.version > snap.state.version ? r.state : snap.state,
        myGroup: snap.myGroup,
        groups: snap.groups,
        unassigned: snap.unassigned,
        groupsRoundId: snap.state.currentRoundId,
        seats: snap.seats,
        actions: snap.actions,
        previews: r?.previews ?? {},
      }))
      void loadPreviews()
    }
    const onState = (state: RoomState) => {
      const before = roomRef.current?.state.currentRoundId
      adopt(state)
      if (facilitator && state.currentRoundId && state.currentRoundId !== before) void loadPreviews()
    }
    const onAssigned = ({ roundId, group }: { roundId: string; group: GroupView | null }) =>
      setRoom((r) => (r ? { ...r, myGroup: group ? { ...group, roundId } : null } : r))
    const onGroups = (change: GroupsChanged) =>
      setRoom((r) =>
        r ? { ...r, groups: change.groups, unassigned: change.unassigned, groupsRoundId: change.roundId } : r,
      )
    const onSeats = (seats: SeatsChanged) => setRoom((r) => (r ? { ...r, seats } : r))
    const onActions = (actions: ActionLogEntry[]) => setRoom((r) => (r ? { ...r, actions } : r))
    const onPreviews = (changed: GroupPreview[]) =>
      setRoom((r) => {
        if (!r) return r
        const previews = { ...r.previews }
        for (const preview of changed) previews[preview.docName] = preview
        return { ...r, previews }
      })

    socket.on('connect', load)
    socket.on('room:state', onState)
    socket.on('group:assigned', onAssigned)
    socket.on('groups:changed', onGroups)
    socket.on('seats:changed', onSeats)
    socket.on('actions:changed', onActions)
    socket.on('group:previews', onPreviews)
    if (socket.connected) void load()
    return () => {
      live = false
      socket.off('connect', load)
      socket.off('room:state', onState)
      socket.off('group:assigned', onAssigned)
      socket.off('groups:changed', onGroups)
      socket.off('seats:changed', onSeats)
      socket.off('actions:changed', onActions)
      socket.off('group:previews', onPreviews)
    }
  }, [socket, facilitator, adopt])

  /** Runs a facilitator command from the state this page shows; on `conflict`, adopts the current state. */
  const command = useCallback(
    async (cmd: VersionedCommand): Promise<CommandOutcome> => {
      const current = roomRef.current
      if (!socket || !current) return { ok: false, code: 'network' }
      const expectedVersion = current.state.version
      const { event, ...rest } = cmd
      // Each event's payload is the command's fields plus the version; the union keeps them paired.
      const result = await request(
        socket,
        event as 'round:start',
        { ...rest, expectedVersion } as unknown as { expectedVersion: number; roundId: string },
      )
      if (result.ok) {
        adopt(result.data)
        setNotice(null)
        return { ok: true }
      }
      const { code } = result.error
      if (code === ERROR_CODES.conflict) {
        const details = (result.error as { details?: { state?: RoomState } }).details
        if (details?.state) adopt(details.state)
        setNotice({ kind: 'conflict', code, at: Date.now() })
      } else {
        setNotice({ kind: 'error', code, at: Date.now() })
      }
      return { ok: false, code }
    },
    [socket, adopt],
  )

  /** Commands without a version: broadcasts, and a participant choosing a table. */
  const broadcast = useCallback(
    async (text: string, groupId: string | null): Promise<CommandOutcome> => {
      if (!socket) return { ok: false, code: 'network' }
      const result = await request(socket, 'broadcast:send', { text, groupId })
      if (result.ok) adopt(result.data)
      return result.ok ? { ok: true } : { ok: false, code: result.error.code }
    },
    [socket, adopt],
  )
  const dismissBroadcast = useCallback(
    async (broadcastId: string): Promise<CommandOutcome> => {
      if (!socket) return { ok: false, code: 'network' }
      const result = await request(socket, 'broadcast:dismiss', { broadcastId })
      if (result.ok) adopt(result.data)
      return result.ok ? { ok: true } : { ok: false, code: result.error.code }
    },
    [socket, adopt],
  )
  const chooseGroup = useCallback(
    async (groupId: string): Promise<CommandOutcome> => {
      if (!socket) return { ok: false, code: 'network' }
      const result = await request(socket, 'group:choose', { groupId })
      if (result.ok) adopt(result.data)
      return result.ok ? { ok: true } : { ok: false, code: result.error.code }
    },
    [socket, adopt],
  )

  return {
    room,
    notice,
    clearNotice: useCallback(() => setNotice(null), []),
    command,
    broadcast,
    dismissBroadcast,
    chooseGroup,
  }
}

/** What `useRoom` returns. */
export type RoomHandle = ReturnType<typeof useRoom>
