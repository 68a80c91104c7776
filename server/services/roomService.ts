import { ERROR_CODES } from '../../shared/errors.ts'
import type { RoomState, RoundInput, TemplateName } from '../../shared/rounds.ts'
import { roundInputSchema } from '../../shared/rounds.ts'
import { DomainError, fail } from '../domain/errors.ts'
import { placeLateJoiner } from '../domain/grouping.ts'
import type { Identity } from '../domain/identity.ts'
import { newId } from '../domain/secrets.ts'
import { AGENDA_TEMPLATES } from '../domain/templates.ts'
import {
  endTimer,
  extendTimer,
  pauseTimer,
  resumeTimer,
  startTimer,
  type TimerState,
} from '../domain/timer.ts'
import type { RoundRecord, Store } from '../store/types.ts'
import { toBroadcastView, toRoundView } from './roomViews.ts'
import { timerFields, timerOf } from './roundClock.ts'
import { addTable, seatRound } from './roundSeating.ts'
import { SeatingCache } from './seatingCache.ts'
import { KeyedLock } from './sessionLock.ts'

/** Who sits where in a round changed, and nothing else everyone sees: the room's state and version stay. */
export interface Regrouping {
  /** The round whose groups were formed or changed. */
  regroupedRoundId: string
  /** Participants whose own group changed; everyone in the round when absent. */
  moved?: string[]
  /** Who may write which notes changed: open documents must be re-checked. */
  accessChanged?: boolean
}

/** What a command changed, so the transport knows what to send to whom. */
export interface RoomChange extends Partial<Regrouping> {
  /** The room after the command, with its version bumped. */
  state: RoomState
}

/** Who did something, for the action log. */
const actorName = (actor: Identity) =>
  actor.displayName || (actor.role === 'facilitator' ? 'Facilitator' : actor.role)

/** The room of a session: its agenda, the running round and its timer, groups, broadcasts and action log. */
export class RoomService {
  private readonly lock = new KeyedLock()
  private readonly seating: SeatingCache

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {
    this.seating = new SeatingCache(store)
  }

  /** The room as everyone sees it. */
  async state(sessionId: string): Promise<RoomState> {
    const [meta, rounds, broadcasts] = await Promise.all([
      this.store.rooms.meta(sessionId),
      this.store.rooms.listRounds(sessionId),
      this.store.rooms.listBroadcasts(sessionId),
    ])
    return {
      version: meta.version,
      currentRoundId: meta.currentRoundId,
      rounds: rounds.map(toRoundView),
      broadcasts: broadcasts.map(toBroadcastView),
    }
  }

  /** Replaces the rounds not yet run, in the given order. */
  saveAgenda(actor: Identity, expectedVersion: number, inputs: RoundInput[]): Promise<RoomChange> {
    return this.mutate(actor, expectedVersion, 'agenda saved', `${inputs.length} rounds`, async (rounds) => {
      const done = rounds.filter((r) => r.status !== 'planned')
      const byId = new Map(rounds.map((r) => [r.id, r]))
      const planned = inputs.map((input, i) => {
        const existing = input.id ? byId.get(input.id) : undefined
        if (existing && existing.status !== 'planned')
          throw fail.badRequest('A round that has run cannot be edited.')
        return this.plannedRound(actor.sessionId, input, done.length + i, existing?.id)
      })
      await this.store.rooms.saveAgenda(actor.sessionId, [...done, ...planned])
    })
  }

  /** Replaces the rounds not yet run by a built-in template. */
  applyTemplate(actor: Identity, expectedVersion: number, template: TemplateName): Promise<RoomChange> {
    return this.saveAgenda(actor, expectedVersion, AGENDA_TEMPLATES[template])
  }

  /** Takes `minutes` off the rounds still to run, spread by their length, none below one minute. */
  shorten(actor: Identity, expectedVersion: number, minutes: number): Promise<RoomChange> {
    return this.mutate(actor, expectedVersion, 'agenda shortened', `${minutes} min`, async (rounds) => {
      const planned = rounds.filter((r) => r.status === 'planned')
      const total = planned.reduce((n, r) => n + r.durationMs, 0)
      if (total === 0) throw fail.badRequest('There are no rounds left to shorten.')
      const cutMs = Math.min(minutes * 60_000, total - planned.length * 60_000)
      for (const r of planned) {
        const next = Math.max(
          60_000,
          Math.round((r.durationMs - (cutMs * r.durationMs) / total) / 60_000) * 60_000,
        )
        await this.store.rooms.saveRound({ ...r, durationMs: next })
      }
    })
  }

  /** Forms the groups and starts the clock. */
  startRound(actor: Identity, expectedVersion: number, roundId: string): Promise<RoomChange> {
    return this.mutate(actor, expectedVersion, 'round started', roundId, async (rounds, meta) => {
      const round = this.find(rounds, roundId)
      if (round.status !== 'planned') throw conflict('This round has already run.')
      const current = rounds.find((r) => r.id === meta.currentRoundId)
      if (current && (current.status === 'running' || current.status === 'paused')) {
        throw conflict('End the current round first.')
      }
      await seatRound(this.store, round, current ?? null)
      const timer = startTimer(round.durationMs, this.now(), round.graceMs)
      await this.store.rooms.saveRound({ ...round, ...timerFields(timer), startedAt: this.now() })
      meta.currentRoundId = round.id
      return { regroupedRoundId: round.id, accessChanged: true }
    })
  }

  pause(actor: Identity, expectedVersion: number, roundId: string) {
    return this.retime(actor, expectedVersion, roundId, 'round paused', (t) => pauseTimer(t, this.now()))
  }

  resume(actor: Identity, expectedVersion: number, roundId: string) {
    return this.retime(actor, expectedVersion, roundId, 'round resumed', (t) => resumeTimer(t, this.now()))
  }

  extend(actor: Identity, expectedVersion: number, roundId: string, minutes: number) {
    return this.retime(actor, expectedVersion, roundId, `extended by ${minutes} min`, (t) =>
      extendTimer(t, minutes * 60_000, this.now()),
    )
  }

  end(actor: Identity, expectedVersion: number | null, roundId: string) {
    return this.retime(actor, expectedVersion, roundId, 'round ended', (t) => endTimer(t, this.now()))
  }

  /** Moves a person to another group of the running round; their phone follows live. */
  move(
    actor: Identity,
    expectedVersion: number,
    participantId: string,
    groupId: string,
  ): Promise<RoomChange> {
    return this.mutate(actor, expectedVersion, 'moved a participant', groupId, async (_rounds, meta) => {
      const group = await this.store.rooms.getGroup(groupId)
      if (!group || group.sessionId !== actor.sessionId || group.roundId !== meta.currentRoundId) {
        throw fail.notFound('No such group in the current round.')
      }
      const person = await this.store.participants.get(participantId)
      if (!person || person.sessionId !== actor.sessionId || person.removedAt !== null) {
        throw fail.notFound('No such participant.')
      }
      await this.store.rooms.setMembership(actor.sessionId, {
        roundId: group.roundId,
        groupId,
        participantId,
      })
      return { regroupedRoundId: group.roundId, moved: [participantId], accessChanged: true }
    })
  }

  /**
   * A participant picks a table in a self-select round, while it has room. Taking a seat decides nothing for anyone
   * else, so the room's version stays: facilitators' commands made meanwhile still apply.
   */
  choose(participant: Identity, groupId: string): Promise<Regrouping> {
    return this.lock.run(participant.sessionId, async () => {
      this.seating.forget(participant.sessionId)
      const meta = await this.store.rooms.meta(participant.sessionId)
      const group = await this.store.rooms.getGroup(groupId)
      const round = (await this.store.rooms.listRounds(participant.sessionId)).find(
        (r) => r.id === meta.currentRoundId,
      )
      if (!group || !round || group.roundId !== round.id) throw fail.notFound('No such table in this round.')
      if (round.grouping !== 'self-select')
        throw fail.forbidden('The facilitator places people in this round.')
      // Seats count as the tables show them: someone removed from the session frees theirs.
      const seated = await this.store.rooms.countSeated(round.id)
      if ((seated.get(groupId) ?? 0) >= round.groupSize) {
        throw conflict('This table is full. Pick another one.')
      }
      await this.store.rooms.setMembership(participant.sessionId, {
        roundId: round.id,
        groupId,
        participantId: participant.id,
      })
      return { regroupedRoundId: round.id, moved: [participant.id], accessChanged: true }
    })
  }

  /**
   * Seats someone who arrived after the round started; returns the regrouping, or null when nothing changed. Like
   * a chosen seat it leaves the room's version alone, so a hall arriving at once does not outdate every command.
   */
  placeLateJoiner(sessionId: string, participantId: string): Promise<Regrouping | null> {
    return this.lock.run(sessionId, async () => {
      const meta = await this.store.rooms.meta(sessionId)
      const round = (await this.store.rooms.listRounds(sessionId)).find((r) => r.id === meta.currentRoundId)
      if (
        !round ||
        round.status === 'ended' ||
        round.grouping === 'manual' ||
        round.grouping === 'self-select'
      ) {
        return null
      }
      if (await this.store.rooms.getMembership(round.id, participantId)) return null
      const person = await this.store.participants.get(participantId)
      if (!person || person.removedAt !== null) return null
      const seating = await this.seating.get(sessionId, round.id)
      const { groups, seated } = seating
      const index = placeLateJoiner(
        groups.map((g) => seated.get(g.id) ?? []),
        { id: participantId, sector: person.sector },
        seating.sectors,
        round.groupSize,
      )
      try {
        // A table card asked for a table: seat them there when the round has it; otherwise place as usual.
        const asked = groups.find((g) => g.number === person.preferredTable)
        const group = asked ?? groups[index] ?? (await addTable(this.store, round, groups.length + 1))
        await this.store.rooms.setMembership(sessionId, {
          roundId: round.id,
          groupId: group.id,
          participantId,
        })
        this.seating.seat(seating, group, participantId, person.sector)
      } catch (error) {
        this.seating.forget(sessionId)
        throw error
      }
      return { regroupedRoundId: round.id, moved: [participantId] }
    })
  }

  /** Sends a short message to the room or one group. */
  broadcast(actor: Identity, text: string, groupId: string | null): Promise<RoomChange> {
    return this.mutate(actor, null, 'broadcast', text, async () => {
      if (groupId) {
        const group = await this.store.rooms.getGroup(groupId)
        if (!group || group.sessionId !== actor.sessionId) throw fail.notFound('No such group.')
      }
      await this.store.rooms.addBroadcast({
        id: newId(),
        sessionId: actor.sessionId,
        groupId,
        text,
        at: this.now(),
      })
    })
  }

  dismissBroadcast(actor: Identity, broadcastId: string): Promise<RoomChange> {
    return this.mutate(actor, null, 'broadcast dismissed', broadcastId, async () => {
      await this.store.rooms.dismissBroadcast(actor.sessionId, broadcastId, this.now())
    })
  }

  private retime(
    actor: Identity,
    expectedVersion: number | null,
    roundId: string,
    action: string,
    change: (t: TimerState) => TimerState,
  ): Promise<RoomChange> {
    return this.mutate(actor, expectedVersion, action, roundId, async (rounds) => {
      const round = this.find(rounds, roundId)
      if (round.status === 'planned' || round.status === 'ended') throw conflict('This round is not running.')
      const next = change(timerOf(round))
      const endedAt = next.status === 'ended' ? this.now() : null
      await this.store.rooms.saveRound({ ...round, ...timerFields(next), endedAt })
      return { accessChanged: endedAt !== null }
    })
  }

  /** Runs a command under the session's lock: checks the version it was made from, logs it, bumps the version. */
  private mutate(
    actor: Identity,
    expectedVersion: number | null,
    action: string,
    detail: string,
    apply: (
      rounds: RoundRecord[],
      meta: { version: number; currentRoundId: string | null },
    ) => Promise<Omit<RoomChange, 'state'>> | Promise<void>,
  ): Promise<RoomChange> {
    return this.lock.run(actor.sessionId, async () => {
      // A command may regroup: late joiners after it are seated from the store again.
      this.seating.forget(actor.sessionId)
      const meta = await this.store.rooms.meta(actor.sessionId)
      if (expectedVersion !== null && expectedVersion !== meta.version) {
        throw new DomainError(
          ERROR_CODES.conflict,
          'Someone else changed the room first. Here is where it stands now.',
          {
            state: await this.state(actor.sessionId),
          },
        )
      }
      const extra: Omit<RoomChange, 'state'> =
        (await apply(await this.store.rooms.listRounds(actor.sessionId), meta)) ?? {}
      await this.store.rooms.logAction(actor.sessionId, {
        id: newId(),
        at: this.now(),
        actor: actorName(actor),
        action,
        detail: detail.slice(0, 200),
      })
      return { ...extra, state: await this.bump(actor.sessionId, meta) }
    })
  }

  private async bump(
    sessionId: string,
    meta: { version: number; currentRoundId: string | null },
  ): Promise<RoomState> {
    await this.store.rooms.setMeta(sessionId, meta.version + 1, meta.currentRoundId)
    return this.state(sessionId)
  }

  private find(rounds: RoundRecord[], roundId: string): RoundRecord {
    const round = rounds.find((r) => r.id === roundId)
    if (!round) throw fail.notFound('No such round.')
    return round
  }

  private plannedRound(sessionId: string, input: RoundInput, position: number, id?: string): RoundRecord {
    const r = roundInputSchema.parse(input)
    return {
      id: id ?? newId(),
      sessionId,
      position,
      title: r.title,
      prompts: r.prompts,
      durationMs: r.durationMinutes * 60_000,
      groupSize: r.groupSize,
      grouping: r.grouping,
      notesAfter: r.notesAfter,
      continueNotes: r.continueNotes,
      graceMs: r.graceSeconds === null ? null : r.graceSeconds * 1000,
      status: 'planned',
      endsAt: null,
      remainingMs: null,
      startedAt: null,
      endedAt: null,
    }
  }
}

function conflict(message: string): DomainError {
  return new DomainError(ERROR_CODES.conflict, message)
}
