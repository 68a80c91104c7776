import type { SessionPreview } from '../../../shared/session.ts'

/** How long a fetched preview may stand in for a fresh one. */
const PREVIEW_FRESH_MS = 60_000

const previews = new Map<string, { preview: SessionPreview; at: number }>()

/** Keeps a preview the home page fetched, so the join page renders at once instead of asking again. */
export function rememberPreview(code: string, preview: SessionPreview): void {
  previews.set(code, { preview, at: Date.now() })
}

/** A recently fetched preview of this code, if any. */
export function recentPreview(code: string): SessionPreview | null {
  const entry = previews.get(code)
  return entry && Date.now() - entry.at < PREVIEW_FRESH_MS ? entry.preview : null
}
