import { Decoder as TextPacketDecoder, Encoder as TextPacketEncoder } from 'socket.io-parser'

/**
 * Socket.IO's packet format, except that an event carrying binary data travels as ONE binary WebSocket frame.
 *
 * The stock parser sends such an event as a text frame (the JSON with placeholders) followed by one binary frame
 * per attachment. Every Yjs update rides in a binary event, so that doubled the frames, the system calls and the
 * wake-ups of each delivery on both ends. Here the header and the attachments are packed into one frame:
 *
 *   [u32 header length][header: the stock text packet, UTF-8][u32 length][attachment] ...
 *
 * Text-only packets are unchanged. Server and clients must both use this parser (`parser: wireParser`).
 */

const LENGTH_BYTES = 4
const MAX_ATTACHMENTS = 10
const utf8Encoder = new TextEncoder()
const utf8Decoder = new TextDecoder('utf-8', { fatal: true })

type Chunk = string | ArrayBuffer | Uint8Array

class Encoder extends TextPacketEncoder {
  override encode(packet: unknown): Chunk[] {
    const parts = super.encode(packet as Parameters<TextPacketEncoder['encode']>[0]) as Chunk[]
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
    const { header, attachments } = unpackFrame(chunk instanceof ArrayBuffer ? new Uint8Array(chunk) : chunk)
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
  let header = asciiText(first)
  try {
    header ??= utf8Decoder.decode(first)
  } catch {
    throw malformed()
  }
  const announced = /^[56](\d+)-/.exec(header)
  if (!announced || Number(announced[1]) !== attachments.length) throw malformed()
  return { header, attachments }
}

function malformed(): Error {
  return new Error('Malformed binary frame.')
}
