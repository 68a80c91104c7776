import type { DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { GroupPreview } from '../../../../shared/protocol.ts'
import type { GroupView, MemberView } from '../../../../shared/rounds.ts'
import { formatAgo, tableName } from '../round/format.ts'
import { MemberRow } from './MemberRow.tsx'

/** One table as the live view sees it: its group, notes preview, who is connected and how long it has been quiet. */
export interface Row {
  group: GroupView
  preview: GroupPreview | undefined
  online: number
  quietMs: number
  quiet: boolean
}

/** One table's card in the live view: name, who is online, quiet flag, members and a preview of its notes. */
export function GroupCard({
  row: r,
  dense,
  groups,
  serverNow,
  isOnline,
  onMove,
  onDrop,
  onOpenNotes,
}: {
  row: Row
  dense: boolean
  groups: GroupView[]
  serverNow: number
  isOnline: (member: MemberView) => boolean
  onMove: (member: MemberView, group: GroupView) => Promise<boolean>
  onDrop: (event: DragEvent) => void
  onOpenNotes: (group: GroupView) => void
}) {
  const { t, i18n } = useTranslation()
  return (
    <li
      className={r.quiet ? 'group-card group-quiet' : 'group-card'}
      data-testid="group-card"
      onDragOver={(e) => {
        e.preventDefault()
        e.currentTarget.classList.add('drop-target')
      }}
      onDragLeave={(e) => e.currentTarget.classList.remove('drop-target')}
      onDrop={onDrop}
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
              onMove={onMove}
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
                <span className="point-kind">{t(`rounds.kinds.${p.kind}`, { defaultValue: p.kind })}</span>{' '}
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
  )
}
