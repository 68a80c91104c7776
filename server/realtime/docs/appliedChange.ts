import * as Y from 'yjs'

/** Whether Yjs holds back changes (or deletions) in `doc` whose dependencies have not arrived. */
export function holdsBack(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null
}

/** Whether a transaction added or deleted anything (Yjs's own test before it emits `update`). */
export function changedAnything(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true
  for (const [client, clock] of transaction.afterState)
    if (transaction.beforeState.get(client) !== clock) return true
  return false
}

/**
 * What to send on for a peer's change, now applied to `doc`. Usually the bytes just stored: Yjs would only encode
 * them again. But a change whose dependencies have not arrived waits in the document, and one that arrives later can
 * let it in; around such a wait (`heldBefore`, or held now), everything this transaction added is encoded from the
 * document instead.
 */
export function sentOn(
  doc: Y.Doc,
  payload: Uint8Array,
  transaction: Y.Transaction,
  heldBefore: boolean,
): Uint8Array {
  if (!heldBefore && !holdsBack(doc)) return payload
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(transaction.beforeState))
}
