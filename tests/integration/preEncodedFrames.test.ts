import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { io as connect, type Socket } from 'socket.io-client'
import { afterEach, describe, expect, it } from 'vitest'
import { emitBinaryToEach } from '../../server/realtime/preEncodedFrames.ts'
import type { IoServer } from '../../server/realtime/types.ts'
import { wireParser } from '../../shared/wireParser.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

/** A bare Socket.IO server on port 0 with Convene's parser, and `count` clients connected to it. */
async function serverWithClients(count: number) {
  const http = createServer()
  const io = new Server(http, { parser: wireParser }) as unknown as IoServer
  cleanups.push(() => new Promise((resolve) => io.close(resolve)))
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  const clients: Socket[] = []
  for (let i = 0; i < count; i++) {
    const client = connect(url, { parser: wireParser, transports: ['websocket'], forceNew: true })
    cleanups.push(() => client.close())
    await new Promise<void>((resolve) => client.once('connect', () => resolve()))
    clients.push(client)
  }
  return { io, clients }
}

/** Records the events a client receives, in order. */
function recorder(client: Socket) {
  const events: unknown[][] = []
  client.onAny((...args: unknown[]) => events.push(args))
  return events
}

const until = (events: unknown[][], count: number) =>
  new Promise<void>((resolve) => {
    const check = () => (events.length >= count ? resolve() : setImmediate(check))
    check()
  })

describe('binary events sent with a frame built once', () => {
  it('arrive at every socket as the same event Socket.IO would send', async () => {
    const { io, clients } = await serverWithClients(3)
    const received = clients.map(recorder)
    // Engine.IO makes a packet for each message that goes its way: none should.
    let enginePackets = 0
    for (const socket of io.sockets.sockets.values()) socket.conn.on('packetCreate', () => enginePackets++)
    const update = new Uint8Array([0, 2, 5, 1, 2, 3, 255])
    const stored = new Uint8Array([1, 9, 4])
    emitBinaryToEach(io, [...io.sockets.sockets.keys()], 'doc:message', 's/a/g/x', update, stored)
    await Promise.all(received.map((events) => until(events, 1)))
    for (const events of received) {
      expect(events).toHaveLength(1)
      const [name, doc, bytes, sv] = events[0] as [string, string, ArrayBuffer, ArrayBuffer]
      expect([name, doc, new Uint8Array(bytes), new Uint8Array(sv)]).toEqual([
        'doc:message',
        's/a/g/x',
        update,
        stored,
      ])
    }
    expect(enginePackets).toBe(0)
  })

  it('never overtakes events Engine.IO still holds for a socket', async () => {
    const { io, clients } = await serverWithClients(1)
    const [client] = clients
    const events = recorder(client as Socket)
    const [socket] = [...io.sockets.sockets.values()]
    const plain = socket as unknown as { emit(event: string, ...args: unknown[]): boolean }
    // The first goes out at once; the second waits in Engine.IO's buffer until the first write completes.
    plain.emit('note', 'first')
    plain.emit('note', 'second')
    emitBinaryToEach(io, [socket?.id as string], 'doc:message', 's/a/g/x', new Uint8Array([7]))
    emitBinaryToEach(io, [socket?.id as string], 'doc:message', 's/a/g/y', new Uint8Array([8]))
    await until(events, 4)
    expect(events.map((e) => e[1])).toEqual(['first', 'second', 's/a/g/x', 's/a/g/y'])
  })

  it('carries a change of any size: the three lengths a WebSocket header can give', async () => {
    const { io, clients } = await serverWithClients(1)
    const events = recorder(clients[0] as Socket)
    const id = [...io.sockets.sockets.keys()]
    let enginePackets = 0
    for (const socket of io.sockets.sockets.values()) socket.conn.on('packetCreate', () => enginePackets++)
    // Frames under 126 bytes, up to 64 KiB (a 16-bit length) and beyond (a 64-bit length).
    const sizes = [10, 300, 70_000]
    const updates = sizes.map((size) => Uint8Array.from({ length: size }, (_, i) => (i * 7) % 256))
    for (const update of updates) emitBinaryToEach(io, id, 'doc:message', 's/a/g/x', update)
    await until(events, sizes.length)
    expect(events.map((e) => new Uint8Array(e[2] as ArrayBuffer))).toEqual(updates)
    expect(enginePackets).toBe(0)
  })
})
