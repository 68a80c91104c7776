import * as encoding from 'lib0/encoding'
import { encodeAwarenessUpdate } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { type DocTunnel, TUNNEL_URL } from './docTunnel.ts'

/** y-websocket's message type for awareness. */
const MESSAGE_AWARENESS = 1

interface AwarenessChanges {
  added: number[]
  updated: number[]
  removed: number[]
}

/**
 * A y-websocket provider for one document, over the page's tunnel.
 *
 * y-websocket sends the server every awareness change it sees, other people's included. In a group of seven, each
 * caret move of one person came back to the server from the six others, and the server read each copy only to drop
 * it: it takes from a connection that connection's own state and nothing else. So this provider sends its own state
 * only, as y-websocket does when it connects.
 */
export function tunnelProvider(tunnel: DocTunnel, name: string, doc: Y.Doc): WebsocketProvider {
  const provider = new WebsocketProvider(TUNNEL_URL, name, doc, {
    WebSocketPolyfill: tunnel.WebSocket as unknown as typeof WebSocket,
    disableBc: true,
  })
  const { awareness } = provider
  awareness.off('update', provider._awarenessUpdateHandler)
  // Replaced, not only added: the provider's destroy() unsubscribes whatever this property holds.
  provider._awarenessUpdateHandler = ({ added, updated, removed }: AwarenessChanges) => {
    const own = awareness.clientID
    if (!added.includes(own) && !updated.includes(own) && !removed.includes(own)) return
    const ws = provider.ws
    if (!provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [own]))
    ws.send(encoding.toUint8Array(encoder))
  }
  awareness.on('update', provider._awarenessUpdateHandler)
  return provider
}
