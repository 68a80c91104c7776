import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocTunnel } from '../../net/docTunnel.ts'
import { discussionText, type NotSaved } from '../../net/notesSync.ts'
import { request } from '../../net/request.ts'
import { useDocTunnel } from '../../net/tunnelContext.ts'
import { useGroupNotes } from '../../net/useGroupNotes.ts'
import { useNotesPresence } from '../../net/useNotesPresence.ts'
import { errorText } from '../../ui/errorText.ts'
import { keepFocusedInView } from '../../ui/keepInView.ts'
import { EditorBoundary } from './EditorBoundary.tsx'
import { HiddenPoints } from './HiddenPoints.tsx'
import { KeyPoints } from './KeyPoints.tsx'
import { NotSavedPanel } from './NotSavedPanel.tsx'
import { Presence } from './Presence.tsx'
import { SaveStatus, saveWord } from './SaveStatus.tsx'
import './notes.css'

// The rich-text editor is the heaviest part of the notes: it loads on its own, after the page shows.
const DiscussionEditor = lazy(() => import('./DiscussionEditor.tsx'))

/** How long after focus the on-screen keyboard has usually finished opening. */
const KEYBOARD_SETTLE_MS = 300

/**
 * One group's shared notes: key points and discussion notes, written together live, with a status that says
 * truthfully whether the server has stored everything typed here. `writable` false shows them read-only;
 * `moderation` adds the facilitator's hide, restore and remove-author controls.
 */
export function GroupNotes({
  docName,
  writable,
  moderation = false,
  tunnel: passedTunnel,
}: {
  docName: string
  writable: boolean
  moderation?: boolean
  tunnel?: DocTunnel | null
}) {
  const { t } = useTranslation()
  const tunnel = useDocTunnel(passedTunnel)
  const notes = useGroupNotes(tunnel, docName)
  const { state, doc, provider, points } = notes
  const { others, typed } = useNotesPresence(provider)
  const [announcement, setAnnouncement] = useState({ text: '', n: 0 })
  const [hiddenVersion, setHiddenVersion] = useState(0)
  const [moderationError, setModerationError] = useState<string | null>(null)
  const discussionId = useId()

  const announce = useCallback((text: string) => setAnnouncement((a) => ({ text, n: a.n + 1 })), [])
  const canWrite = writable && state.serverWritable !== false && !state.closed

  const notSaved = useMemo((): NotSaved[] => {
    const items = [...state.refused]
    if (doc && (!canWrite || state.refusal) && state.unsaved.length > 0) {
      for (const u of state.unsaved) {
        if (items.some((i) => i.target === u.target)) continue
        const text =
          u.target === 'discussion'
            ? discussionText(doc)
            : (points.find((p) => p.id === u.target)?.text ?? u.text)
        if (text) items.push({ target: u.target, text })
      }
    }
    return items
  }, [state, doc, canWrite, points])

  const word = saveWord(state, canWrite, notSaved.length)

  const moderate = async (event: 'notes:hide' | 'notes:removeAuthor', pointId: string) => {
    const socket = tunnel?.socket
    if (!socket) return
    const ref = { doc: docName, pointId }
    const result =
      event === 'notes:hide' ? await request(socket, event, ref) : await request(socket, event, ref)
    if (!result.ok) {
      setModerationError(errorText(t, result.error.code))
      return
    }
    setModerationError(null)
    if (event === 'notes:hide') {
      setHiddenVersion((v) => v + 1)
      announce(t('notes.moderation.hiddenDone'))
    } else announce(t('notes.moderation.authorRemoved'))
  }

  // The on-screen keyboard must not cover the field being typed in: scroll it into what stays visible.
  const root = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = root.current
    const view = window.visualViewport
    if (!el) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const onFocusIn = () => {
      clearTimeout(timer)
      timer = setTimeout(keepFocusedInView, KEYBOARD_SETTLE_MS)
    }
    const onResize = () => {
      if (el.contains(document.activeElement)) keepFocusedInView()
    }
    el.addEventListener('focusin', onFocusIn)
    view?.addEventListener('resize', onResize)
    return () => {
      clearTimeout(timer)
      el.removeEventListener('focusin', onFocusIn)
      view?.removeEventListener('resize', onResize)
    }
  }, [])

  const refusalReason = state.refusal ? t('notes.notSaved.full') : t('notes.notSaved.locked')

  return (
    <div className="group-notes" ref={root} data-doc={docName}>
      <div className="notes-bar">
        <SaveStatus word={word} announce={announce} />
        <Presence others={others} online={state.online} announce={announce} />
      </div>
      {state.closed ? <p className="alert alert-error">{t('notes.status.closed')}</p> : null}
      <NotSavedPanel
        items={notSaved}
        reason={refusalReason}
        onDismiss={state.refused.length > 0 ? () => notes.sync?.dismissRefused() : undefined}
      />
      {moderationError ? (
        <p className="alert alert-error" role="alert">
          {moderationError}
        </p>
      ) : null}
      {!state.loaded && points.length === 0 ? (
        <p className="muted" aria-busy="true">
          {t('notes.loading')}
        </p>
      ) : (
        <KeyPoints
          notes={notes}
          writable={canWrite}
          moderation={moderation}
          typed={typed}
          announce={announce}
          onHide={moderation ? (id) => void moderate('notes:hide', id) : undefined}
          onRemoveAuthor={moderation ? (id) => void moderate('notes:removeAuthor', id) : undefined}
        />
      )}
      <section className="discussion" aria-labelledby={discussionId}>
        <h3 id={discussionId}>{t('notes.discussion')}</h3>
        {doc && provider ? (
          <EditorBoundary
            fallback={
              <div className="alert alert-warning">
                <p>{t('notes.editorFailed')}</p>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => window.location.reload()}
                >
                  {t('notes.reload')}
                </button>
              </div>
            }
          >
            <Suspense
              fallback={
                <p className="muted" aria-busy="true">
                  {t('notes.editorLoading')}
                </p>
              }
            >
              <DiscussionEditor doc={doc} provider={provider} writable={canWrite} onTyped={typed} />
            </Suspense>
          </EditorBoundary>
        ) : null}
      </section>
      {moderation ? (
        <HiddenPoints
          socket={tunnel?.socket ?? null}
          docName={docName}
          version={hiddenVersion}
          announce={announce}
        />
      ) : null}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement.text}
        {announcement.n % 2 ? '\u200b' : ''}
      </p>
    </div>
  )
}
