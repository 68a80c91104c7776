import type { Node as PmNode } from 'prosemirror-model'
import { type Command, EditorState, TextSelection, type Transaction } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { describe, expect, it } from 'vitest'
import { prosemirrorToYXmlFragment, yXmlFragmentToProsemirror } from 'y-prosemirror'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  clearHeadingAtStart,
  insertHardBreak,
  isMarkActive,
  isNodeActive,
  TOOLS,
  toggleBold,
  toggleHeading,
  toggleList,
} from '../../client/src/pages/notes/editor/commands.ts'
import { notesPlugins } from '../../client/src/pages/notes/editor/plugins.ts'
import { notesSchema } from '../../client/src/pages/notes/editor/schema.ts'
import { discussionText } from '../../server/export/archive.ts'
import { discussionFragment } from '../../shared/notes.ts'

const { nodes } = notesSchema
const bold = notesSchema.marks.bold.create()
const text = (value: string, ...marks: (typeof bold)[]) => notesSchema.text(value, marks)
const p = (...content: (string | PmNode)[]) =>
  nodes.paragraph.create(
    null,
    content.map((c) => (typeof c === 'string' ? text(c) : c)),
  )
const h4 = (value = '') => nodes.heading.create({ level: 4 }, value ? text(value) : null)
const li = (...blocks: PmNode[]) => nodes.listItem.create(null, blocks)
const ul = (...items: PmNode[]) => nodes.bulletList.create(null, items)
const ol = (...items: PmNode[]) => nodes.orderedList.create(null, items)
const doc = (...blocks: PmNode[]) => nodes.doc.create(null, blocks)

/** A state with the caret after the first `find` in the document, or with `find` selected. */
function stateAt(content: PmNode, find: string, select = false): EditorState {
  let from = -1
  content.descendants((node, pos) => {
    if (from < 0 && node.isTextblock && node.textContent.includes(find))
      from = pos + 1 + node.textContent.indexOf(find)
    return from < 0
  })
  if (from < 0) throw new Error(`"${find}" is not in the document`)
  const selection = select
    ? TextSelection.create(content, from, from + find.length)
    : TextSelection.create(content, from + find.length)
  return EditorState.create({ doc: content, selection })
}

/** Runs a command that must apply, and returns the state after it. */
function run(state: EditorState, command: Command): EditorState {
  let next = state
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true)
  return next
}

/** The toolbar buttons that show pressed. */
const pressed = (state: EditorState) => TOOLS.filter((tool) => tool.isActive(state)).map((tool) => tool.key)

describe('the discussion toolbar', () => {
  it('a list button wraps the paragraph, the other kind converts the list, the same kind lifts it out', () => {
    const start = stateAt(doc(p('Late buses'), p('Weekends')), 'Late')
    const bulleted = run(start, toggleList(nodes.bulletList))
    expect(bulleted.doc.eq(doc(ul(li(p('Late buses'))), p('Weekends')))).toBe(true)
    expect(pressed(bulleted)).toEqual(['bulletList'])
    const numbered = run(bulleted, toggleList(nodes.orderedList))
    expect(numbered.doc.eq(doc(ol(li(p('Late buses'))), p('Weekends')))).toBe(true)
    expect(pressed(numbered)).toEqual(['orderedList'])
    const lifted = run(numbered, toggleList(nodes.orderedList))
    expect(lifted.doc.eq(start.doc)).toBe(true)
    expect(pressed(lifted)).toEqual([])
  })

  it('a new list joins the list of its kind just before it, and not a list of the other kind', () => {
    const under = (list: PmNode) => stateAt(doc(list, p('Weekends')), 'Weekends')
    const joined = run(under(ul(li(p('Late buses')))), toggleList(nodes.bulletList))
    expect(joined.doc.eq(doc(ul(li(p('Late buses')), li(p('Weekends')))))).toBe(true)
    const apart = run(under(ol(li(p('Late buses')))), toggleList(nodes.bulletList))
    expect(apart.doc.eq(doc(ol(li(p('Late buses'))), ul(li(p('Weekends')))))).toBe(true)
  })

  it('a heading in a list becomes a paragraph, and a list item made a heading leaves its list', () => {
    const listed = run(stateAt(doc(h4('Transport')), 'Transport'), toggleList(nodes.bulletList))
    expect(listed.doc.eq(doc(ul(li(p('Transport')))))).toBe(true)
    const heading = run(listed, toggleHeading)
    expect(heading.doc.eq(doc(h4('Transport')))).toBe(true)
    expect(heading.doc.firstChild?.attrs.level).toBe(4)
    expect(pressed(heading)).toEqual(['heading'])
    expect(run(heading, toggleHeading).doc.eq(doc(p('Transport')))).toBe(true)
  })

  it('bold shows pressed only when all the selected text is bold, and partly bold text turns all bold', () => {
    const partly = stateAt(doc(p(text('Late', bold), ' buses')), 'Late buses', true)
    expect(isMarkActive(partly, notesSchema.marks.bold)).toBe(false)
    const all = run(partly, toggleBold)
    expect(all.doc.eq(doc(p(text('Late buses', bold))))).toBe(true)
    expect(pressed(all)).toEqual(['bold'])
    expect(run(all, toggleBold).doc.eq(doc(p('Late buses')))).toBe(true)
    // With a caret, bold is for what is typed next.
    const caret = run(stateAt(doc(p('Late')), 'Late'), toggleBold)
    expect(pressed(caret)).toEqual(['bold'])
  })

  it('a list shows pressed for a selection wholly inside it, not for one running out of it', () => {
    const content = doc(ul(li(p('Late buses'))), p('Weekends'))
    const inside = stateAt(content, 'Late buses', true)
    expect(isNodeActive(inside, nodes.bulletList)).toBe(true)
    const across = inside.apply(
      inside.tr.setSelection(TextSelection.create(content, 3, content.content.size - 1)),
    )
    expect(isNodeActive(across, nodes.bulletList)).toBe(false)
  })
})

describe('the discussion keys', () => {
  it('Shift-Enter breaks the line and bold goes on after it', () => {
    const broken = run(stateAt(doc(p(text('Ask', bold))), 'Ask'), insertHardBreak)
    expect(broken.doc.eq(doc(p(text('Ask', bold), nodes.hardBreak.create())))).toBe(true)
    expect(pressed(broken)).toEqual(['bold'])
  })

  it('Backspace in an empty heading at the start makes it a paragraph, and does nothing elsewhere', () => {
    const empty = EditorState.create({ doc: doc(h4(), p('Weekends')) })
    expect(run(empty, clearHeadingAtStart).doc.eq(doc(p(), p('Weekends')))).toBe(true)
    expect(clearHeadingAtStart(stateAt(doc(h4('Transport')), 'Transport'))).toBe(false)
  })
})

/** Types into a state as the view would, letting the editor's input rules see each character first. */
function typeInto(state: EditorState, typed: string): EditorState {
  const rules = state.plugins.find((plugin) => plugin.props.handleTextInput)
  if (!rules) throw new Error('no input rules')
  let current = state
  // The input-rules plugin only reads the view's state and dispatches to it.
  const view = {
    get state() {
      return current
    },
    composing: false,
    dispatch: (tr: Transaction) => {
      current = current.apply(tr)
    },
  } as unknown as EditorView
  for (const char of typed) {
    const { from, to } = current.selection
    const insert = () => current.tr.insertText(char, from, to)
    if (!rules.props.handleTextInput?.call(rules, view, from, to, char, insert)) view.dispatch(insert())
  }
  return current
}

describe('markdown as it is typed', () => {
  const fresh = () => {
    const ydoc = new Y.Doc()
    const plugins = notesPlugins(discussionFragment(ydoc), new Awareness(ydoc), () => {
      throw new Error('no carets without a view')
    })
    return EditorState.create({ schema: notesSchema, plugins })
  }

  it('"- " starts a list, "3. " a numbered one from 3, "#### " a heading, **word** bold', () => {
    expect(typeInto(fresh(), '- Late buses').doc.eq(doc(ul(li(p('Late buses')))))).toBe(true)
    const numbered = typeInto(fresh(), '3. Ask')
    expect(numbered.doc.firstChild?.type).toBe(nodes.orderedList)
    expect(numbered.doc.firstChild?.attrs.start).toBe(3)
    expect(typeInto(fresh(), '#### Transport').doc.eq(doc(h4('Transport')))).toBe(true)
    const bolded = typeInto(fresh(), 'Ask **now** please')
    expect(bolded.doc.eq(doc(p('Ask ', text('now', bold), ' please')))).toBe(true)
    expect(typeInto(fresh(), '__now__').doc.eq(doc(p(text('now', bold))))).toBe(true)
  })
})

/**
 * Notes as TipTap 3's y-tiptap binding wrote them into a document's `discussion` fragment (encoded with
 * Y.encodeStateAsUpdate): a level-4 heading, bold, a hard break, a nested bulleted list, a numbered list from 3, a
 * lettered list and an empty paragraph.
 */
const TIPTAP_NOTES =
  'ASUBAAcBCmRpc2N1c3Npb24DB2hlYWRpbmcHAAEABgQAAQEJVHJhbnNwb3J0KAABAAVsZXZlbAF9BIcBAAMJcGFyYWdyYXBoBwABDAYGAAENBGJvbGQCe32EAQ4KTGF0ZSBidXNlc4YBGARib2xkBG51bGyEARkNIHN0b3AgYXQgbmluZYcBDQMJaGFyZEJyZWFrhwEnBgQAASgLb24gd2Vla2RheXOHAQwDCmJ1bGxldExpc3QHAAE0AwhsaXN0SXRlbQcAATUDCXBhcmFncmFwaAcAATYGBAABNwtTaGFyZSByaWRlc4cBNgMKYnVsbGV0TGlzdAcAAUMDCGxpc3RJdGVtBwABRAMJcGFyYWdyYXBoBwABRQYEAAFGEGZyb20gdGhlIGxpYnJhcnmHATQDC29yZGVyZWRMaXN0BwABVwMIbGlzdEl0ZW0HAAFYAwlwYXJhZ3JhcGgHAAFZBgQAAVoPQXNrIHRoZSBjb3VuY2lsKAABVwVzdGFydAF9A4cBVwMLb3JkZXJlZExpc3QHAAFrAwhsaXN0SXRlbQcAAWwDCXBhcmFncmFwaAcAAW0GBAABbghMZXR0ZXJlZCgAAWsFc3RhcnQBfQEoAAFrBHR5cGUBdwFhhwFrAwlwYXJhZ3JhcGgA'

describe('notes written with TipTap', () => {
  it('open with every node, mark and attribute, and write back the same', () => {
    const written = new Y.Doc()
    Y.applyUpdate(written, Buffer.from(TIPTAP_NOTES, 'base64'))
    const before = discussionFragment(written).toString()
    const opened = yXmlFragmentToProsemirror(notesSchema, discussionFragment(written))
    const numbered = nodes.orderedList.create({ start: 3 }, li(p('Ask the council')))
    const lettered = nodes.orderedList.create({ type: 'a' }, li(p('Lettered')))
    const expected = doc(
      h4('Transport'),
      p(text('Late buses', bold), ' stop at nine', nodes.hardBreak.create(), 'on weekdays'),
      ul(li(p('Share rides'), ul(li(p('from the library'))))),
      numbered,
      lettered,
      p(),
    )
    expect(opened.toJSON()).toEqual(expected.toJSON())
    // Opening deleted nothing it did not know, and writing it out again gives what TipTap wrote.
    expect(discussionFragment(written).toString()).toBe(before)
    const rewritten = new Y.Doc()
    prosemirrorToYXmlFragment(opened, discussionFragment(rewritten))
    expect(discussionFragment(rewritten).toString()).toBe(before)
    // The server's plain-text export reads the same names.
    expect(discussionText(rewritten)).toBe(discussionText(written))
    expect(discussionText(written)).toContain('Late buses stop at nine on weekdays')
  })
})
