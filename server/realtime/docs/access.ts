import type { DocRef } from '../../../shared/docNames.ts'
import { canFacilitate, type Identity } from '../../domain/identity.ts'

/** What a connection may do with a document. */
export type DocAccess = 'write' | 'read' | 'none'

/** Decides, on every open, what this identity may do with this document. */
export type DocAccessPolicy = (identity: Identity, ref: DocRef) => Promise<DocAccess>

/** Rules for documents every member of a session shares; group documents are decided by `groupAccess`. */
export function sessionDocPolicy(groupAccess: DocAccessPolicy): DocAccessPolicy {
  return async (identity, ref) => {
    if (ref.sessionId !== identity.sessionId) return 'none'
    if (canFacilitate(identity.role)) return 'write'
    switch (ref.kind) {
      case 'parking':
        return identity.role === 'participant' ? 'write' : 'read'
      case 'summary':
        return identity.role === 'participant' ? 'none' : 'read'
      case 'group':
        return groupAccess(identity, ref)
    }
  }
}
