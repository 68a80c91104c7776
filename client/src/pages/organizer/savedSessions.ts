import { storage } from '../../net/storage.ts'

/** A session this browser created or opened as an organizer, for the archive page. Never holds a token. */
export interface SavedSession {
  sessionId: string
  title: string
  role: 'facilitator' | 'organizer'
  openedAt: number
}

const KEY = 'convene:archive'

/** The sessions this browser remembers, most recently opened first. */
export function loadSavedSessions(): SavedSession[] {
  try {
    const list = JSON.parse(storage.get(KEY) ?? '[]') as unknown
    if (!Array.isArray(list)) return []
    return list
      .filter(
        (s): s is SavedSession =>
          typeof s?.sessionId === 'string' &&
          typeof s?.title === 'string' &&
          (s?.role === 'facilitator' || s?.role === 'organizer'),
      )
      .sort((a, b) => b.openedAt - a.openedAt)
  } catch {
    return []
  }
}

/** Remembers (or refreshes) a session. */
export function rememberSession(entry: Omit<SavedSession, 'openedAt'>): void {
  const others = loadSavedSessions().filter((s) => s.sessionId !== entry.sessionId)
  storage.set(KEY, JSON.stringify([{ ...entry, openedAt: Date.now() }, ...others].slice(0, 200)))
}

/** Forgets a session (its stored link token too). */
export function forgetSession(sessionId: string): void {
  storage.set(KEY, JSON.stringify(loadSavedSessions().filter((s) => s.sessionId !== sessionId)))
  storage.remove(`convene:role:${sessionId}`)
}
