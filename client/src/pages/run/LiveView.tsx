import { type DragEvent, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GroupPreview } from '../../../../shared/protocol.ts'
import type { GroupView, MemberView, RoundView } from '../../../../shared/rounds.ts'
import type { RoomHandle } from '../../net/useRoom.ts'
import { formatAgo, memberDetail, memberName, tableName } from '../round/format.ts'

/** A table that has written nothing for this long gets a flag. */
export const QUIET_AFTER_MS = 5 * 60_000
/** Above this many tables the live view starts compact. */
const COMPACT_FROM = 24

type SortKey = 'table' | 'active' | 'quiet'
type FilterKey = 'all' | 'quiet' | 'offline'

interface Row {
  group: GroupView
  preview: GroupPreview | undefined
  online: number
  quietMs: number
  quiet: boolean
}

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
  const { t, i18n } = useTranslation()
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
  const id = useId()
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

      <div className="live-toolbar">
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('rounds.live.search')}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={query}
            placeholder={t('rounds.live.searchPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-f`}>{t('rounds.live.show')}</label>
          <select id={`${id}-f`} value={filter} onChange={(e) => setFilter(e.target.value as FilterKey)}>
            <option value="all">{t('rounds.live.filterAll')}</option>
            <option value="quiet">{t('rounds.live.filterQuiet')}</option>
            <option value="offline">{t('rounds.live.filterOffline')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-s`}>{t('rounds.live.sort')}</label>
          <select id={`${id}-s`} value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            <option value="table">{t('rounds.live.sortTable')}</option>
            <option value="active">{t('rounds.live.sortActive')}</option>
            <option value="quiet">{t('rounds.live.sortQuiet')}</option>
          </select>
        </div>
        <label className="choice live-compact">
          <input type="checkbox" checked={dense} onChange={(e) => setCompact(e.target.checked)} />
          <span>{t('rounds.live.compact')}</span>
        </label>
      </div>
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
            <li
              key={r.group.id}
              className={r.quiet ? 'group-card group-quiet' : 'group-card'}
              data-testid="group-card"
              onDragOver={(e) => {
                e.preventDefault()
                e.currentTarget.classList.add('drop-target')
              }}
              onDragLeave={(e) => e.currentTarget.classList.remove('drop-target')}
              onDrop={onDrop(r.group)}
            >
              <div className="group-head">
                <h3 className="group-name">
                  {dense ? (
                    <button
                      type="button"
                      id={`open-notes-${r.group.id}`}
                      className="group-name-button"
                      onClick={() => onOpenNotes(r.group)}
                      aria-label={t('rounds.live.openNotesLabel', { table: tableName(t, r.group) })}
                    >
                      {tableName(t, r.group)}
                    </button>
                  ) : (
                    tableName(t, r.group)
                  )}
                </h3>
                <span
                  className="group-online"
                  title={t('rounds.live.onlineOf', { online: r.online, count: r.group.members.length })}
                >
                  <span className={r.online > 0 ? 'dot dot-online' : 'dot'} aria-hidden="true" />
                  {dense ? (
                    <>
                      <span aria-hidden="true">
                        {r.online}/{r.group.members.length}
                      </span>
                      <span className="visually-hidden">
                        {t('rounds.live.onlineOf', { online: r.online, count: r.group.members.length })}
                      </span>
                    </>
                  ) : (
                    t('rounds.live.onlineOf', { online: r.online, count: r.group.members.length })
                  )}
                </span>
              </div>
              {r.quiet ? (
                <p className="quiet-flag">
                  {t('rounds.live.quiet', { time: formatAgo(i18n.language, t, r.quietMs) })}
                </p>
              ) : null}
              {dense ? null : (
                <ul className="member-rows">
                  {r.group.members.map((m) => (
                    <MemberRow
                      key={m.id}
                      member={m}
                      online={isOnline(m)}
                      groups={groups}
                      current={r.group}
                      onMove={move}
                    />
                  ))}
                </ul>
              )}
              <div className="group-preview">
                <p className="muted small">
                  {r.preview && r.preview.pointCount > 0
                    ? t('rounds.live.points', { count: r.preview.pointCount })
                    : t('rounds.live.noPoints')}
                  {r.preview?.lastActiveAt
                    ? ` · ${t('rounds.live.lastActive', { time: formatAgo(i18n.language, t, Math.max(0, serverNow - r.preview.lastActiveAt)) })}`
                    : ''}
                </p>
                {r.preview && r.preview.latest.length > 0 ? (
                  <ul className="preview-points">
                    {r.preview.latest.slice(dense ? -1 : -3).map((p, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: previews are replaced whole
                      <li key={i}>
                        <span className="point-kind">
                          {t(`rounds.kinds.${p.kind}`, { defaultValue: p.kind })}
                        </span>{' '}
                        {p.text}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
              {dense ? null : (
                <button
                  type="button"
                  id={`open-notes-${r.group.id}`}
                  className="button button-quiet button-small"
                  onClick={() => onOpenNotes(r.group)}
                >
                  {t('rounds.live.openNotes')}
                  <span className="visually-hidden">: {tableName(t, r.group)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </section>
  )
}

/** One person at a table: draggable to another, or moved by keyboard with "Move to…". */
function MemberRow({
  member,
  online,
  groups,
  current,
  onMove,
}: {
  member: MemberView
  online: boolean
  groups: GroupView[]
  current: GroupView | null
  onMove: (member: MemberView, group: GroupView) => Promise<boolean>
}) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [target, setTarget] = useState('')
  const [busy, setBusy] = useState(false)
  const selectId = useId()
  const name = memberName(t, member)
  const detail = memberDetail(member)
  const others = groups.filter((g) => g.id !== current?.id)
  const selectRef = useRef<HTMLSelectElement>(null)
  const moveButton = useRef<HTMLButtonElement>(null)
  const wasOpen = useRef(false)
  useEffect(() => {
    if (open) selectRef.current?.focus()
    else if (wasOpen.current && document.activeElement === document.body) moveButton.current?.focus()
    wasOpen.current = open
  }, [open])

  const submit = async () => {
    const group = others.find((g) => g.id === target)
    if (!group) return
    setBusy(true)
    const ok = await onMove(member, group)
    setBusy(false)
    if (ok) setOpen(false)
  }

  return (
    <li
      id={`member-${member.id}`}
      data-group={current?.id ?? ''}
      tabIndex={-1}
      className="member-row"
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', member.id)
        e.dataTransfer.effectAllowed = 'move'
      }}
      data-testid="member-row"
    >
      <span className={online ? 'dot dot-online' : 'dot'} aria-hidden="true" />
      <span className="member-name">
        {name}
        <span className="visually-hidden">, {online ? t('facilitator.online') : t('facilitator.away')}</span>
        {detail ? <span className="person-sector">{detail}</span> : null}
      </span>
      {open ? (
        <span className="move-to">
          <label htmlFor={selectId} className="visually-hidden">
            {t('rounds.live.moveToLabel', { name })}
          </label>
          <select
            id={selectId}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            ref={selectRef}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setOpen(false)
            }}
          >
            <option value="">{t('rounds.live.moveToPlaceholder')}</option>
            {others.map((g) => (
              <option key={g.id} value={g.id}>
                {t('rounds.live.tableWith', { table: tableName(t, g), count: g.members.length })}
              </option>
            ))}
          </select>
          <button type="button" className="button button-small" disabled={!target || busy} onClick={submit}>
            {t('rounds.live.move')}
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={() => setOpen(false)}
            aria-label={t('common.cancel')}
          >
            ×
          </button>
        </span>
      ) : (
        <button
          ref={moveButton}
          type="button"
          className="button button-quiet button-small"
          onClick={() => setOpen(true)}
        >
          {t('rounds.live.moveTo')}
          <span className="visually-hidden"> {name}</span>
        </button>
      )}
    </li>
  )
}
