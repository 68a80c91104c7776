import { useState } from 'react'
import { takeRoleToken } from '../net/storage.ts'

/**
 * The role token of a facilitator or projector page. It arrives in the URL fragment; once stored, the fragment is
 * taken out of the address bar so a shared screen or a screenshot does not show the secret.
 */
export function useRoleToken(sessionId: string): string | null {
  const [token] = useState(() => {
    const found = takeRoleToken(sessionId)
    if (window.location.hash) {
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search)
    }
    return found
  })
  return token
}
