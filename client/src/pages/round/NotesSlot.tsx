import type { DocTunnel } from '../../net/docTunnel.ts'
import { GroupNotes } from '../notes/GroupNotes.tsx'

/**
 * A group's notes, wherever rounds show them (the phone, the facilitator's live view, after a round).
 * `moderation` adds the facilitators' hide, restore and remove-author controls.
 */
export function NotesSlot({
  docName,
  writable,
  tunnel,
  moderation = false,
}: {
  docName: string
  writable: boolean
  /** The page's document tunnel, should the editor want it passed in. */
  tunnel?: DocTunnel | null
  moderation?: boolean
}) {
  return <GroupNotes docName={docName} writable={writable} tunnel={tunnel} moderation={moderation} />
}
