import { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { type AwarenessChange, encodeAwarenessMessage } from '../../../shared/docMessages.ts'
import { type DocTunnel, TUNNEL_URL } from './docTunnel.ts'

/**
 * A y-websocket provider for one document, over the page's tunnel. Two of y-websocket's habits cost a phone work for
 * nothing: sending other people's awareness back, and encoding every change it receives. This provider drops both;
 * the phone's own changes and state go out as y-websocket sends them.
 */
export function tunnelProvider(tunnel: DocTunnel, name: string, doc: Y.Doc): WebsocketProvider {
  const provider = new WebsocketProvider(TUNNEL_URL, name, doc, {
    WebSocketPolyfill: tunnel.WebSocket as unknown as typeof WebSocket,
    disableBc: true,
  })
  sendOwnAwarenessOnly(provider)
  const stopEncoding = encodeOwnChangesOnly(provider, doc)
  const destroy = provider.destroy.bind(provider)
  provider.destroy = () => {
    stopEncoding()
    destroy()
  }
  return provider
}

/**
 * y-websocket sends the server every awareness change it sees, other people's included. In a group of seven, each
 * caret move of one person came back to the server from the six others, and the server read each copy only to drop
 * it: it takes from a connection that connection's own state and nothing else. So the provider sends its own state
 * only, as y-websocket does when it connects.
 */
function sendOwnAwarenessOnly(provider: WebsocketProvider): void {
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
}

/**
 * Yjs encodes each transaction's change as an update whenever the document has an `update` listener, and the
 * provider's is always there, to send this phone's changes. So every change received from the others was encoded
 * again, only for the provider to see that it came from the server and drop it. Here the provider's listener is
 * attached for the phone's own transactions only: Yjs announces each transaction's clean-up
 * (`afterTransactionCleanup`) right before it looks for `update` listeners, so the listener is set for that very
 * transaction. The provider receives exactly the updates it sent before. Returns the stop.
 */
function encodeOwnChangesOnly(provider: WebsocketProvider, doc: Y.Doc): () => void {
  const sendUpdates = provider._updateHandler
  const beforeUpdateCheck = (transaction: Y.Transaction) => {
    if (transaction.origin === provider) doc.off('update', sendUpdates)
    else doc.on('update', sendUpdates)
  }
  doc.on('afterTransactionCleanup', beforeUpdateCheck)
  return () => doc.off('afterTransactionCleanup', beforeUpdateCheck)
}
