import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import { DOC_MESSAGE } from '../../shared/docMessages.ts'
import { eventually, type OpenDoc, openDoc } from '../helpers/clients.ts'
import { runningRound } from '../helpers/rooms.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

/** The client ids an outgoing y-websocket message carries awareness for, or none when it is another message. */
function awarenessClientIds(message: Uint8Array): number[] {
  const decoder = decoding.createDecoder(message)
  if (decoding.readVarUint(decoder) !== DOC_MESSAGE.awareness) return []
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
  const ids: number[] = []
  for (let count = decoding.readVarUint(update); count > 0; count--) {
    ids.push(decoding.readVarUint(update))
    decoding.readVarUint(update)
    decoding.readVarString(update)
  }
  return ids
}

describe('awareness from a phone', () => {
  it('carries its own state only, both ways: nobody sends back a state they were shown', async () => {
    const { room, snap } = await runningRound(cleanups, 3)
    const docName = snap.groups[0]?.docName as string
    const docs: OpenDoc[] = []
    const sentFor: number[][] = []
    const receivedFor: number[][] = []
    for (const phone of room.phones) {
      const sent: number[] = []
      const received: number[] = []
      sentFor.push(sent)
      receivedFor.push(received)
      // Called as each message is emitted, so everything a phone sends is recorded by the time anyone sees it.
      phone.socket.onAnyOutgoing((event: string, doc: unknown, message: unknown) => {
        if (event === 'doc:message' && doc === docName && message instanceof Uint8Array)
          sent.push(...awarenessClientIds(message))
      })
      const opened = openDoc(phone.socket, docName)
      cleanups.push(() => opened.destroy())
      cleanups.push(
        opened.tunnel.watch(docName, { message: (bytes) => received.push(...awarenessClientIds(bytes)) }),
      )
      await opened.synced
      docs.push(opened)
    }
    const [a, b, c] = docs as [OpenDoc, OpenDoc, OpenDoc]
    const stateOf = (viewer: OpenDoc, owner: OpenDoc) =>
      viewer.provider.awareness.getStates().get(owner.doc.clientID)

    a.provider.awareness.setLocalStateField('typing', true)
    await eventually(() => {
      expect(stateOf(b, a)?.typing).toBe(true)
      expect(stateOf(c, a)?.typing).toBe(true)
    })
    b.provider.awareness.setLocalStateField('typing', true)
    await eventually(() => {
      expect(stateOf(a, b)?.typing).toBe(true)
      expect(stateOf(c, b)?.typing).toBe(true)
    })

    for (const [i, sent] of sentFor.entries()) {
      const own = docs[i]?.doc.clientID
      // The phone sends its own state and nobody else's; the server sends it the others' and never its own back.
      expect(sent).toContain(own)
      expect(sent.filter((id) => id !== own)).toEqual([])
      expect(receivedFor[i]?.length).toBeGreaterThan(0)
      expect(receivedFor[i]).not.toContain(own)
    }
  })
})
