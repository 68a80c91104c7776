import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { type AwarenessChange, encodeAwarenessMessage } from '../../../shared/docMessages.ts'
import { type DocTunnel, TUNNEL_URL } from './docTunnel.ts'

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
  provider._awarenessUpdateHandler = ({ added, updated, removed }: AwarenessChange) => {
    const own = awareness.clientID
    if (!added.includes(own) && !updated.includes(own) && !removed.includes(own)) return
    const ws = provider.ws
    if (!provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return
    ws.send(encodeAwarenessMessage(awareness, [own]))
  }
  awareness.on('update', provider._awarenessUpdateHandler)
  return provider
}
