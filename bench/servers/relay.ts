/**
 * A plain `ws` relay: each message goes to the other clients of the same room, nothing is applied or stored.
 * It is the ceiling of this machine for moving y-websocket messages, not a usable server.
 */
import { createServer } from 'node:http'
import { type WebSocket, WebSocketServer } from 'ws'

const rooms = new Map<string, Set<WebSocket>>()
const http = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' })
  res.end('okay')
})
const wss = new WebSocketServer({ server: http })
wss.on('connection', (ws, req) => {
  const name = req.url ?? '/'
  let room = rooms.get(name)
  if (!room) {
    room = new Set()
    rooms.set(name, room)
  }
  const members = room
  members.add(ws)
  ws.on('message', (data, isBinary) => {
    for (const other of members)
      if (other !== ws && other.readyState === other.OPEN) other.send(data, { binary: isBinary })
  })
  ws.on('close', () => {
    members.delete(ws)
    if (members.size === 0) rooms.delete(name)
  })
})
http.listen(Number(process.env.PORT), '127.0.0.1')
const stop = () => {
  for (const client of wss.clients) client.terminate()
  http.close(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
