import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import * as Y from 'yjs'
import { LIMITS } from '../../../../shared/limits.ts'
import { pointsMap } from '../../../../shared/notes.ts'
import type { GroupNotesModel } from '../../net/useGroupNotes.ts'
import { AddPoint } from './AddPoint.tsx'
import { type PointActions, PointItem } from './PointItem.tsx'

/** How long the "Undo" offer stays after a delete. */
const UNDO_OFFER_MS = 10_000

interface Drag {
  id: string
  from: number
  to: number
  startY: number
  dy: number
  /** Vertical middles of the items when the drag started. */
  middles: number[]
}

/** The key points: add, edit in place, reorder by drag or buttons, delete with undo; read-only when locked. */
export function KeyPoints({
  notes,
  writable,
  moderation,
  typed,
  onHide,
  onRemoveAuthor,
  announce,
}: {
  notes: GroupNotesModel
  writable: boolean
  moderation: boolean
  typed: () => void
  onHide?: (id: string) => void
  onRemoveAuthor?: (id: string) => void
  announce: (message: string) => void
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const { points, doc } = notes
  const [drag, setDrag] = useState<Drag | null>(null)
  const [undoOffer, setUndoOffer] = useState(false)
  const list = useRef<HTMLOListElement>(null)
  const undoTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => () => clearTimeout(undoTimer.current), [])

  const focusPoint = (id: string) =>
    requestAnimationFrame(() =>
      list.current
        ?.querySelector<HTMLElement>(`[data-point-id="${id}"] textarea, [data-point-id="${id}"] button`)
        ?.focus(),
    )

  const actions: PointActions = {
    edit: notes.setText,
    typed,
    move: (id, index) => {
      notes.move(id, index)
      announce(t('notes.moved', { position: index + 1, count: points.length }))
      // Keep the focus on the button that moved it, now in its new place.
      requestAnimationFrame(() => {
        const item = list.current?.querySelector(`[data-point-id="${id}"]`)
        const buttons = item?.querySelectorAll<HTMLButtonElement>('.point-actions button')
        const wanted = buttons?.[index === 0 ? 1 : 0]
        if (wanted && !wanted.disabled) wanted.focus()
        else buttons?.[1]?.focus()
      })
    },
    remove: (id) => {
      const index = points.findIndex((p) => p.id === id)
      notes.remove(id)
      setUndoOffer(true)
      announce(t('notes.deleted'))
      clearTimeout(undoTimer.current)
      undoTimer.current = setTimeout(() => setUndoOffer(false), UNDO_OFFER_MS)
      const next = points[index + 1] ?? points[index - 1]
      if (next) focusPoint(next.id)
    },
    hide: onHide,
    removeAuthor: onRemoveAuthor,
    startDrag: (id, event) => {
      const items = [...(list.current?.querySelectorAll<HTMLElement>(':scope > li') ?? [])]
      const from = points.findIndex((p) => p.id === id)
      if (from < 0) return
      event.currentTarget.setPointerCapture(event.pointerId)
      const middles = items.map((el) => {
        const r = el.getBoundingClientRect()
        return r.top + r.height / 2
      })
      setDrag({ id, from, to: from, startY: event.clientY, dy: 0, middles })
    },
  }

  const onPointerMove = (event: React.PointerEvent) => {
    if (!drag) return
    const dy = event.clientY - drag.startY
    const y = (drag.middles[drag.from] ?? 0) + dy
    let to = drag.middles.filter((m, i) => i !== drag.from && m < y).length
    to = Math.max(0, Math.min(to, points.length - 1))
    setDrag({ ...drag, dy, to })
  }
  const endDrag = () => {
    if (!drag) return
    if (drag.to !== drag.from) actions.move(drag.id, drag.to)
    setDrag(null)
  }

  const dragClass = (index: number, id: string) => {
    if (!drag) return ''
    if (id === drag.id) return 'point-dragging'
    if (drag.to === index && drag.to !== drag.from) return drag.to > drag.from ? 'drop-after' : 'drop-before'
    return ''
  }

  const textOf = (id: string) => {
    const value = doc ? pointsMap(doc).get(id)?.get('text') : null
    return value instanceof Y.Text ? value : null
  }

  return (
    <section className="key-points" aria-labelledby={headingId}>
      <div className="section-head">
        <h3 id={headingId}>{t('notes.keyPoints')}</h3>
        {points.length > 0 ? (
          <span className="muted small">{t('notes.count', { count: points.length })}</span>
        ) : null}
      </div>
      {points.length === 0 ? (
        <p className="muted">{writable ? t('notes.emptyPoints') : t('notes.emptyPointsReadOnly')}</p>
      ) : (
        <ol
          ref={list}
          className="point-list"
          onPointerMove={onPointerMove}
          onPointerUp={endDrag}
          onPointerCancel={() => setDrag(null)}
        >
          {points.map((point, index) => (
            <PointItem
              key={point.id}
              point={point}
              index={index}
              count={points.length}
              text={textOf(point.id)}
              writable={writable}
              moderation={moderation}
              actions={actions}
              dragClass={dragClass(index, point.id)}
              dragOffset={drag?.id === point.id ? drag.dy : 0}
            />
          ))}
        </ol>
      )}
      {writable ? (
        <AddPoint
          onAdd={(kind, text) => notes.add(kind, text) !== null}
          onTyped={typed}
          full={points.length >= LIMITS.pointsPerGroupMax}
        />
      ) : null}
      {undoOffer && notes.canUndo ? (
        <div className="undo-toast">
          <span>{t('notes.deleted')}</span>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => {
              notes.undoDelete()
              setUndoOffer(false)
              announce(t('notes.restoredPoint'))
            }}
          >
            {t('notes.undo')}
          </button>
        </div>
      ) : null}
    </section>
  )
}
