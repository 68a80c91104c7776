import { afterEach, describe, expect, it } from 'vitest'
import type { Identity } from '../../server/domain/identity.ts'
import { createLogger } from '../../server/logger.ts'
import type { DocAccess } from '../../server/realtime/docs/access.ts'
import { DocHub } from '../../server/realtime/docs/hub.ts'
import type { DocPeer } from '../../server/realtime/docs/peer.ts'
import { ERROR_CODES } from '../../shared/errors.ts'
import { tempStore } from '../helpers/server.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

const SESSION = 'summit'
const DOC = `s/${SESSION}/g/table-1`
/** More connections than one re-check handles before it lets the event loop run. */
const PEOPLE = 250

/** A connection as the hub sees it; what the server tells it is recorded. */
function peer(i: number, locked: string[]): DocPeer {
  const identity: Identity = {
    sessionId: SESSION,
    role: 'participant',
    id: `p${i}`,
    displayName: null,
    sector: null,
  }
  return {
    id: `socket-${i}`,
    identity,
    isConnected: () => true,
    send: () => {},
    stored: () => {},
    rejected: (_doc, reason) => {
      if (reason.code === ERROR_CODES.readOnly) locked.push(identity.id)
    },
    closed: () => {},
  }
}

/** A hub on a real store with PEOPLE writers in one document, and the access its checks will answer. */
async function hubWithWriters() {
  const { store, close } = tempStore()
  cleanups.push(close)
  let access: DocAccess = 'write'
  const checked: string[] = []
  const hub = new DocHub({
    store: store.docs,
    access: async (identity) => {
      checked.push(identity.id)
      return access
    },
    logger: createLogger('silent'),
    userFor: async () => ({ name: null, sector: null, role: 'participant', color: '#000000' }),
  })
  cleanups.push(() => hub.closeAll())
  const locked: string[] = []
  const peers = Array.from({ length: PEOPLE }, (_, i) => peer(i, locked))
  for (const p of peers) expect(await hub.open(p, DOC)).toEqual({ writable: true })
  checked.length = 0
  return { hub, peers, locked, checked, lockAll: () => (access = 'read') }
}

describe('re-checking who may write open documents', () => {
  it('locks every connection without holding the event loop for the whole pass', async () => {
    const { hub, peers, locked, checked, lockAll } = await hubWithWriters()
    lockAll()
    const order: string[] = []
    const leaver = peers[PEOPLE - 1]!
    // Runs only if the re-check lets the event loop turn; the last connection leaves meanwhile.
    setImmediate(() => {
      order.push('other work')
      hub.disconnect(leaver)
    })
    await hub.reauthorize(SESSION)
    order.push('re-check done')

    expect(order).toEqual(['other work', 're-check done'])
    expect(locked.sort()).toEqual(
      peers
        .filter((p) => p !== leaver)
        .map((p) => p.identity.id)
        .sort(),
    )
    expect(checked).toHaveLength(PEOPLE)
  })

  it('checks only the people named when someone moved', async () => {
    const { hub, locked, checked, lockAll } = await hubWithWriters()
    lockAll()
    await hub.reauthorize(SESSION, ['p7'])
    expect(checked).toEqual(['p7'])
    expect(locked).toEqual(['p7'])
  })
})
