import * as ws from 'ws'
import { compactEvent, compactEventArguments, writeCompactEvent } from '../../shared/wireParser.ts'
import type { IoServer, IoSocket } from './types.ts'

/**
 * One Socket.IO event sent to many sockets as a WebSocket frame built once.
 *
 * A Yjs change goes to every member of a group, and Socket.IO's broadcast encodes the packet once but then takes
 * each copy through Engine.IO's per-socket machinery: a packet object, a write buffer, a flush, several events, a
 * WebSocket frame built again, and a write callback that flushes whatever queued meanwhile. That cost as much as
 * the system call itself. Socket.IO skips most of it for text broadcasts by building the frame once
 * (`wsPreEncodedFrame`, handed to the `ws` sender's `sendFrame`); this does the same for binary events, and
 * writes the frame straight to the socket's `ws` sender.
 *
 * It relies on Engine.IO's and ws's internals, as Socket.IO does, so each socket is checked first: a socket whose
 * transport is not a plain open WebSocket, or which has packets waiting in Engine.IO's buffer (writing ahead of
 * them would reorder events), takes the usual path. The bytes on the wire are the same either way.
 */

/** The parts of ws's sender used here (not in ws's published types). */
interface FrameSender {
  _state: number
  _queue: unknown[]
  sendFrame(frame: readonly Buffer[]): void
}

type Frame = readonly Buffer[]

/** The parts of an Engine.IO socket looked at before writing past it. */
interface EngineSocket {
  readyState: string
  upgrading: boolean
  writeBuffer: unknown[]
  transport: {
    name: string
    opts?: { perMessageDeflate?: unknown }
    socket?: { readyState: number; _sender?: FrameSender }
  }
}

const SENDER_IDLE = 0
/** RFC 6455: the final (only) frame of a binary message. */
const FIN_BINARY = 0x82
const LENGTH_16 = 126
const LENGTH_64 = 127

/**
 * The WebSocket frame of an event of text and binary arguments (RFC 6455: a server's frames are not masked), built
 * in one buffer: the header, then the event's compact form written straight after it. Null for any other event.
 */
function binaryEventFrame(data: readonly unknown[]): Frame | null {
  const args = compactEventArguments(data)
  if (!args) return null
  const event = compactEvent(args)
  const length = event.size
  const head = length < LENGTH_16 ? 2 : length <= 0xffff ? 4 : 10
  const frame = Buffer.allocUnsafe(head + length)
  frame[0] = FIN_BINARY
  if (head === 2) frame[1] = length
  else if (head === 4) {
    frame[1] = LENGTH_16
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = LENGTH_64
    frame.writeBigUInt64BE(BigInt(length), 2)
  }
  writeCompactEvent(event, frame, head)
  return [frame]
}

/** The ws sender a frame may be written to now without overtaking anything, or null. */
function idleSender(socket: IoSocket): FrameSender | null {
  const engine = socket.conn as unknown as EngineSocket
  const { transport } = engine
  const sender = transport.socket?._sender
  const ready =
    socket.connected &&
    engine.readyState === 'open' &&
    !engine.upgrading &&
    engine.writeBuffer.length === 0 &&
    transport.name === 'websocket' &&
    !transport.opts?.perMessageDeflate &&
    transport.socket?.readyState === ws.WebSocket.OPEN &&
    sender !== undefined &&
    sender._state === SENDER_IDLE &&
    sender._queue.length === 0
  return ready ? sender : null
}

/**
 * Sends an event of text and binary arguments to the sockets with these ids, building its WebSocket frame once (any
 * other event takes Socket.IO's broadcast).
 */
export function emitBinaryToEach(
  io: IoServer,
  ids: readonly string[],
  event: string,
  ...args: unknown[]
): void {
  const frame = binaryEventFrame([event, ...args])
  const others: string[] = []
  for (const id of ids) {
    const socket = io.sockets.sockets.get(id)
    // A socket of another process (an adapter's) or a closed one: Socket.IO's broadcast decides.
    const sender = frame && socket && idleSender(socket)
    if (sender) sender.sendFrame(frame)
    else others.push(id)
  }
  if (others.length > 0)
    (io.to(others).emit as (event: string, ...args: unknown[]) => boolean)(event, ...args)
}
