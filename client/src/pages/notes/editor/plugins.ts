import {
  baseKeymap,
  chainCommands,
  createParagraphNear,
  liftEmptyBlock,
  splitBlockKeepMarks,
} from 'prosemirror-commands'
import {
  InputRule,
  inputRules,
  textblockTypeInputRule,
  undoInputRule,
  wrappingInputRule,
} from 'prosemirror-inputrules'
import { keymap } from 'prosemirror-keymap'
import { liftListItem, sinkListItem, splitListItemKeepMarks } from 'prosemirror-schema-list'
import type { Plugin } from 'prosemirror-state'
import { redoCommand, undoCommand, yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import {
  clearHeadingAtStart,
  insertHardBreak,
  setParagraph,
  toggleBold,
  toggleHeading,
  toggleList,
} from './commands.ts'
import { notesSchema } from './schema.ts'

const { heading, bulletList, orderedList, listItem } = notesSchema.nodes
const { bold } = notesSchema.marks

/** `**word**` or `__word__` as it is typed: the word in bold, without the markers, and bold off after it. */
const boldRule = (pattern: RegExp) =>
  new InputRule(pattern, (state, match, start, end) => {
    const [whole, marked = '', text = ''] = match
    const from = start + whole.length - marked.length
    // The closing marker's first character is in the document already; its second is the one being typed.
    return state.tr
      .delete(from + 2 + text.length, end)
      .delete(from, from + 2)
      .addMark(from, from + text.length, bold.create())
      .removeStoredMark(bold)
  })

/** Markdown as it is typed, as with TipTap: "- " or "* " starts a list, "1. " a numbered one, "#### " a heading. */
const markdownRules = inputRules({
  rules: [
    wrappingInputRule(/^\s*([-+*])\s$/, bulletList),
    wrappingInputRule(
      /^(\d+)\.\s$/,
      orderedList,
      (match) => ({ start: Number(match[1]) }),
      // Typing "3. " under a list of two continues it; any other number starts a new list.
      (match, list) => list.childCount + (list.attrs.start as number) === Number(match[1]),
    ),
    textblockTypeInputRule(/^####\s$/, heading, { level: 4 }),
    boldRule(/(?:^|\s)(\*\*(?!\s+\*\*)([^*]+)\*\*(?!\s+\*\*))$/),
    boldRule(/(?:^|\s)(__(?!\s+__)([^_]+)__(?!\s+__))$/),
  ],
})

/** The notes' own keys, tried before ProseMirror's base keymap. */
const notesKeymap = keymap({
  // Yjs's undo, scoped to this person's edits: undoing must never take back what the others typed.
  'Mod-z': undoCommand,
  'Mod-y': redoCommand,
  'Mod-Shift-z': redoCommand,
  // The rest as TipTap bound them; with caps lock on, the key is "B".
  'Mod-b': toggleBold,
  'Mod-B': toggleBold,
  'Mod-Alt-0': setParagraph,
  'Mod-Alt-4': toggleHeading,
  'Mod-Shift-7': toggleList(orderedList),
  'Mod-Shift-8': toggleList(bulletList),
  // A new list item or paragraph keeps bold on, as TipTap did; Enter in an empty item leaves the list.
  Enter: chainCommands(
    splitListItemKeepMarks(listItem),
    createParagraphNear,
    liftEmptyBlock,
    splitBlockKeepMarks,
  ),
  'Shift-Enter': insertHardBreak,
  'Mod-Enter': insertHardBreak,
  // Where an item cannot go deeper, or outside a list, Tab is not taken: the focus moves on, so no keyboard trap.
  Tab: sinkListItem(listItem),
  'Shift-Tab': liftListItem(listItem),
  Backspace: chainCommands(undoInputRule, clearHeadingAtStart),
})

/** Who a caret belongs to, as the server wrote it into awareness. */
export interface CaretUser {
  name?: string | null
  sector?: string | null
  role?: string
  color?: string
}

/**
 * Everything the editor does beyond showing the schema: the binding to the shared fragment, the others' carets
 * (drawn by `cursorBuilder` from the awareness `user` the server wrote), undo, input rules and keys.
 */
export function notesPlugins(
  fragment: Y.XmlFragment,
  awareness: Awareness,
  cursorBuilder: (user: CaretUser, clientId: number) => HTMLElement,
): Plugin[] {
  return [
    ySyncPlugin(fragment),
    yCursorPlugin(awareness, { cursorBuilder }),
    yUndoPlugin(),
    markdownRules,
    notesKeymap,
    keymap(baseKeymap),
  ]
}
