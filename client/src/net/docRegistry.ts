import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { DocTunnel } from './docTunnel.ts'
import { tunnelProvider } from './tunnelProvider.ts'

/** How long an unused document stays open, so StrictMode's mount-unmount-mount does not reopen it. */
export const DOC_RELEASE_DELAY_MS = 1_000

/** A shared document and the provider that keeps it in sync through the page's tunnel. */
export interface DocHandle {
  doc: Y.Doc
  provider: WebsocketProvider
}

interface Entry extends DocHandle {
  refs: number
  releaseTimer: ReturnType<typeof setTimeout> | undefined
}

const registries = new WeakMap<DocTunnel, Map<string, Entry>>()

/**
 * Opens (or shares) the document `name` over `tunnel`. Lives outside React so that two components using the same
 * document share one Y.Doc and one provider; call the returned release when done.
 */
export function acquireDoc(tunnel: DocTunnel, name: string): { handle: DocHandle; release: () => void } {
  let docs = registries.get(tunnel)
  if (!docs) {
    docs = new Map()
    registries.set(tunnel, docs)
  }
  let entry = docs.get(name)
  if (!entry) {
    const doc = new Y.Doc()
    const provider = tunnelProvider(tunnel, name, doc)
    entry = { doc, provider, refs: 0, releaseTimer: undefined }
    docs.set(name, entry)
  }
  clearTimeout(entry.releaseTimer)
  entry.refs++
  const held = entry
  const registry = docs
  let released = false
  const release = () => {
    if (released) return
    released = true
    held.refs--
    if (held.refs > 0) return
    held.releaseTimer = setTimeout(() => {
      if (held.refs > 0) return
      registry.delete(name)
      held.provider.destroy()
      held.doc.destroy()
    }, DOC_RELEASE_DELAY_MS)
  }
  return { handle: { doc: held.doc, provider: held.provider }, release }
}
