import { DOC_NAME_MAX_CHARS } from '../../shared/docNames.ts'
import { docOpenSchema } from '../../shared/protocol.ts'
import type { RealtimeContext } from './context.ts'
import type { DocFanout, DocPeer } from './docs/peer.ts'
import { emitBinaryToEach } from './preEncodedFrames.ts'
import { onRequest } from './requests.ts'
import type { IoServer, IoSocket } from './types.ts'

/** The Yjs tunnel: each document's y-websocket protocol messages ride on this one connection. */
export function registerDocHandlers(ctx: RealtimeContext, socket: IoSocket): void {
  const peer: DocPeer = {
    id: socket.id,
    identity: socket.data.identity,
    isConnected: () => socket.connected,
    send: (doc, message, stored) =>
      stored ? socket.emit('doc:message', doc, message, stored) : socket.emit('doc:message', doc, message),
    stored: (doc, stateVector) => socket.emit('doc:stored', { doc, stateVector }),
    rejected: (doc, reason) => socket.emit('doc:rejected', { doc, reason }),
    closed: (doc, code, reason) => socket.emit('doc:closed', { doc, code, reason }),
  }

  onRequest(socket, ctx.logger, 'doc:open', docOpenSchema, ({ doc }) => ctx.hub.open(peer, doc))

  // The hottest event there is, so no schema: a name that is no document this connection opened finds no room in
  // the hub, and the length bound keeps a huge string from being hashed for that lookup.
  socket.on('doc:message', (doc: unknown, message: unknown) => {
    if (typeof doc !== 'string' || doc.length > DOC_NAME_MAX_CHARS || !(message instanceof Uint8Array)) return
    ctx.hub
      .message(peer, doc, message)
      .catch((err: unknown) => ctx.logger.error({ err }, 'doc message failed'))
  })

  socket.on('doc:close', (input: unknown) => {
    const parsed = docOpenSchema.safeParse(input)
    if (parsed.success) ctx.hub.close(peer, parsed.data.doc)
  })

  socket.on('disconnect', () => ctx.hub.disconnect(peer))
}

/** Sends a document message to several connections, its WebSocket frame built once for all of them. */
export function socketFanout(io: IoServer): DocFanout {
  return (peers, doc, message, stored) => {
    const ids = peers.map((peer) => peer.id)
    if (stored) emitBinaryToEach(io, ids, 'doc:message', doc, message, stored)
    else emitBinaryToEach(io, ids, 'doc:message', doc, message)
  }
}
