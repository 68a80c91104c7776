import { type DragEvent, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GroupView, MemberView, RoundView } from '../../../../shared/rounds.ts'
import type { RoomHandle } from '../../net/useRoom.ts'
import { memberName, tableName } from '../round/format.ts'
import { GroupCard, type Row } from './GroupCard.tsx'
import { type FilterKey, LiveToolbar, type SortKey } from './LiveToolbar.tsx'
import { MemberRow } from './MemberRow.tsx'

/** A table that has written nothing for this long gets a flag. */
export const QUIET_AFTER_MS = 5 * 60_000
/** Above this many tables the live view starts compact. */
const COMPACT_FROM = 24

/** Every table of the round at a glance: members, who is connected, a live preview of its notes, quiet flags. */
export function LiveView({
  handle,
  round,
  offset,
  onlineById,
  onOpenNotes,
}: {
  handle: RoomHandle
  round: RoundView
  offset: number
  onlineById: ReadonlyMap<string, boolean>
  onOpenNotes: (group: GroupView) => void
}) {
  const { t } = useTranslation()
  const room = handle.room
  const groups = room && room.groupsRoundId === round.id ? room.groups : []
  const unassigned = room && room.groupsRoundId === round.id ? room.unassigned : []
  const previews = room?.previews ?? {}
  const [query, setQuery] = useState('')
  const [filter, setFilter] = useState<FilterKey>('all')
  const [sort, setSort] = useState<SortKey>('table')
  const [compact, setCompact] = useState<boolean | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [now, setNow] = useState(() => Date.now())
  const pendingFocus = useRef<{ pid: string; groupId: string } | null>(null)
  const dense = compact ?? groups.length > COMPACT_FROM

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000)
    return () => clearInterval(timer)
  }, [])

  // After a move, focus follows the person to their new table.
  useEffect(() => {
    const pending = pendingFocus.current
    if (!pending) return
    const el = document.getElementById(`member-${pending.pid}`)
    if (el?.dataset.group === pending.groupId) {
      el.focus()
      pendingFocus.current = null
    }
  })

  const isOnline = (m: MemberView) => onlineById.get(m.id) ?? m.online
  const serverNow = now + offset
  const live = round.status === 'running' || round.status === 'paused'

  const rows: Row[] = useMemo(
    () =>
      groups.map((group) => {
        const preview = previews[group.docName]
        const since = preview?.lastActiveAt ?? round.startedAt ?? serverNow
        const quietMs = Math.max(0, serverNow - since)
        return {
          group,
          preview,
          online: group.members.filter((m) => onlineById.get(m.id) ?? m.online).length,
          quietMs,
          quiet: live && quietMs >= QUIET_AFTER_MS,
        }
      }),
    [groups, previews, round.startedAt, serverNow, onlineById, live],
  )

  const needle = query.trim().toLocaleLowerCase()
  const shown = rows
    .filter((r) => {
      if (filter === 'quiet' && !r.quiet) return false
      if (filter === 'offline' && r.online === r.group.members.length) return false
      if (!needle) return true
      const hay = [
        tableName(t, r.group),
        String(r.group.number),
        ...r.group.members.map((m) => `${m.label ?? ''} ${m.sector ?? ''}`),
        ...(r.preview?.latest.map((p) => p.text) ?? []),
      ]
        .join(' ')
        .toLocaleLowerCase()
      return hay.includes(needle)
    })
    .sort((a, b) => {
      if (sort === 'quiet') return b.quietMs - a.quietMs || a.group.number - b.group.number
      if (sort === 'active') return a.quietMs - b.quietMs || a.group.number - b.group.number
      return a.group.number - b.group.number
    })
  const quietCount = rows.filter((r) => r.quiet).length
  const onlineCount = rows.reduce((n, r) => n + r.online, 0)
  const peopleCount = rows.reduce((n, r) => n + r.group.members.length, 0)

  const move = async (member: MemberView, group: GroupView) => {
    const outcome = await handle.command({ event: 'group:move', participantId: member.id, groupId: group.id })
    if (outcome.ok) {
      pendingFocus.current = { pid: member.id, groupId: group.id }
      setAnnouncement(t('rounds.live.moved', { name: memberName(t, member), table: tableName(t, group) }))
    }
    return outcome.ok
  }
  const findMember = (pid: string) =>
    unassigned.find((m) => m.id === pid) ?? groups.flatMap((g) => g.members).find((m) => m.id === pid)

  const onDrop = (group: GroupView) => (event: DragEvent) => {
    event.preventDefault()
    ;(event.currentTarget as HTMLElement).classList.remove('drop-target')
    const pid = event.dataTransfer.getData('text/plain')
    const member = findMember(pid)
    if (member && !group.members.some((m) => m.id === pid)) void move(member, group)
  }

  return (
    <section className="card live-view" aria-labelledby="live-heading">
      <div className="section-head">
        <h2 id="live-heading">{t('rounds.live.heading')}</h2>
        <p className="muted small" data-testid="live-summary">
          {t('rounds.live.summary', { count: groups.length, people: peopleCount, online: onlineCount })}
          {quietCount > 0 ? ` · ${t('rounds.live.quietCount', { count: quietCount })}` : ''}
        </p>
      </div>
      <LiveToolbar
        query={query}
        onQuery={setQuery}
        filter={filter}
        onFilter={setFilter}
        sort={sort}
        onSort={setSort}
        dense={dense}
        onCompact={setCompact}
      />
      <p className="hint">{t('rounds.live.moveHint')}</p>

      {unassigned.length > 0 ? (
        <div className="unassigned" data-testid="unassigned">
          <h3>{t('rounds.live.unassigned', { count: unassigned.length })}</h3>
          <ul className="member-rows">
            {unassigned.map((m) => (
              <MemberRow
                key={m.id}
                member={m}
                online={isOnline(m)}
                groups={groups}
                current={null}
                onMove={move}
              />
            ))}
          </ul>
        </div>
      ) : null}

      {groups.length === 0 ? (
        <p className="empty-note">{t('rounds.live.noGroups')}</p>
      ) : shown.length === 0 ? (
        <p className="empty-note">{t('rounds.live.noMatch')}</p>
      ) : (
        <ul className={dense ? 'group-grid group-grid-compact' : 'group-grid'} data-testid="group-grid">
          {shown.map((r) => (
            <GroupCard
              key={r.group.id}
              row={r}
              dense={dense}
              groups={groups}
              serverNow={serverNow}
              isOnline={isOnline}
              onMove={move}
              onDrop={onDrop(r.group)}
              onOpenNotes={onOpenNotes}
            />
          ))}
        </ul>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </section>
  )
}
