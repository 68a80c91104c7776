import { useCallback, useEffect, useRef, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'

/** Who someone is in awareness: the server writes this, whatever a client claims. */
export interface PresentUser {
  /** Stable within a session: the same person in two tabs shows once. */
  key: string
  name: string | null
  sector: string | null
  role: string
  color: string
  typing: boolean
}

/** How long after the last keystroke someone stops "typing". */
export const TYPING_IDLE_MS = 2_500

interface AwarenessUser {
  name?: unknown
  sector?: unknown
  role?: unknown
  color?: unknown
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null)

/**
 * The name in someone's awareness `user`, or null. An anonymous session's server writes no name, and y-prosemirror's
 * caret plugin then writes `User: <clientId>` into that very state, which every reader of awareness would show.
 */
export const awarenessName = (name: unknown, clientId: number): string | null =>
  name === `User: ${clientId}` ? null : str(name)

/** The others in the notes now and whether each is typing, and a way to say "I am typing". */
export function useNotesPresence(provider: WebsocketProvider | null) {
  const [others, setOthers] = useState<PresentUser[]>([])
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  useEffect(() => {
    if (!provider) return
    const awareness = provider.awareness
    let lastSignature: string | null = null
    const refresh = () => {
      const byKey = new Map<string, PresentUser>()
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue
        const user = (state as { user?: AwarenessUser }).user
        if (!user) continue
        const person: PresentUser = {
          key: '',
          name: awarenessName(user.name, clientId),
          sector: str(user.sector),
          role: str(user.role) ?? 'participant',
          color: str(user.color) ?? '#37474f',
          typing: (state as { typing?: unknown }).typing === true,
        }
        person.key = `${person.name}|${person.sector}|${person.role}|${person.color}`
        const seen = byKey.get(person.key)
        byKey.set(person.key, seen ? { ...seen, typing: seen.typing || person.typing } : person)
      }
      // Awareness changes with every caret move: re-render only when who is here or who is typing changed.
      const next = [...byKey.values()]
      const signature = next.map((p) => `${p.key}:${p.typing}`).join('\n')
      if (signature === lastSignature) return
      lastSignature = signature
      setOthers(next)
    }
    awareness.on('change', refresh)
    refresh()
    return () => {
      awareness.off('change', refresh)
      clearTimeout(idleTimer.current)
      if (awareness.getLocalState()?.typing) awareness.setLocalStateField('typing', false)
    }
  }, [provider])

  /** Marks this phone as typing for a moment. */
  const typed = useCallback(() => {
    if (!provider) return
    const awareness = provider.awareness
    if (awareness.getLocalState()?.typing !== true) awareness.setLocalStateField('typing', true)
    clearTimeout(idleTimer.current)
    idleTimer.current = setTimeout(() => awareness.setLocalStateField('typing', false), TYPING_IDLE_MS)
  }, [provider])

  return { others, typed }
}
