import * as encoding from 'lib0/encoding'
import { type Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'

/** The message types of y-websocket's protocol, the first number of every document message. */
export const DOC_MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const

/** What an awareness `update` event reports: the client ids whose states came, changed or went. */
export interface AwarenessChange {
  added: number[]
  updated: number[]
  removed: number[]
}

/** A sync message: its type, then what `write` adds (a sync step or an update). */
export function encodeSyncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, DOC_MESSAGE.sync)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** An awareness message with the states of these clients. */
export function encodeAwarenessMessage(awareness: Awareness, clients: number[]): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, DOC_MESSAGE.awareness)
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(encoder)
}
