import type { ActionLogEntry } from '../../../shared/rounds.ts'
import type {
  GroupRecord,
  MemberRecord,
  MembershipRecord,
  RoomStore,
  RoundRecord,
  SeatRecord,
} from '../types.ts'
import type { Db } from './database.ts'
import { type ParticipantRow, toParticipant } from './participants.ts'

interface GroupRow {
  id: string
  session_id: string
  round_id: string
  number: number
  name: string
  doc_key: string
}
interface MemberRow {
  round_id: string
  group_id: string
  participant_id: string
}
interface SeatRow extends MemberRow {
  sector: string | null
}

const toGroup = (r: GroupRow): GroupRecord => ({
  id: r.id,
  sessionId: r.session_id,
  roundId: r.round_id,
  number: r.number,
  name: r.name,
  docKey: r.doc_key,
})
const toMembership = (r: MemberRow): MembershipRecord => ({
  roundId: r.round_id,
  groupId: r.group_id,
  participantId: r.participant_id,
})
const toRound = (r: { data_json: string }): RoundRecord => JSON.parse(r.data_json) as RoundRecord

/** Rounds, groups, broadcasts and the action log in SQLite. Rounds are stored whole as JSON, keyed for order. */
export function sqliteRoomStore(db: Db): RoomStore {
  const meta = db.prepare<[string], { version: number; current_round_id: string | null }>(
    'SELECT version, current_round_id FROM rooms WHERE session_id = ?',
  )
  const setMeta = db.prepare<[string, number, string | null]>(
    `INSERT INTO rooms (session_id, version, current_round_id) VALUES (?, ?, ?)
     ON CONFLICT(session_id) DO UPDATE SET version = excluded.version, current_round_id = excluded.current_round_id`,
  )
  const rounds = db.prepare<[string], { data_json: string }>(
    'SELECT data_json FROM rounds WHERE session_id = ? ORDER BY position',
  )
  const upsertRound = db.prepare<[string, string, number, string]>(
    `INSERT INTO rounds (id, session_id, position, data_json) VALUES (?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET position = excluded.position, data_json = excluded.data_json`,
  )
  const deleteRound = db.prepare<[string]>('DELETE FROM rounds WHERE id = ?')
  const running = db.prepare<[], { data_json: string }>(
    `SELECT data_json FROM rounds WHERE json_extract(data_json, '$.status') IN ('running', 'paused')`,
  )
  const endedSince = db.prepare<[number], { data_json: string }>(
    `SELECT data_json FROM rounds
     WHERE json_extract(data_json, '$.status') = 'ended' AND json_extract(data_json, '$.endedAt') >= ?`,
  )
  const groups = db.prepare<[string], GroupRow>('SELECT * FROM groups WHERE round_id = ? ORDER BY number')
  const group = db.prepare<[string], GroupRow>('SELECT * FROM groups WHERE id = ?')
  const insertGroup = db.prepare(
    'INSERT INTO groups (id, session_id, round_id, number, name, doc_key) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const deleteGroups = db.prepare<[string]>('DELETE FROM groups WHERE round_id = ?')
  // Members in one order wherever a table is read, whole round or one group: the primary key's.
  const members = db.prepare<[string], MemberRow>(
    'SELECT * FROM group_members WHERE round_id = ? ORDER BY participant_id',
  )
  const seats = db.prepare<[string], SeatRow>(
    `SELECT m.round_id, m.group_id, m.participant_id, p.sector FROM group_members m
     LEFT JOIN participants p ON p.id = m.participant_id WHERE m.round_id = ?`,
  )
  const member = db.prepare<[string, string], MemberRow>(
    'SELECT * FROM group_members WHERE round_id = ? AND participant_id = ?',
  )
  const groupMembers = db.prepare<[string], ParticipantRow & Omit<MemberRow, 'participant_id'>>(
    `SELECT m.round_id, m.group_id, p.* FROM group_members m
     JOIN participants p ON p.id = m.participant_id WHERE m.group_id = ? ORDER BY m.participant_id`,
  )
  const seatedByGroup = db.prepare<[string], { group_id: string; n: number }>(
    `SELECT m.group_id, count(*) AS n FROM group_members m JOIN participants p ON p.id = m.participant_id
     WHERE m.round_id = ? AND p.removed_at IS NULL GROUP BY m.group_id`,
  )
  const sessionMembers = db.prepare<[string], MemberRow>('SELECT * FROM group_members WHERE session_id = ?')
  const participantMembers = db.prepare<[string], MemberRow>(
    'SELECT * FROM group_members WHERE participant_id = ?',
  )
  const upsertMember = db.prepare(
    `INSERT INTO group_members (round_id, participant_id, group_id, session_id) VALUES (?, ?, ?, ?)
     ON CONFLICT(round_id, participant_id) DO UPDATE SET group_id = excluded.group_id`,
  )
  const insertBroadcast = db.prepare(
    'INSERT INTO broadcasts (id, session_id, group_id, text, at, dismissed_at) VALUES (?, ?, ?, ?, ?, NULL)',
  )
  const broadcasts = db.prepare<
    [string],
    { id: string; session_id: string; group_id: string | null; text: string; at: number }
  >('SELECT * FROM broadcasts WHERE session_id = ? AND dismissed_at IS NULL ORDER BY at')
  const dismiss = db.prepare('UPDATE broadcasts SET dismissed_at = ? WHERE id = ? AND session_id = ?')
  const insertAction = db.prepare(
    'INSERT INTO action_log (id, session_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const actions = db.prepare<[string, number], ActionLogEntry>(
    'SELECT id, at, actor, action, detail FROM action_log WHERE session_id = ? ORDER BY at DESC, rowid DESC LIMIT ?',
  )

  const saveAgenda = db.transaction((sessionId: string, list: RoundRecord[]) => {
    const keep = new Set(list.map((r) => r.id))
    for (const existing of rounds.all(sessionId).map(toRound)) {
      if (existing.status === 'planned' && !keep.has(existing.id)) deleteRound.run(existing.id)
    }
    for (const r of list) upsertRound.run(r.id, sessionId, r.position, JSON.stringify(r))
  })
  const replaceGroups = db.transaction(
    (roundId: string, list: GroupRecord[], memberships: MembershipRecord[]) => {
      deleteGroups.run(roundId)
      for (const g of list) insertGroup.run(g.id, g.sessionId, g.roundId, g.number, g.name, g.docKey)
      const sessionOf = new Map(list.map((g) => [g.id, g.sessionId]))
      for (const m of memberships)
        upsertMember.run(m.roundId, m.participantId, m.groupId, sessionOf.get(m.groupId))
    },
  )

  return {
    async meta(sessionId) {
      const row = meta.get(sessionId)
      return { version: row?.version ?? 0, currentRoundId: row?.current_round_id ?? null }
    },
    async setMeta(sessionId, version, currentRoundId) {
      setMeta.run(sessionId, version, currentRoundId)
    },
    async listRounds(sessionId) {
      return rounds.all(sessionId).map(toRound)
    },
    async saveAgenda(sessionId, list) {
      saveAgenda(sessionId, list)
    },
    async saveRound(r) {
      upsertRound.run(r.id, r.sessionId, r.position, JSON.stringify(r))
    },
    async listGroups(roundId) {
      return groups.all(roundId).map(toGroup)
    },
    async listMemberships(roundId) {
      return members.all(roundId).map(toMembership)
    },
    async listSeats(roundId) {
      return seats.all(roundId).map((r): SeatRecord => ({ ...toMembership(r), sector: r.sector }))
    },
    async getMembership(roundId, participantId) {
      const row = member.get(roundId, participantId)
      return row ? toMembership(row) : null
    },
    async listGroupMembers(groupId) {
      return groupMembers.all(groupId).map(
        (r): MemberRecord => ({
          roundId: r.round_id,
          groupId: r.group_id,
          participantId: r.id,
          participant: toParticipant(r),
        }),
      )
    },
    async countSeated(roundId) {
      return new Map(seatedByGroup.all(roundId).map((r) => [r.group_id, r.n]))
    },
    async listSessionMemberships(sessionId) {
      return sessionMembers.all(sessionId).map(toMembership)
    },
    async listParticipantMemberships(participantId) {
      return participantMembers.all(participantId).map(toMembership)
    },
    async replaceGroups(roundId, list, memberships) {
      replaceGroups(roundId, list, memberships)
    },
    async addGroup(g) {
      insertGroup.run(g.id, g.sessionId, g.roundId, g.number, g.name, g.docKey)
    },
    async setMembership(sessionId, m) {
      upsertMember.run(m.roundId, m.participantId, m.groupId, sessionId)
    },
    async getGroup(groupId) {
      const row = group.get(groupId)
      return row ? toGroup(row) : null
    },
    async addBroadcast(b) {
      insertBroadcast.run(b.id, b.sessionId, b.groupId, b.text, b.at)
    },
    async listBroadcasts(sessionId) {
      return broadcasts
        .all(sessionId)
        .map((r) => ({ id: r.id, sessionId: r.session_id, groupId: r.group_id, text: r.text, at: r.at }))
    },
    async dismissBroadcast(sessionId, id, at) {
      dismiss.run(at, id, sessionId)
    },
    async logAction(sessionId, e) {
      insertAction.run(e.id, sessionId, e.at, e.actor, e.action, e.detail)
    },
    async listActions(sessionId, limit) {
      return actions.all(sessionId, limit)
    },
    async listRunningRounds() {
      return running.all().map(toRound)
    },
    async listRoundsEndedSince(since) {
      return endedSince.all(since).map(toRound)
    },
  }
}
