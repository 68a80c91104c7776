import type { PendingJson } from './savedStatus.ts'

/** What a phone keeps of a document while the server has not stored all of it. */
export interface OfflineCopy {
  /** The whole document as this phone had it (Y.encodeStateAsUpdate), base64. */
  update: string
  /** Which local changes are still unconfirmed, so "Saved" can be checked after a reload. */
  pending: PendingJson
  savedAt: number
}

const PREFIX = 'convene:offline-doc:'

/** Copies older than this are dropped on load: the round they belonged to is long over. */
export const OFFLINE_COPY_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Keeps a document's unsaved state on this phone; returns false when storage refused (full, private mode). */
export function keepOffline(docName: string, update: Uint8Array, pending: PendingJson): boolean {
  try {
    const copy: OfflineCopy = { update: toBase64(update), pending, savedAt: Date.now() }
    window.localStorage.setItem(PREFIX + docName, JSON.stringify(copy))
    return true
  } catch {
    return false
  }
}

/** The copy kept for a document, or null. */
export function loadOffline(docName: string): { update: Uint8Array; pending: PendingJson } | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + docName)
    if (!raw) return null
    const copy = JSON.parse(raw) as OfflineCopy
    if (Date.now() - copy.savedAt > OFFLINE_COPY_MAX_AGE_MS) {
      forgetOffline(docName)
      return null
    }
    return { update: fromBase64(copy.update), pending: copy.pending }
  } catch {
    return null
  }
}

/** Drops the copy once the server has stored everything in it. */
export function forgetOffline(docName: string): void {
  try {
    window.localStorage.removeItem(PREFIX + docName)
  } catch {
    // Storage unavailable: nothing was kept.
  }
}
