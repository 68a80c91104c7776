import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import {
  addPoint,
  authorsMap,
  deletePoint,
  type KeyPoint,
  movePoint,
  type PointKind,
  pointsMap,
  readPoints,
  setPointText,
} from '../../../shared/notes.ts'
import { acquireDoc, type DocHandle } from './docRegistry.ts'
import type { DocTunnel } from './docTunnel.ts'
import { randomId } from './ids.ts'
import {
  DELETE_ORIGIN,
  LOCAL_ORIGIN,
  type NotesSync,
  type NotesSyncState,
  notesSyncFor,
} from './notesSync.ts'

const IDLE: NotesSyncState = {
  online: false,
  loaded: false,
  serverWritable: null,
  saved: true,
  keptLocally: true,
  refusal: null,
  closed: null,
  unsaved: [],
  refused: [],
}
const noSubscribe = () => () => {}
const idleState = () => IDLE

/** The document, its saving state, and the key-point operations of one group's notes. */
export function useGroupNotes(tunnel: DocTunnel | null, docName: string) {
  const [opened, setOpened] = useState<{ handle: DocHandle; sync: NotesSync } | null>(null)
  const [points, setPoints] = useState<KeyPoint[]>([])

  useEffect(() => {
    if (!tunnel) return
    const { handle, release } = acquireDoc(tunnel, docName)
    const sync = notesSyncFor(tunnel, docName, handle)
    const points = pointsMap(handle.doc)
    const authors = authorsMap(handle.doc)
    const refresh = () => setPoints(readPoints(handle.doc))
    points.observeDeep(refresh)
    authors.observe(refresh)
    refresh()
    setOpened({ handle, sync })
    return () => {
      points.unobserveDeep(refresh)
      authors.unobserve(refresh)
      setOpened(null)
      release()
    }
  }, [tunnel, docName])

  const sync = opened?.sync
  const state = useSyncExternalStore(sync?.subscribe ?? noSubscribe, sync?.getState ?? idleState)
  const doc: Y.Doc | null = opened?.handle.doc ?? null

  const [canUndo, setCanUndo] = useState(false)
  useEffect(() => {
    if (!sync) return
    const onStack = () => setCanUndo(sync.undo.undoStack.length > 0)
    sync.undo.on('stack-item-added', onStack)
    sync.undo.on('stack-item-popped', onStack)
    onStack()
    return () => {
      sync.undo.off('stack-item-added', onStack)
      sync.undo.off('stack-item-popped', onStack)
    }
  }, [sync])

  const add = useCallback(
    (kind: PointKind, text: string): string | null => {
      if (!doc) return null
      const id = randomId()
      let added = false
      doc.transact(() => {
        added = addPoint(doc, id, kind, text)
      }, LOCAL_ORIGIN)
      return added ? id : null
    },
    [doc],
  )

  const setText = useCallback(
    (id: string, text: string) => doc?.transact(() => setPointText(doc, id, text), LOCAL_ORIGIN),
    [doc],
  )

  const remove = useCallback(
    (id: string) => {
      if (!doc) return
      doc.transact(() => deletePoint(doc, id), DELETE_ORIGIN)
    },
    [doc],
  )

  /** Moves a point to `index` in the current order. */
  const move = useCallback(
    (id: string, index: number) => {
      if (!doc) return
      const others = readPoints(doc).filter((p) => p.id !== id)
      const clamped = Math.max(0, Math.min(index, others.length))
      const before = others[clamped - 1]?.id ?? null
      const after = others[clamped]?.id ?? null
      doc.transact(() => movePoint(doc, id, before, after), LOCAL_ORIGIN)
    },
    [doc],
  )

  const undoDelete = useCallback(() => {
    sync?.undo.undo()
  }, [sync])

  return useMemo(
    () => ({
      doc,
      provider: opened?.handle.provider ?? null,
      sync: sync ?? null,
      state,
      points,
      canUndo,
      add,
      setText,
      remove,
      move,
      undoDelete,
    }),
    [doc, opened, sync, state, points, canUndo, add, setText, remove, move, undoDelete],
  )
}

/** The group's notes as returned by useGroupNotes. */
export type GroupNotesModel = ReturnType<typeof useGroupNotes>
