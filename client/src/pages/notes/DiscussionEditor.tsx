import { Editor } from '@tiptap/core'
import Bold from '@tiptap/extension-bold'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import Document from '@tiptap/extension-document'
import HardBreak from '@tiptap/extension-hard-break'
import Heading from '@tiptap/extension-heading'
import { BulletList } from '@tiptap/extension-list/bullet-list'
import { ListItem } from '@tiptap/extension-list/item'
import { OrderedList } from '@tiptap/extension-list/ordered-list'
import Paragraph from '@tiptap/extension-paragraph'
import Text from '@tiptap/extension-text'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { discussionFragment } from '../../../../shared/notes.ts'
import { personName } from './Presence.tsx'

/** Who a caret belongs to, as the server wrote it into awareness. */
interface CaretUser {
  name?: string | null
  sector?: string | null
  role?: string
  color?: string
}

/**
 * The free-form discussion notes: TipTap 3 bound to the document's `discussion` fragment, with the others' carets
 * labelled by name or sector. Loaded on its own, after the page shows, so the join page stays light.
 */
export default function DiscussionEditor({
  doc,
  provider,
  writable,
  onTyped,
}: {
  doc: Y.Doc
  provider: WebsocketProvider
  writable: boolean
  onTyped: () => void
}) {
  const { t } = useTranslation()
  const toolbarId = useId()
  const tRef = useRef(t)
  tRef.current = t
  const typedRef = useRef(onTyped)
  typedRef.current = onTyped
  const writableRef = useRef(writable)
  writableRef.current = writable

  const host = useRef<HTMLDivElement>(null)
  const [editor, setEditor] = useState<Editor | null>(null)
  const [active, setActive] = useState({ heading: false, bold: false, bullet: false, ordered: false })

  // TipTap's own Editor, mounted into a div: the React wrapper would add weight and nothing needed here.
  useEffect(() => {
    const element = host.current
    if (!element) return
    const instance = new Editor({
      element,
      extensions: [
        // No TipTap history: Collaboration brings Yjs's undo, scoped to this person's edits, not the others'.
        Document,
        Paragraph,
        Text,
        HardBreak,
        Bold,
        Heading.configure({ levels: [4] }),
        BulletList,
        OrderedList,
        ListItem,
        Collaboration.configure({ fragment: discussionFragment(doc) }),
        CollaborationCaret.configure({
          provider,
          // The server replaces `user` with who this connection is; nothing here is trusted.
          user: {},
          render: (user: CaretUser) => {
            const caret = document.createElement('span')
            caret.className = 'collab-caret'
            caret.style.borderColor = user.color ?? '#37474f'
            const label = document.createElement('span')
            label.className = 'collab-caret-label'
            label.style.backgroundColor = user.color ?? '#37474f'
            label.textContent = personName(tRef.current, {
              name: user.name ?? null,
              sector: user.sector ?? null,
              role: user.role ?? 'participant',
            })
            caret.append(label)
            return caret
          },
        }),
      ],
      editable: writableRef.current,
      editorProps: {
        attributes: {
          class: 'discussion-content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': tRef.current('notes.discussionLabel'),
          'aria-describedby': `${toolbarId}-hint`,
        },
      },
      onUpdate: ({ transaction }) => {
        if (!transaction.getMeta('y-sync$')) typedRef.current()
      },
      onTransaction: ({ editor: e }) =>
        setActive({
          heading: e.isActive('heading'),
          bold: e.isActive('bold'),
          bullet: e.isActive('bulletList'),
          ordered: e.isActive('orderedList'),
        }),
    })
    setEditor(instance)
    return () => {
      setEditor(null)
      instance.destroy()
      // Destroying leaves the editor's DOM behind; StrictMode's second mount would then show two editors.
      element.replaceChildren()
    }
  }, [doc, provider, toolbarId])

  useEffect(() => {
    editor?.setEditable(writable)
    editor?.view.dom.setAttribute('aria-readonly', String(!writable))
  }, [editor, writable])

  const tools = [
    {
      key: 'heading',
      pressed: active.heading,
      run: () => editor?.chain().focus().toggleHeading({ level: 4 }).run(),
    },
    { key: 'bold', pressed: active.bold, run: () => editor?.chain().focus().toggleBold().run() },
    {
      key: 'bulletList',
      pressed: active.bullet,
      run: () => editor?.chain().focus().toggleBulletList().run(),
    },
    {
      key: 'orderedList',
      pressed: active.ordered,
      run: () => editor?.chain().focus().toggleOrderedList().run(),
    },
  ] as const

  return (
    <div className={`discussion-editor${writable ? '' : ' discussion-readonly'}`}>
      {writable ? (
        <div className="editor-toolbar" role="toolbar" aria-label={t('notes.toolbar')} id={toolbarId}>
          {tools.map((tool) => (
            <button
              key={tool.key}
              type="button"
              className={`tool tool-${tool.key}`}
              aria-pressed={tool.pressed}
              onMouseDown={(e) => e.preventDefault()}
              onClick={tool.run}
            >
              {t(`notes.tools.${tool.key}`)}
            </button>
          ))}
        </div>
      ) : null}
      <p id={`${toolbarId}-hint`} className="visually-hidden">
        {writable ? t('notes.discussionHint') : t('notes.discussionReadOnly')}
      </p>
      <div ref={host} className="discussion-host" />
    </div>
  )
}
