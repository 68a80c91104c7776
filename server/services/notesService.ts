import * as Y from 'yjs'
import { parseDocName } from '../../shared/docNames.ts'
import { type AuthorStamp, authorsMap, pointsMap, readPoints } from '../../shared/notes.ts'
import type { GroupPreview, HiddenPointView } from '../../shared/protocol.ts'
import { fail } from '../domain/errors.ts'
import type { Identity } from '../domain/identity.ts'
import type { DocHub } from '../realtime/docs/hub.ts'
import type { DocRoom } from '../realtime/docs/room.ts'
import type { Store } from '../store/types.ts'
import type { RoomQueries } from './roomQueries.ts'

/** How many of the latest key points a group's preview carries. */
export const PREVIEW_POINTS = 3

/** Group notes seen from the server: previews for the live view, and moderation. */
export class NotesService {
  private readonly lastActive = new Map<string, number>()

  constructor(
    private readonly store: Store,
    private readonly hub: DocHub,
    private readonly queries: RoomQueries,
    private readonly now: () => number = Date.now,
  ) {}

  /** Notes a change, for "last active" and the flag on silent tables. */
  touched(docName: string): void {
    this.lastActive.set(docName, this.now())
  }

  /** A group's preview from its loaded document. */
  preview(room: DocRoom): GroupPreview {
    const points = readPoints(room.doc)
    return {
      docName: room.name,
      pointCount: points.length,
      latest: [...points]
        .sort((a, b) => a.createdAt - b.createdAt)
        .slice(-PREVIEW_POINTS)
        .map((p) => ({ kind: p.kind, text: p.text.slice(0, 140) })),
      lastActiveAt: this.lastActive.get(room.name) ?? null,
    }
  }

  /** Previews of every group of the current round. */
  async previews(sessionId: string): Promise<GroupPreview[]> {
    const round = await this.queries.currentRound(sessionId)
    if (!round) return []
    const { groups } = await this.queries.groups(sessionId, round.id, () => false)
    const rooms = await Promise.all(groups.map((g) => this.hub.room(g.docName)))
    return rooms.map((room) => this.preview(room))
  }

  /** Takes a point out of the shared document (so no participant's copy keeps it) and keeps it for restoring. */
  async hide(actor: Identity, docName: string, pointId: string): Promise<void> {
    const room = await this.groupRoom(actor, docName)
    const item = pointsMap(room.doc).get(pointId)
    if (!item) throw fail.notFound('No such key point.')
    const data = {
      ...(item.toJSON() as Record<string, unknown>),
      author: authorsMap(room.doc).get(pointId) ?? null,
    }
    await this.store.notes.hide({ docName, pointId, data, hiddenAt: this.now() })
    room.serverWrite(() => {
      pointsMap(room.doc).delete(pointId)
      authorsMap(room.doc).delete(pointId)
    })
    await room.serverWritesStored()
  }

  /** Puts a hidden point back where it was. */
  async restore(actor: Identity, docName: string, pointId: string): Promise<void> {
    const room = await this.groupRoom(actor, docName)
    const hidden = await this.store.notes.takeHidden(docName, pointId)
    if (!hidden) throw fail.notFound('No such hidden key point.')
    const { author, text, ...fields } = hidden.data as { author: AuthorStamp | null; text?: string }
    room.serverWrite(() => {
      const item = new Y.Map<unknown>()
      for (const [key, value] of Object.entries(fields)) item.set(key, value)
      item.set('text', new Y.Text(String(text ?? '')))
      pointsMap(room.doc).set(pointId, item)
      if (author) authorsMap(room.doc).set(pointId, author)
    })
    await room.serverWritesStored()
  }

  /** Hidden points of a group, for facilitators. */
  async hidden(actor: Identity, docName: string): Promise<HiddenPointView[]> {
    await this.groupRoom(actor, docName)
    return (await this.store.notes.listHidden(docName)).map((h) => ({
      pointId: h.pointId,
      kind: String(h.data.kind ?? 'idea'),
      text: String(h.data.text ?? ''),
      hiddenAt: h.hiddenAt,
    }))
  }

  /** The participant who wrote a point, for removing them; never sent to any client. */
  async authorOf(actor: Identity, docName: string, pointId: string): Promise<string> {
    await this.groupRoom(actor, docName)
    const participantId = await this.store.notes.authorOf(docName, pointId)
    if (!participantId) throw fail.notFound('No participant wrote this point.')
    return participantId
  }

  private async groupRoom(actor: Identity, docName: string): Promise<DocRoom> {
    const ref = parseDocName(docName)
    if (ref?.kind !== 'group' || ref.sessionId !== actor.sessionId)
      throw fail.notFound('No such group notes.')
    return this.hub.room(docName)
  }
}
