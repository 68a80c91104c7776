/**
 * A Socket.IO relay: Convene's transport with nothing behind it. Clients open a document over the same tunnel
 * (`doc:open`, then `doc:message` events, framed by Convene's wire parser and sent with its pre-encoded frames), and
 * each message goes to the other clients of the same document. Nothing is authorised, applied or stored.
 *
 * It shows what the design's transport costs by itself: beside `ws-relay` (the same relay on plain WebSockets) it
 * measures Socket.IO's share, and beside Convene, what Convene's own work (Yjs, SQLite, access) adds.
 */
import { serveTunnelPeer } from './tunnelPeer.ts'

serveTunnelPeer({
  message(tunnel, doc, id, message) {
    const others = tunnel.othersIn(doc, id)
    if (others.length > 0) tunnel.send(others, doc, message)
  },
})
