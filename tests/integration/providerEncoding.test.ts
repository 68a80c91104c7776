import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import type * as Y from 'yjs'
import { TunnelChannel } from '../../client/src/net/docTunnel.ts'
import { DOC_MESSAGE } from '../../shared/docMessages.ts'
import { eventually, type OpenDoc, openDoc } from '../helpers/clients.ts'
import { runningRound } from '../helpers/rooms.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

/** Whether an outgoing y-websocket message is a Yjs update. */
function isUpdate(message: Uint8Array): boolean {
  const decoder = decoding.createDecoder(message)
  return (
    decoding.readVarUint(decoder) === DOC_MESSAGE.sync &&
    decoding.readVarUint(decoder) === syncProtocol.messageYjsUpdate
  )
}

/** For each transaction of a phone's document: did it come from the server, and would Yjs encode it as an update? */
function recordEncoding(open: OpenDoc) {
  const seen: { fromServer: boolean; encoded: boolean }[] = []
  // Added after the provider's own listener, so it sees what Yjs is about to check.
  const record = (transaction: Y.Transaction) =>
    seen.push({
      fromServer: transaction.origin === open.provider,
      encoded: open.doc._observers.has('update'),
    })
  open.doc.on('afterTransactionCleanup', record)
  return seen
}

/** Two phones of a running round, each with its group's notes open and synced. */
async function twoPhonesInOneGroup() {
  const { room, snap } = await runningRound(cleanups, 2)
  const docName = snap.groups[0]?.docName as string
  const [ana, ben] = room.phones.map((phone) => {
    const opened = openDoc(phone.socket, docName)
    cleanups.push(() => opened.destroy())
    return opened
  }) as [OpenDoc & { synced: Promise<void> }, OpenDoc & { synced: Promise<void> }]
  await Promise.all([ana.synced, ben.synced])
  return { room, docName, ana, ben }
}

describe('the provider on a phone', () => {
  it('has Yjs encode its own changes only, and still sends every one of them', async () => {
    const { room, docName, ana, ben } = await twoPhonesInOneGroup()
    const benSent: Uint8Array[] = []
    room.phones[1]?.socket.onAnyOutgoing((event: string, doc: unknown, message: unknown) => {
      if (event === 'doc:message' && doc === docName && message instanceof Uint8Array && isUpdate(message))
        benSent.push(message)
    })
    const seen = recordEncoding(ben)

    ana.doc.getText('t').insert(0, 'hello')
    await eventually(() => expect(ben.doc.getText('t').toString()).toBe('hello'))
    ben.doc.getText('t').insert(5, ' world')
    ben.doc.getText('t').insert(11, '!')
    await eventually(() => expect(ana.doc.getText('t').toString()).toBe('hello world!'))

    expect(seen).toEqual([
      { fromServer: true, encoded: false },
      { fromServer: false, encoded: true },
      { fromServer: false, encoded: true },
    ])
    expect(benSent).toHaveLength(2)

    // Once the provider is gone, nothing has Yjs encode the document's changes.
    ben.provider.destroy()
    ben.doc.getText('t').insert(0, '> ')
    expect(seen.at(-1)).toEqual({ fromServer: false, encoded: false })
  })

  it("gets the server's messages as views of their frames, through channels of one class whatever the tunnel", async () => {
    const { ana, ben } = await twoPhonesInOneGroup()
    // One class: a class per tunnel gave each tunnel's channels their own shape, slow to reach with many tunnels.
    expect(ana.tunnel).not.toBe(ben.tunnel)
    expect(Object.getPrototypeOf(ana.provider.ws)).toBe(TunnelChannel.prototype)
    expect(Object.getPrototypeOf(ben.provider.ws)).toBe(TunnelChannel.prototype)

    const channel = ben.provider.ws as unknown as TunnelChannel
    const handOn = channel.onmessage
    const received: Uint8Array[] = []
    channel.onmessage = (event) => {
      received.push(event.data)
      handOn?.(event)
    }
    ana.doc.getText('t').insert(0, 'hello')
    await eventually(() => expect(ben.doc.getText('t').toString()).toBe('hello'))
    expect(received.length).toBeGreaterThan(0)
    for (const data of received) {
      expect(data).toBeInstanceOf(Uint8Array)
      // A view: its buffer is the whole frame, the event's and the document's names included.
      expect(data.buffer.byteLength).toBeGreaterThan(data.byteLength)
    }
  })
})
