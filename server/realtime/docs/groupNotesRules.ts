import type * as Y from 'yjs'
import { ERROR_CODES } from '../../../shared/errors.ts'
import { LIMITS } from '../../../shared/limits.ts'
import { type AuthorStamp, authorsMap, pointsMap } from '../../../shared/notes.ts'
import { DomainError } from '../../domain/errors.ts'
import type { DocRules } from './room.ts'

/** Records who wrote a point, server-side only, for moderation. */
export type RecordAuthor = (docName: string, pointId: string, participantId: string) => void

/** Keys of a map that a transaction changed. */
function keysChanged(transaction: Y.Transaction, map: Y.Map<unknown>): string[] {
  const keys = transaction.changed.get(map as unknown as Y.AbstractType<Y.YEvent<Y.Map<unknown>>>)
  return keys ? [...keys].filter((key): key is string => key !== null) : []
}

/**
 * Rules of a group's notes: the server stamps each new key point's author from the connection that sent it (what
 * a client writes into `authors` is put back), and a group holds at most LIMITS.pointsPerGroupMax points.
 */
export function groupNotesRules(recordAuthor: RecordAuthor): DocRules {
  /** The stamps the server wrote: the truth a client's write to `authors` is measured against. */
  const truth = new Map<string, AuthorStamp>()
  return {
    afterLoad(room) {
      // Instantiate the typed roots now: a root first met inside an update is a generic type, and the
      // transaction's change list would name that instance instead of the map read here.
      pointsMap(room.doc)
      for (const [key, stamp] of authorsMap(room.doc)) truth.set(key, stamp)
    },
    afterPeerUpdate(room, peer, transaction) {
      const points = pointsMap(room.doc)
      const authors = authorsMap(room.doc) as Y.Map<unknown>
      const changedPoints = keysChanged(transaction, points as Y.Map<unknown>)
      const changedAuthors = keysChanged(transaction, authors)
      // Most changes are typing inside a point: nothing to stamp, and counting the points would walk them all.
      if (changedPoints.length === 0 && changedAuthors.length === 0) return null
      const added = changedPoints.filter((key) => points.has(key) && !truth.has(key))
      // A point deleted and brought back (undo) keeps the author it had, whoever brings it back.
      const returned = changedPoints.filter((key) => points.has(key) && truth.has(key) && !authors.has(key))
      const removed = changedPoints.filter((key) => !points.has(key) && authors.has(key))
      const overflow = Math.max(0, points.size - LIMITS.pointsPerGroupMax)
      const dropped = added.slice(added.length - Math.min(overflow, added.length))
      const stamped = added.filter((key) => !dropped.includes(key))
      const touched = new Set([...changedAuthors, ...stamped, ...returned, ...removed, ...dropped])
      if (touched.size === 0) return null
      const user = room.userOf(peer)
      const stamp: AuthorStamp = { label: user?.name ?? null, sector: user?.sector ?? null }
      room.serverWrite(() => {
        for (const key of dropped) points.delete(key)
        for (const key of stamped) {
          truth.set(key, stamp)
          if (peer.identity.role === 'participant') recordAuthor(room.name, key, peer.identity.id)
        }
        for (const key of touched) {
          const right = truth.get(key)
          if (right && points.has(key)) authors.set(key, right)
          else if (authors.has(key)) authors.delete(key)
        }
      })
      if (dropped.length === 0) return null
      return new DomainError(ERROR_CODES.docFull, 'This group has as many key points as it can hold.')
    },
  }
}
