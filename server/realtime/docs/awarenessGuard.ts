import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** Who a connection's awareness must say it is, whatever the client wrote. */
export interface AwarenessUser {
  name: string | null
  /** Only where the anonymity setting shows sectors. */
  sector: string | null
  role: string
  color: string
}

/**
 * Rewrites an awareness update from one connection: entries for client ids another connection owns are dropped,
 * and every state's `user` is replaced by the identity the server knows. Returns the re-encoded update and the
 * client ids it kept, or null when nothing is left. Throws on a malformed update.
 */
export function rewriteAwarenessUpdate(
  update: Uint8Array,
  user: AwarenessUser,
  ownedByOthers: (clientId: number) => boolean,
): { update: Uint8Array; clientIds: number[] } | null {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const kept: { clientId: number; clock: number; state: string }[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const state = JSON.parse(decoding.readVarString(decoder)) as unknown
    if (ownedByOthers(clientId)) continue
    const rewritten = isRecord(state) ? JSON.stringify({ ...state, user }) : 'null'
    kept.push({ clientId, clock, state: rewritten })
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in awareness update')
  if (kept.length === 0) return null
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, kept.length)
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, entry.state)
  }
  return { update: encoding.toUint8Array(encoder), clientIds: kept.map((e) => e.clientId) }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const PALETTE = ['#b3261e', '#1b6e3a', '#1a4f9c', '#8a4b00', '#6a1b9a', '#00695c', '#ad1457', '#37474f']

/** A stable caret colour for a principal id, dark enough for white text. */
export function colorFor(id: string): string {
  let h = 0
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0
  return PALETTE[h % PALETTE.length] as string
}
