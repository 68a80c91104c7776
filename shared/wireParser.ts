import { PacketType, Decoder as TextPacketDecoder, Encoder as TextPacketEncoder } from 'socket.io-parser'

/**
 * Socket.IO's packet format, except that an event carrying binary data travels as ONE binary WebSocket frame.
 *
 * The stock parser sends such an event as a text frame (the JSON with placeholders) followed by one binary frame
 * per attachment. Every Yjs update rides in a binary event, so that doubled the frames, the system calls and the
 * wake-ups of each delivery on both ends. Here the header and the attachments are packed into one frame:
 *
 *   [u32 header length][header: the stock text packet, UTF-8][u32 length][attachment] ...
 *
 * An event whose arguments are only text and binary data, such as every `doc:message`, skips the JSON header and
 * its placeholders altogether. Reading that header back (a JSON parse, then putting the attachments in place of
 * the placeholders) cost more than the rest of the frame, on every change each phone receives. Its frame is:
 *
 *   [1][u8 argument count] then per argument [u8 kind: 0 text, 1 binary][u32 length][bytes]
 *
 * The first byte tells the two apart: a packed frame starts with its header's length, under 16 MB, so with 0.
 * Text-only packets are unchanged. Server and clients must both use this parser (`parser: wireParser`).
 */

const LENGTH_BYTES = 4
const MAX_ATTACHMENTS = 10
const COMPACT_EVENT = 1
const KIND_TEXT = 0
const KIND_BINARY = 1
const MAX_ARGUMENTS = 8
/** Event names Socket.IO keeps for itself, refused as the stock parser refuses them. */
const RESERVED_EVENTS = new Set([
  'connect',
  'connect_error',
  'disconnect',
  'disconnecting',
  'newListener',
  'removeListener',
])
const utf8Encoder = new TextEncoder()
const utf8Decoder = new TextDecoder('utf-8', { fatal: true })

type Chunk = string | ArrayBuffer | Uint8Array

type Packet = Parameters<TextPacketEncoder['encode']>[0]
type Argument = string | Uint8Array

class Encoder extends TextPacketEncoder {
  override encode(packet: unknown): Chunk[] {
    const args = compactArguments(packet as Packet)
    if (args) return [packEvent(args)]
    const parts = super.encode(packet as Packet) as Chunk[]
    return parts.length === 1 ? parts : [packFrame(parts)]
  }
}

class Decoder extends TextPacketDecoder {
  constructor() {
    super({ maxAttachments: MAX_ATTACHMENTS })
  }

  override add(chunk: unknown): void {
    if (typeof chunk === 'string') {
      super.add(chunk)
      return
    }
    if (!(chunk instanceof ArrayBuffer) && !(chunk instanceof Uint8Array))
      throw new Error('Unknown frame type.')
    const frame = chunk instanceof ArrayBuffer ? new Uint8Array(chunk) : chunk
    if (frame[0] === COMPACT_EVENT) {
      this.emitReserved('decoded', { type: PacketType.EVENT, nsp: '/', data: unpackEvent(frame) })
      return
    }
    const { header, attachments } = unpackFrame(frame)
    super.add(header)
    for (const attachment of attachments) super.add(attachment)
  }
}

/** The parser to pass as `parser` to socket.io's Server and to socket.io-client's `io()`. */
export const wireParser = { Encoder, Decoder }

/** Headers shorter than this are converted by hand when ASCII: TextEncoder's call costs more than the work. */
const SHORT_HEADER = 512

function asBytes(part: Chunk): Uint8Array {
  if (typeof part === 'string') return asciiBytes(part) ?? utf8Encoder.encode(part)
  return part instanceof ArrayBuffer ? new Uint8Array(part) : part
}

function asciiBytes(text: string): Uint8Array | null {
  if (text.length > SHORT_HEADER) return null
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code > 0x7f) return null
    bytes[i] = code
  }
  return bytes
}

function asciiText(bytes: Uint8Array): string | null {
  if (bytes.length > SHORT_HEADER) return null
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] as number) > 0x7f) return null
  return String.fromCharCode.apply(null, bytes as unknown as number[])
}

/**
 * The arguments of an event that may travel in the compact frame: no acknowledgement, the main namespace, a name,
 * then text and binary data with at least one binary; otherwise null.
 */
function compactArguments(packet: Packet): Argument[] | null {
  const { type, nsp, id, data } = packet
  if (type !== PacketType.EVENT || nsp !== '/' || id !== undefined) return null
  return compactEventArguments(data)
}

/** An event's data (its name, then its arguments) as the compact frame's arguments, or null if it does not fit. */
export function compactEventArguments(data: unknown): Argument[] | null {
  if (!Array.isArray(data) || data.length > MAX_ARGUMENTS || typeof data[0] !== 'string') return null
  let binary = false
  const args: Argument[] = []
  for (const arg of data) {
    if (arg instanceof ArrayBuffer) args.push(new Uint8Array(arg))
    else if (arg instanceof Uint8Array || typeof arg === 'string') args.push(arg)
    else return null
    binary ||= typeof arg !== 'string'
  }
  return binary ? args : null
}

/** An event's arguments as bytes, with the size of their compact frame. */
export interface CompactEvent {
  readonly args: readonly Argument[]
  readonly bytes: readonly Uint8Array[]
  readonly size: number
}

/** Measures an event's compact frame before it is written, so a caller can write it where it wants. */
export function compactEvent(args: readonly Argument[]): CompactEvent {
  const bytes = args.map((arg) => (typeof arg === 'string' ? nameBytes(arg) : arg))
  let size = 2
  for (const b of bytes) size += 1 + LENGTH_BYTES + b.byteLength
  return { args, bytes, size }
}

/** Writes an event's compact frame into `target` from `at`, where `event.size` bytes must be free. */
export function writeCompactEvent(event: CompactEvent, target: Uint8Array, at: number): void {
  target[at] = COMPACT_EVENT
  target[at + 1] = event.args.length
  let pos = at + 2
  // An index loop: this runs for every frame a server broadcasts, and entries() allocates a pair per argument.
  for (let i = 0; i < event.bytes.length; i++) {
    const bytes = event.bytes[i] as Uint8Array
    target[pos] = typeof event.args[i] === 'string' ? KIND_TEXT : KIND_BINARY
    const length = bytes.byteLength
    target[pos + 1] = length >>> 24
    target[pos + 2] = (length >>> 16) & 0xff
    target[pos + 3] = (length >>> 8) & 0xff
    target[pos + 4] = length & 0xff
    target.set(bytes, pos + 1 + LENGTH_BYTES)
    pos += 1 + LENGTH_BYTES + length
  }
}

/** The compact frame of an event's arguments. */
export function packEvent(args: readonly Argument[]): Uint8Array {
  const event = compactEvent(args)
  const frame = new Uint8Array(event.size)
  writeCompactEvent(event, frame, 0)
  return frame
}

/** Texts this long or shorter are kept once encoded: event names and document names come back on every frame. */
const NAME_MAX_CHARS = 128
const NAMES_KEPT_MAX = 1024
const nameCache = new Map<string, Uint8Array>()

/** A text argument's bytes; a short one is encoded once and kept (the frame copies it, never changes it). */
function nameBytes(text: string): Uint8Array {
  if (text.length > NAME_MAX_CHARS) return asBytes(text)
  let bytes = nameCache.get(text)
  if (!bytes) {
    bytes = asBytes(text)
    if (nameCache.size >= NAMES_KEPT_MAX) nameCache.clear()
    nameCache.set(text, bytes)
  }
  return bytes
}

/**
 * An event's arguments back from its compact frame (binary ones as views, no copies). Throws on anything
 * malformed, and on a name Socket.IO reserves, as the stock parser does.
 */
export function unpackEvent(frame: Uint8Array): Argument[] {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength)
  const count = frame[1] ?? 0
  if (count === 0 || count > MAX_ARGUMENTS) throw malformed()
  const args: Argument[] = []
  let at = 2
  for (let i = 0; i < count; i++) {
    if (at + 1 + LENGTH_BYTES > frame.byteLength) throw malformed()
    const kind = frame[at]
    const start = at + 1 + LENGTH_BYTES
    const end = start + view.getUint32(at + 1)
    if (end > frame.byteLength || (kind !== KIND_TEXT && kind !== KIND_BINARY)) throw malformed()
    const bytes = frame.subarray(start, end)
    args.push(kind === KIND_TEXT ? textOf(bytes) : bytes)
    at = end
  }
  const [name] = args
  if (at !== frame.byteLength || typeof name !== 'string' || RESERVED_EVENTS.has(name)) throw malformed()
  return args
}

function textOf(bytes: Uint8Array): string {
  try {
    return asciiText(bytes) ?? utf8Decoder.decode(bytes)
  } catch {
    throw malformed()
  }
}

/** Packs a stock binary packet (text header, then attachments) into one buffer. */
export function packFrame(parts: readonly Chunk[]): Uint8Array {
  const bytes = parts.map(asBytes)
  const frame = new Uint8Array(bytes.reduce((n, b) => n + LENGTH_BYTES + b.byteLength, 0))
  const view = new DataView(frame.buffer)
  let at = 0
  for (const b of bytes) {
    view.setUint32(at, b.byteLength)
    frame.set(b, at + LENGTH_BYTES)
    at += LENGTH_BYTES + b.byteLength
  }
  return frame
}

/**
 * Splits a frame back into the header and its attachments (views, no copies). Throws on anything malformed, and
 * when the header does not announce exactly the attachments that follow, so a bad frame never leaves the stock
 * decoder waiting for attachments that will not come.
 */
export function unpackFrame(frame: Uint8Array): { header: string; attachments: Uint8Array[] } {
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength)
  const parts: Uint8Array[] = []
  let at = 0
  while (at < frame.byteLength) {
    if (at + LENGTH_BYTES > frame.byteLength || parts.length > MAX_ATTACHMENTS) throw malformed()
    const length = view.getUint32(at)
    const start = at + LENGTH_BYTES
    if (start + length > frame.byteLength) throw malformed()
    parts.push(frame.subarray(start, start + length))
    at = start + length
  }
  const [first, ...attachments] = parts
  if (!first) throw malformed()
  const header = textOf(first)
  const announced = /^[56](\d+)-/.exec(header)
  if (!announced || Number(announced[1]) !== attachments.length) throw malformed()
  return { header, attachments }
}

function malformed(): Error {
  return new Error('Malformed binary frame.')
}
