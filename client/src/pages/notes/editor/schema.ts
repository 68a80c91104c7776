import { type NodeSpec, Schema } from 'prosemirror-model'

/**
 * The discussion notes' schema. Node and mark names, attributes and their defaults are those TipTap 3 used, since
 * y-prosemirror stores them as they are in the `discussion` fragment: notes written before keep opening, and the
 * server's plain-text export (server/export/archive.ts) reads the same names. A name y-prosemirror cannot find in
 * the schema is deleted from the shared document, so none may change.
 */
const nodes = {
  doc: { content: 'block+' },
  // First of the blocks: the type Enter and a cleared block fall back to.
  paragraph: { group: 'block', content: 'inline*', parseDOM: [{ tag: 'p' }], toDOM: () => ['p', 0] },
  text: { group: 'inline' },
  hardBreak: {
    group: 'inline',
    inline: true,
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br'],
  },
  // Only level 4 is offered, under the page's own headings; `level` is kept as TipTap stored it.
  heading: {
    group: 'block',
    content: 'inline*',
    defining: true,
    attrs: { level: { default: 1 } },
    parseDOM: [{ tag: 'h4', attrs: { level: 4 } }],
    toDOM: () => ['h4', 0],
  },
  bulletList: {
    group: 'block list',
    content: 'listItem+',
    parseDOM: [{ tag: 'ul' }],
    toDOM: () => ['ul', 0],
  },
  orderedList: {
    group: 'block list',
    content: 'listItem+',
    // `type` is kept too: a list pasted as lettered or roman must not lose it on the next edit.
    attrs: { start: { default: 1 }, type: { default: null } },
    parseDOM: [
      {
        tag: 'ol',
        getAttrs: (dom) => ({
          start: dom.hasAttribute('start') ? Number.parseInt(dom.getAttribute('start') ?? '', 10) : 1,
          type: dom.getAttribute('type'),
        }),
      },
    ],
    toDOM: (node) => {
      const { start, type } = node.attrs as { start: number; type: string | null }
      return ['ol', { start: start === 1 ? null : start, type: type && type !== '1' ? type : null }, 0]
    },
  },
  listItem: {
    content: 'paragraph block*',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: () => ['li', 0],
  },
} satisfies Record<string, NodeSpec>

/** The schema of the discussion notes. */
export const notesSchema = new Schema({
  nodes,
  marks: {
    bold: {
      parseDOM: [
        { tag: 'strong' },
        // Google Docs wraps everything in <b style="font-weight: normal">.
        { tag: 'b', getAttrs: (dom) => dom.style.fontWeight !== 'normal' && null },
        { style: 'font-weight=400', clearMark: (mark) => mark.type.name === 'bold' },
        { style: 'font-weight', getAttrs: (value) => /^(bold(er)?|[5-9]\d{2,})$/.test(value) && null },
      ],
      toDOM: () => ['strong', 0],
    },
  },
})
