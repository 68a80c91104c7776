import { chainCommands, setBlockType, toggleMark } from 'prosemirror-commands'
import type { MarkType, NodeType, Node as PmNode, ResolvedPos } from 'prosemirror-model'
import { liftListItem, wrapRangeInList } from 'prosemirror-schema-list'
import type { Command, EditorState, Transaction } from 'prosemirror-state'
import { canJoin, liftTarget } from 'prosemirror-transform'
import { notesSchema } from './schema.ts'

const { paragraph, heading, hardBreak, bulletList, orderedList, listItem } = notesSchema.nodes
const { bold } = notesSchema.marks
const HEADING = { level: 4 }
const LISTS = [bulletList, orderedList]

/** Whether the selection lies wholly inside nodes of `type`: for a caret, whether one of them holds it. */
export function isNodeActive(state: EditorState, type: NodeType): boolean {
  const within = (pos: number) => {
    const $pos = state.doc.resolve(pos)
    for (let depth = $pos.depth; depth > 0; depth--) if ($pos.node(depth).type === type) return true
    return false
  }
  const { from, to, empty } = state.selection
  if (empty) return within(from)
  let all = true
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true
    all &&= within(pos + 1)
    return false
  })
  return all
}

/** Whether all the selected text has `type`: for a caret, whether what is typed next will. */
export function isMarkActive(state: EditorState, type: MarkType): boolean {
  const { from, to, empty, $from } = state.selection
  if (empty) return Boolean(type.isInSet(state.storedMarks ?? $from.marks()))
  let text = false
  let all = true
  state.doc.nodesBetween(from, to, (node) => {
    if (!node.isText) return true
    text = true
    all &&= Boolean(type.isInSet(node.marks))
    return false
  })
  return text && all
}

/** Bold on or off. Partly bold text turns all bold, as with TipTap (ProseMirror's default takes the bold off). */
export const toggleBold: Command = toggleMark(bold, null, { removeWhenPresent: false })

/** A heading where none may go (a list item starts with a paragraph): the block leaves its list first. */
const liftIntoHeading: Command = (state, dispatch) => {
  const { $from, $to } = state.selection
  const range = $from.blockRange($to)
  const target = range ? liftTarget(range) : null
  if (!range || target === null) return false
  if (dispatch) {
    const tr = state.tr.lift(range, target)
    dispatch(tr.setBlockType(tr.selection.from, tr.selection.to, heading, HEADING).scrollIntoView())
  }
  return true
}

/** The heading button: the selected blocks become headings, or paragraphs again when they are headings. */
export const toggleHeading: Command = (state, dispatch) =>
  isNodeActive(state, heading)
    ? setBlockType(paragraph)(state, dispatch)
    : chainCommands(setBlockType(heading, HEADING), liftIntoHeading)(state, dispatch)

/** The paragraph keyboard shortcut. */
export const setParagraph: Command = setBlockType(paragraph)

/** Backspace in an empty heading at the very start makes it a paragraph, where joining has nothing to join. */
export const clearHeadingAtStart: Command = (state, dispatch) => {
  const { $from, empty } = state.selection
  if (!empty || $from.pos !== 1 || $from.parent.type !== heading || $from.parent.content.size > 0)
    return false
  return setBlockType(paragraph)(state, dispatch)
}

/** A line break inside the block; bold typed before it goes on after it, as with TipTap. */
export const insertHardBreak: Command = (state, dispatch) => {
  if (dispatch) {
    const { storedMarks, selection } = state
    const marks = storedMarks ?? (selection.$to.parentOffset ? selection.$from.marks() : null)
    const tr = state.tr.replaceSelectionWith(hardBreak.create(), false)
    if (marks) tr.ensureMarks(marks)
    dispatch(tr.scrollIntoView())
  }
  return true
}

/** The closest list (of `type`, or of either kind) around a position. */
function listAround($pos: ResolvedPos, type?: NodeType): { node: PmNode; pos: number; depth: number } | null {
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth)
    if (type ? node.type === type : LISTS.includes(node.type)) return { node, pos: $pos.before(depth), depth }
  }
  return null
}

/** Lists of one kind (and, for ordered lists, one numbering style) that may become one. */
const sameKind = (a: PmNode, b: PmNode) =>
  a.type === b.type && (a.attrs.type ?? '1') === (b.attrs.type ?? '1')

/** Joins the list at the selection with lists of its kind just before and after it, so one list stays one. */
function joinNeighbours(tr: Transaction, type: NodeType): Transaction {
  const list = listAround(tr.selection.$from, type)
  if (!list) return tr
  const end = list.pos + list.node.nodeSize
  const next = tr.doc.resolve(end).nodeAfter
  if (next && sameKind(list.node, next) && canJoin(tr.doc, end)) tr.join(end)
  const previous = tr.doc.resolve(list.pos).nodeBefore
  if (previous && sameKind(list.node, previous) && canJoin(tr.doc, list.pos)) tr.join(list.pos)
  return tr
}

/**
 * A list button, as TipTap's: in a list of this kind, lifts the selected items out of it; in the other kind,
 * turns that list into this kind; elsewhere, wraps the selected blocks (headings become paragraphs first, since a
 * list item starts with one). A new or converted list joins its neighbours of the same kind.
 */
export function toggleList(type: NodeType): Command {
  return (state, dispatch) => {
    const { $from, $to } = state.selection
    const range = $from.blockRange($to)
    if (!range) return false
    const list = listAround($from)
    if (list && range.depth >= 1 && range.depth - list.depth <= 1) {
      if (list.node.type === type) return liftListItem(listItem)(state, dispatch)
      dispatch?.(joinNeighbours(state.tr.setNodeMarkup(list.pos, type), type).scrollIntoView())
      return true
    }
    const tr = state.tr
    if (!wrapRangeInList(null, range, type)) tr.setBlockType($from.pos, $to.pos, paragraph)
    const cleared = tr.selection.$from.blockRange(tr.selection.$to)
    if (!cleared || !wrapRangeInList(tr, cleared, type)) return false
    dispatch?.(joinNeighbours(tr, type).scrollIntoView())
    return true
  }
}

/** The toolbar, in order: each tool's key names its label (`notes.tools.*`), its command and when it is pressed. */
export const TOOLS = [
  { key: 'heading', command: toggleHeading, isActive: (state) => isNodeActive(state, heading) },
  { key: 'bold', command: toggleBold, isActive: (state) => isMarkActive(state, bold) },
  {
    key: 'bulletList',
    command: toggleList(bulletList),
    isActive: (state) => isNodeActive(state, bulletList),
  },
  {
    key: 'orderedList',
    command: toggleList(orderedList),
    isActive: (state) => isNodeActive(state, orderedList),
  },
] as const satisfies readonly { key: string; command: Command; isActive: (state: EditorState) => boolean }[]
