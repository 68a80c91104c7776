/**
 * localStorage that never throws: private browsing, full quotas and disabled storage must not break a page.
 * Keys are namespaced `convene:`.
 */
export const storage = {
  get(key: string): string | null {
    try {
      return window.localStorage.getItem(key)
    } catch {
      return null
    }
  },
  set(key: string, value: string): void {
    try {
      window.localStorage.setItem(key, value)
    } catch {
      // Storage is optional: the page keeps working for this visit.
    }
  },
  remove(key: string): void {
    try {
      window.localStorage.removeItem(key)
    } catch {
      // See set().
    }
  },
}

/** What a phone remembers about the session it joined, so a reload brings back the same participant. */
export interface ParticipantSeat {
  participantId: string
  token: string
  language?: string
}

const participantKey = (sessionId: string) => `convene:participant:${sessionId}`
const roleKey = (sessionId: string) => `convene:role:${sessionId}`

/** The stored participant seat of a session, if this browser joined it. */
export function loadSeat(sessionId: string): ParticipantSeat | null {
  const raw = storage.get(participantKey(sessionId))
  if (!raw) return null
  try {
    const seat = JSON.parse(raw) as Partial<ParticipantSeat>
    if (typeof seat.token !== 'string' || typeof seat.participantId !== 'string') return null
    return { participantId: seat.participantId, token: seat.token, language: seat.language }
  } catch {
    return null
  }
}

/** Remembers (or updates) this browser's participant seat in a session. */
export function saveSeat(sessionId: string, seat: ParticipantSeat): void {
  storage.set(participantKey(sessionId), JSON.stringify(seat))
}

/** Forgets a seat, e.g. after the facilitator removed this participant. */
export function forgetSeat(sessionId: string): void {
  storage.remove(participantKey(sessionId))
}

/**
 * The facilitator, co-facilitator or projector token for a session: taken from the URL fragment when present
 * (and then stored, and removed from the address bar), otherwise from storage so a reload works.
 */
export function takeRoleToken(sessionId: string): string | null {
  const fromHash = decodeURIComponent(window.location.hash.replace(/^#/, '')).trim()
  if (fromHash) {
    storage.set(roleKey(sessionId), fromHash)
    return fromHash
  }
  return storage.get(roleKey(sessionId))
}

/** Stores a role token that arrived some other way, e.g. from creating the session. */
export function saveRoleToken(sessionId: string, token: string): void {
  storage.set(roleKey(sessionId), token)
}

const projectorKey = (sessionId: string) => `convene:projector:${sessionId}`

/** The projector link made with the session, so "Open projector view" needs no round trip. */
export function saveProjectorUrl(sessionId: string, url: string): void {
  storage.set(projectorKey(sessionId), url)
}

/** The stored projector link of a session, if this browser created it. */
export function loadProjectorUrl(sessionId: string): string | null {
  return storage.get(projectorKey(sessionId))
}
