import { BenchClient, type DeliverySink } from './clients.ts'
import { pool, type SeenResult, type TargetName } from './common.ts'
import { connectSocket } from './convene.ts'
import type { ServerProcess } from './servers.ts'

/** The members of each group document: document name → client ids. */
function membersByDoc(docOf: Map<number, string>): Map<string, number[]> {
  const members = new Map<string, number[]>()
  for (const [id, doc] of docOf) members.set(doc, [...(members.get(doc) ?? []), id])
  return members
}

/** `receiver:sender` → the highest seq of sender the receiver applied. */
function lastSeenOf(seen: SeenResult[]): Map<string, number> {
  const lastSeen = new Map<string, number>()
  for (const s of seen) for (const [r, sender, seq] of s.seen) lastSeen.set(`${r}:${sender}`, seq)
  return lastSeen
}

/**
 * Confirmed edits, sender → highest seq: applied by every other member of the group (the server stores before it
 * broadcasts), or covered by a stored state the sender received (its own notice, or carried by a change).
 */
export function confirmedBySender(seen: SeenResult[], docOf: Map<number, string>): Map<number, number> {
  const lastSeen = lastSeenOf(seen)
  const confirmed = new Map<number, number>()
  for (const ids of membersByDoc(docOf).values()) {
    if (ids.length < 2) continue
    for (const sender of ids) {
      let min = Number.POSITIVE_INFINITY
      for (const r of ids) if (r !== sender) min = Math.min(min, lastSeen.get(`${r}:${sender}`) ?? 0)
      if (min > 0) confirmed.set(sender, min)
    }
  }
  // The server's own word (the stored state) confirms too.
  for (const s of seen)
    for (const [id, seq] of s.stored) if (seq > (confirmed.get(id) ?? 0)) confirmed.set(id, seq)
  return confirmed
}

/** Edits sent that some other member of the group never applied. */
export function unconverged(seen: SeenResult[], docOf: Map<number, string>): number {
  const sent = new Map<number, number>()
  for (const s of seen) for (const [id, seq] of s.sent) sent.set(id, seq)
  const lastSeen = lastSeenOf(seen)
  let missing = 0
  for (const ids of membersByDoc(docOf).values())
    for (const sender of ids)
      for (const r of ids)
        if (r !== sender)
          missing += Math.max(0, (sent.get(sender) ?? 0) - (lastSeen.get(`${r}:${sender}`) ?? 0))
  return missing
}

const quietSink: DeliverySink = { deliver() {}, error() {} }

/**
 * Opens every group document fresh from a server and counts confirmed edits it no longer has. Convene is read with
 * the facilitator's token over the tunnel; Hocuspocus with its provider.
 */
export async function verifyStored(
  target: TargetName,
  server: ServerProcess,
  docs: string[],
  confirmed: Map<number, number>,
  facilitatorToken?: string,
): Promise<number> {
  const stored = new Map<number, number>()
  await pool(docs, 8, async (doc) => {
    const client = new BenchClient(
      { id: 0, target, url: server.clientUrl, room: doc, token: facilitatorToken },
      quietSink,
    )
    const socket =
      target === 'convene' ? await connectSocket(server.baseUrl, facilitatorToken as string) : null
    try {
      if (socket) await client.openConveneDoc(doc, 20_000, socket)
      else await client.open(20_000)
      for (const [key, [seq]] of client.marks) stored.set(Number(key), seq)
    } finally {
      client.destroy()
      socket?.close()
    }
  })
  let lost = 0
  for (const [sender, seq] of confirmed) lost += Math.max(0, seq - (stored.get(sender) ?? 0))
  return lost
}
