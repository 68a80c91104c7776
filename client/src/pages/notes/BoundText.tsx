import { useLayoutEffect, useRef } from 'react'
import type * as Y from 'yjs'
import { LIMITS } from '../../../../shared/limits.ts'

/** Moves a caret index through a remote change's delta, so typing elsewhere does not move it. */
export function shiftIndex(
  index: number,
  delta: { retain?: number; insert?: unknown; delete?: number }[],
): number {
  let at = 0
  let next = index
  for (const op of delta) {
    if (op.retain) at += op.retain
    else if (typeof op.insert === 'string') {
      if (at < next) next += op.insert.length
      at += op.insert.length
    } else if (op.delete) {
      if (at < next) next -= Math.min(op.delete, next - at)
    }
  }
  return next
}

/**
 * A key point's text as a field bound to its Y.Text: local typing becomes the smallest edit (through `onEdit`),
 * and others' typing shows live without moving this person's caret.
 */
export function BoundText({
  text,
  label,
  onEdit,
  onTyped,
  describedBy,
}: {
  text: Y.Text
  label: string
  onEdit: (value: string) => void
  onTyped: () => void
  describedBy?: string
}) {
  const field = useRef<HTMLTextAreaElement>(null)

  useLayoutEffect(() => {
    const el = field.current
    if (!el) return
    el.value = text.toString()
    const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      const value = text.toString()
      if (transaction.local && el.value === value) return
      const focused = document.activeElement === el
      const start = focused ? shiftIndex(el.selectionStart, event.delta as never) : 0
      const end = focused ? shiftIndex(el.selectionEnd, event.delta as never) : 0
      el.value = value
      if (focused) el.setSelectionRange(start, end)
    }
    text.observe(observer)
    return () => text.unobserve(observer)
  }, [text])

  return (
    <textarea
      ref={field}
      className="point-text"
      aria-label={label}
      aria-describedby={describedBy}
      rows={1}
      maxLength={LIMITS.pointMaxChars}
      enterKeyHint="done"
      onInput={(e) => {
        onEdit(e.currentTarget.value)
        onTyped()
      }}
      onKeyDown={(e) => {
        // A key point is one line: Enter adds no line break.
        if (e.key === 'Enter') e.preventDefault()
      }}
    />
  )
}
