import { EditorState, type Transaction } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ySyncPluginKey } from 'y-prosemirror'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { discussionFragment } from '../../../../shared/notes.ts'
import { awarenessName } from '../../net/useNotesPresence.ts'
import { TOOLS } from './editor/commands.ts'
import { type CaretUser, notesPlugins } from './editor/plugins.ts'
import { notesSchema } from './editor/schema.ts'
import { personName } from './Presence.tsx'

/** The keys of the tools that show pressed, as one string so that React skips the render when none changed. */
const pressedTools = (state: EditorState) =>
  TOOLS.filter((tool) => tool.isActive(state))
    .map((tool) => tool.key)
    .join(' ')

/** The content element's props: ProseMirror owns that element, so its attributes are props, not JSX. */
const contentProps = (editable: boolean, label: string, describedBy: string) => ({
  editable: () => editable,
  attributes: {
    class: 'discussion-content',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    'aria-describedby': describedBy,
    'aria-readonly': String(!editable),
  },
})

/**
 * The free-form discussion notes: ProseMirror bound to the document's `discussion` fragment by y-prosemirror, with
 * the others' carets labelled by name or sector. Loaded on its own, after the page shows, so the join page stays
 * light.
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
  const [view, setView] = useState<EditorView | null>(null)
  const [pressed, setPressed] = useState('')

  useEffect(() => {
    const element = host.current
    if (!element) return
    const renderCaret = (user: CaretUser, clientId: number) => {
      const caret = document.createElement('span')
      caret.className = 'collab-caret'
      caret.style.borderColor = user.color ?? '#37474f'
      const label = document.createElement('span')
      label.className = 'collab-caret-label'
      label.style.backgroundColor = user.color ?? '#37474f'
      label.textContent = personName(tRef.current, {
        name: awarenessName(user.name, clientId),
        sector: user.sector ?? null,
        role: user.role ?? 'participant',
      })
      caret.append(label)
      return caret
    }
    const instance = new EditorView(element, {
      state: EditorState.create({
        schema: notesSchema,
        plugins: notesPlugins(discussionFragment(doc), provider.awareness, renderCaret),
      }),
      ...contentProps(writableRef.current, tRef.current('notes.discussionLabel'), `${toolbarId}-hint`),
      // `this`, not `instance`: y-prosemirror dispatches its first render while the view is being constructed.
      dispatchTransaction(this: EditorView, tr: Transaction) {
        // y-prosemirror flushes caret updates on a timer, which may fire once the view is gone: drop them.
        if (this.isDestroyed) return
        this.updateState(this.state.apply(tr))
        // Only this person's typing says "typing": the others' changes arrive as y-sync transactions.
        if (tr.docChanged && !tr.getMeta(ySyncPluginKey)) typedRef.current()
        setPressed(pressedTools(this.state))
      },
    })
    setView(instance)
    return () => {
      setView(null)
      // This also takes the editor's element out of the host, so StrictMode's second mount shows one editor.
      instance.destroy()
    }
  }, [doc, provider, toolbarId])

  // Live: the notes lock while open (the round ends, the server refuses), and the label follows the language. When
  // the document changes in the same render, `view` is the one the effect above has just destroyed: skip it, the
  // new view comes with the next render.
  useEffect(() => {
    if (view && !view.isDestroyed)
      view.setProps(contentProps(writable, t('notes.discussionLabel'), `${toolbarId}-hint`))
  }, [view, writable, t, toolbarId])

  return (
    <div className={`discussion-editor${writable ? '' : ' discussion-readonly'}`}>
      {writable ? (
        <div className="editor-toolbar" role="toolbar" aria-label={t('notes.toolbar')} id={toolbarId}>
          {TOOLS.map((tool) => (
            <button
              key={tool.key}
              type="button"
              className={`tool tool-${tool.key}`}
              aria-pressed={pressed.split(' ').includes(tool.key)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                if (!view) return
                view.focus()
                tool.command(view.state, view.dispatch, view)
              }}
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
