/**
 * A Socket.IO relay: Convene's transport with nothing behind it. Clients open a document over the same tunnel
 * (`doc:open`, then `doc:message` events, framed by Convene's wire parser and sent with its pre-encoded frames), and
 * each message goes to the other clients of the same document. Nothing is authorised, applied or stored.
 *
 * It shows what the design's transport costs by itself: beside `ws-relay` (the same relay on plain WebSockets) it
 * measures Socket.IO's share, and beside Convene, what Convene's own work (Yjs, SQLite, access) adds.
 */
import { createServer } from 'node:http'
import { Server } from 'socket.io'
import { emitBinaryToEach } from '../../server/realtime/preEncodedFrames.ts'
import type { IoServer } from '../../server/realtime/types.ts'
import { wireParser } from '../../shared/wireParser.ts'

const members = new Map<string, Set<string>>()
const http = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' })
  res.end('okay')
})
const io = new Server(http, { parser: wireParser, serveClient: false })

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
  })
  socket.on('doc:message', (doc: string, message: Uint8Array) => {
    const room = members.get(doc)
    if (!room?.has(socket.id)) return
    const others: string[] = []
    for (const id of room) if (id !== socket.id) others.push(id)
    if (others.length > 0) emitBinaryToEach(io as unknown as IoServer, others, 'doc:message', doc, message)
  })
  socket.on('disconnect', () => {
    for (const doc of open) {
      const room = members.get(doc)
      room?.delete(socket.id)
      if (room?.size === 0) members.delete(doc)
    }
  })
})

http.listen(Number(process.env.PORT), '127.0.0.1')
const stop = () => {
  io.close()
  http.close(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
