import { type ReactNode, useState } from 'react'
import { POINT_DRAG_TYPE } from './PointCard.tsx'

/** A list that takes dropped points; the keyboard path is each point's "Move to theme" menu. */
export function DropList({
  onDropPoint,
  label,
  children,
  empty,
}: {
  onDropPoint: (ref: string) => void
  label: string
  children: ReactNode
  empty: ReactNode
}) {
  const [over, setOver] = useState(false)
  const hasChildren = Array.isArray(children) ? children.length > 0 : Boolean(children)
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a pointer-only drop target; each point's menu is the keyboard path
    <div
      className={over ? 'drop drop-over' : 'drop'}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(POINT_DRAG_TYPE)) return
        e.preventDefault()
        e.dataTransfer.dropEffect = 'move'
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false)
        const ref = e.dataTransfer.getData(POINT_DRAG_TYPE)
        if (!ref) return
        e.preventDefault()
        onDropPoint(ref)
      }}
    >
      {hasChildren ? (
        <ul className="point-list" aria-label={label}>
          {children}
        </ul>
      ) : (
        <p className="muted small drop-empty">{empty}</p>
      )}
    </div>
  )
}
