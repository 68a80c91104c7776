/**
 * What the benchmark's Socket.IO peers share: an HTTP server on `PORT`, Socket.IO with Convene's wire parser, and
 * Convene's document tunnel (`doc:open`, then `doc:message` events sent with its pre-encoded frames), with no session:
 * whoever opens a document is a member of it. Each peer says what it does when a document is opened, when a member
 * sends a message, and when the last member leaves.
 */
import { createServer } from 'node:http'
import { Server } from 'socket.io'
import { emitBinaryToEach } from '../../server/realtime/preEncodedFrames.ts'
import type { IoServer } from '../../server/realtime/types.ts'
import { wireParser } from '../../shared/wireParser.ts'

/** The documents and their members, and the way to send to them. */
export interface Tunnel {
  /** Sends a document message to the sockets with these ids. */
  send(ids: readonly string[], doc: string, message: Uint8Array): void
  /** The other members of a document than `id`. */
  othersIn(doc: string, id: string): string[]
}

export interface TunnelPeer {
  /** A socket opened a document (it is a member now). */
  opened?(tunnel: Tunnel, doc: string, id: string): void
  /** A member of a document sent a message on it. */
  message(tunnel: Tunnel, doc: string, id: string, message: Uint8Array): void
  /** The last member of a document left. */
  emptied?(doc: string): void
  /** Runs before the process exits on SIGTERM or SIGINT. */
  stopped?(): Promise<void>
}

export function serveTunnelPeer(peer: TunnelPeer): void {
  const members = new Map<string, Set<string>>()
  const http = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' })
    res.end('okay')
  })
  const io = new Server(http, { parser: wireParser, serveClient: false })
  const tunnel: Tunnel = {
    send: (ids, doc, message) =>
      emitBinaryToEach(io as unknown as IoServer, ids, 'doc:message', doc, message),
    othersIn(doc, id) {
      const others: string[] = []
      for (const member of members.get(doc) ?? []) if (member !== id) others.push(member)
      return others
    },
  }

  io.on('connection', (socket) => {
    const open = new Set<string>()
    socket.on('doc:open', ({ doc }: { doc: string }, ack: (result: unknown) => void) => {
      let room = members.get(doc)
      if (!room) {
        room = new Set()
        members.set(doc, room)
      }
      room.add(socket.id)
      open.add(doc)
      ack({ ok: true, data: { writable: true } })
      peer.opened?.(tunnel, doc, socket.id)
    })
    socket.on('doc:message', (doc: string, message: Uint8Array) => {
      if (members.get(doc)?.has(socket.id)) peer.message(tunnel, doc, socket.id, message)
    })
    socket.on('disconnect', () => {
      for (const doc of open) {
        const room = members.get(doc)
        room?.delete(socket.id)
        if (room?.size === 0) {
          members.delete(doc)
          peer.emptied?.(doc)
        }
      }
    })
  })

  http.listen(Number(process.env.PORT), '127.0.0.1')
  const stop = () => {
    // Closes the HTTP server too.
    io.close(() => {
      ;(peer.stopped?.() ?? Promise.resolve()).then(
        () => process.exit(0),
        () => process.exit(1),
      )
    })
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
