/**
 * The least a server can do on Convene's design: the Socket.IO relay's transport (the tunnel, the wire parser, the
 * pre-encoded frames), plus what the issue asks of every change: stored in Convene's SQLite store (its group commit)
 * before anyone sees it, and applied to the server's copy of the document, as y-websocket's server applies it. Nothing
 * is authorised, checked or stamped; no stored notices, no awareness guard, nothing kept per member.
 *
 * Beside y-websocket it shows what the required work costs on this transport; beside Convene, what Convene's own
 * rules and notices add to it.
 */
import { createServer } from 'node:http'
import * as decoding from 'lib0/decoding'
import { Server, type Socket } from 'socket.io'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { emitBinaryToEach } from '../../server/realtime/preEncodedFrames.ts'
import type { IoServer } from '../../server/realtime/types.ts'
import { createSqliteStore } from '../../server/store/sqlite/index.ts'
import { DOC_MESSAGE, encodeSyncMessage } from '../../shared/docMessages.ts'
import { wireParser } from '../../shared/wireParser.ts'

interface Room {
  doc: Y.Doc
  members: Set<string>
}

const store = createSqliteStore(process.env.SQLITE_FILE as string)
const rooms = new Map<string, Room>()
const http = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' })
  res.end('okay')
})
const io = new Server(http, { parser: wireParser, serveClient: false })
const send = (ids: readonly string[], name: string, message: Uint8Array) =>
  emitBinaryToEach(io as unknown as IoServer, ids, 'doc:message', name, message)

function othersIn(room: Room, id: string): string[] {
  const others: string[] = []
  for (const member of room.members) if (member !== id) others.push(member)
  return others
}

async function receive(socket: Socket, name: string, message: Uint8Array): Promise<void> {
  const room = rooms.get(name)
  if (!room?.members.has(socket.id)) return
  const decoder = decoding.createDecoder(message)
  if (decoding.readVarUint(decoder) !== DOC_MESSAGE.sync) {
    send(othersIn(room, socket.id), name, message)
    return
  }
  const syncType = decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  if (syncType === syncProtocol.messageYjsSyncStep1) {
    send(
      [socket.id],
      name,
      encodeSyncMessage((e) => syncProtocol.writeSyncStep2(e, room.doc, payload)),
    )
    return
  }
  await store.docs.append(name, [payload])
  Y.applyUpdate(room.doc, payload, socket.id)
  send(
    othersIn(room, socket.id),
    name,
    encodeSyncMessage((e) => syncProtocol.writeUpdate(e, payload)),
  )
}

io.on('connection', (socket) => {
  const open = new Set<string>()
  socket.on('doc:open', ({ doc: name }: { doc: string }, ack: (result: unknown) => void) => {
    let room = rooms.get(name)
    if (!room) {
      room = { doc: new Y.Doc(), members: new Set() }
      rooms.set(name, room)
    }
    room.members.add(socket.id)
    open.add(name)
    ack({ ok: true, data: { writable: true } })
    send(
      [socket.id],
      name,
      encodeSyncMessage((e) => syncProtocol.writeSyncStep1(e, room.doc)),
    )
  })
  socket.on('doc:message', (name: string, message: Uint8Array) => {
    receive(socket, name, message).catch((err: unknown) => console.error(err))
  })
  socket.on('disconnect', () => {
    for (const name of open) {
      const room = rooms.get(name)
      room?.members.delete(socket.id)
      if (room?.members.size === 0) {
        room.doc.destroy()
        rooms.delete(name)
      }
    }
  })
})

http.listen(Number(process.env.PORT), '127.0.0.1')
const stop = () => {
  io.close()
  http.close(() => {
    store.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  })
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
