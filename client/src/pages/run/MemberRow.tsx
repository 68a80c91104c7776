import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GroupView, MemberView } from '../../../../shared/rounds.ts'
import { memberDetail, memberName, tableName } from '../round/format.ts'

/** One person at a table: draggable to another, or moved by keyboard with "Move to…". */
export function MemberRow({
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
