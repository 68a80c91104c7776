import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { AuthorStamp, KeyPoint } from '../../../../shared/notes.ts'
import { BoundText } from './BoundText.tsx'
import { DownIcon, GripIcon, KindIcon, TrashIcon, UpIcon } from './icons.tsx'

/** How a server-stamped author is shown: name and sector, one of them, or nothing. */
export function authorText(author: AuthorStamp | null): string | null {
  if (!author) return null
  const parts = [author.label, author.sector].filter((p): p is string => Boolean(p?.trim()))
  return parts.length > 0 ? parts.join(' · ') : null
}

/** What one key point can do, given from the list. */
export interface PointActions {
  edit: (id: string, value: string) => void
  typed: () => void
  move: (id: string, index: number) => void
  remove: (id: string) => void
  hide?: (id: string) => void
  removeAuthor?: (id: string) => void
  startDrag: (id: string, event: React.PointerEvent<HTMLElement>) => void
}

/** One key point: its kind, text (editable in place), author, and the buttons that reorder, delete or moderate it. */
export function PointItem({
  point,
  index,
  count,
  text,
  writable,
  moderation,
  actions,
  dragClass,
  dragOffset,
}: {
  point: KeyPoint
  index: number
  count: number
  text: Y.Text | null
  writable: boolean
  moderation: boolean
  actions: PointActions
  dragClass: string
  dragOffset: number
}) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const position = index + 1
  const kind = t(`notes.kinds.${point.kind}`)
  const author = authorText(point.author)
  const label = t('notes.pointLabel', { kind, position, count })

  return (
    <li
      className={`point point-${point.kind} ${dragClass}`}
      data-point-id={point.id}
      data-testid="key-point"
      style={dragOffset ? { transform: `translateY(${dragOffset}px)` } : undefined}
    >
      <div className="point-head">
        {writable ? (
          <span
            className="point-grip"
            aria-hidden="true"
            title={t('notes.drag')}
            onPointerDown={(e) => actions.startDrag(point.id, e)}
          >
            <GripIcon />
          </span>
        ) : null}
        <span className={`kind-chip kind-chip-${point.kind}`}>
          <KindIcon kind={point.kind} />
          {kind}
        </span>
        {author ? <span className="point-author">{t('notes.by', { who: author })}</span> : null}
      </div>
      {writable && text ? (
        <BoundText
          text={text}
          label={label}
          onEdit={(value) => actions.edit(point.id, value)}
          onTyped={actions.typed}
        />
      ) : (
        <p className="point-text-read">
          <span className="visually-hidden">{label}: </span>
          {point.text}
        </p>
      )}
      {writable ? (
        <div className="point-actions">
          <button
            type="button"
            className="icon-button"
            aria-label={t('notes.moveUp', { position })}
            disabled={index === 0}
            onClick={() => actions.move(point.id, index - 1)}
          >
            <UpIcon />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('notes.moveDown', { position })}
            disabled={index === count - 1}
            onClick={() => actions.move(point.id, index + 1)}
          >
            <DownIcon />
          </button>
          <button
            type="button"
            className="icon-button icon-button-danger"
            aria-label={t('notes.delete', { position })}
            onClick={() => actions.remove(point.id)}
          >
            <TrashIcon />
          </button>
        </div>
      ) : null}
      {moderation ? (
        <div className="point-moderation">
          <button
            type="button"
            className="button button-quiet button-small"
            aria-label={t('notes.moderation.hideLabel', { position })}
            onClick={() => actions.hide?.(point.id)}
          >
            {t('notes.moderation.hide')}
          </button>
          {point.author ? (
            <button
              type="button"
              className="button button-quiet button-small"
              aria-label={t('notes.moderation.removeAuthorLabel', { position })}
              aria-expanded={confirming}
              onClick={() => setConfirming(true)}
            >
              {t('notes.moderation.removeAuthor')}
            </button>
          ) : null}
          {confirming ? (
            <div className="confirm point-confirm">
              <p>{t('notes.moderation.removeAuthorConfirm')}</p>
              <div className="row">
                <button
                  type="button"
                  className="button button-danger"
                  onClick={() => {
                    setConfirming(false)
                    actions.removeAuthor?.(point.id)
                  }}
                >
                  {t('notes.moderation.confirmRemove')}
                </button>
                <button type="button" className="button button-quiet" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
    </li>
  )
}
