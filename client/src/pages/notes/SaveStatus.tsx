import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { NotesSyncState } from '../../net/notesSync.ts'

/** What the status line says; "saved" only once the server confirmed storing everything written here. */
export type SaveWord =
  | 'connecting'
  | 'saved'
  | 'saving'
  | 'offline'
  | 'offlineNotKept'
  | 'notSaved'
  | 'readOnly'
  | 'closed'

/** Picks the one true sentence for the current state. */
export function saveWord(state: NotesSyncState, writable: boolean, notSavedCount: number): SaveWord {
  if (state.closed) return 'closed'
  if (notSavedCount > 0) return 'notSaved'
  if (!state.online) {
    if (!state.loaded && state.saved) return 'connecting'
    return state.saved || state.keptLocally ? 'offline' : 'offlineNotKept'
  }
  if (!writable) return 'readOnly'
  return state.saved ? 'saved' : 'saving'
}

/** The status line, with changes that matter (offline, back, not saved) announced politely. */
export function SaveStatus({ word, announce }: { word: SaveWord; announce: (message: string) => void }) {
  const { t } = useTranslation()
  const previous = useRef<SaveWord | null>(null)

  useEffect(() => {
    const before = previous.current
    previous.current = word
    if (before === null || before === word) return
    // Saving and Saved alternate with every keystroke: only what changes what a person should do is read out.
    if (word === 'offline' || word === 'offlineNotKept' || word === 'notSaved' || word === 'closed') {
      announce(t(`notes.status.${word}`))
    } else if (
      (before === 'offline' || before === 'offlineNotKept') &&
      (word === 'saved' || word === 'saving')
    ) {
      announce(t('notes.status.backOnline'))
    }
  }, [word, announce, t])

  return (
    <p className={`notes-status notes-status-${word}`} data-testid="notes-status" data-state={word}>
      <span className="notes-status-dot" aria-hidden="true" />
      {t(`notes.status.${word}`)}
    </p>
  )
}
