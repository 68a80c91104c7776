import * as Y from 'yjs'
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  type ArchivePoint,
  type SessionArchive,
} from '../../shared/archiveSchema.ts'
import { groupDocName, parkingDocName, summaryDocName } from '../../shared/docNames.ts'
import { ERROR_CODES } from '../../shared/errors.ts'
import { discussionFragment, type KeyPoint, readPoints } from '../../shared/notes.ts'
import { parkingItems } from '../../shared/parkingLot.ts'
import type { Anonymity } from '../../shared/session.ts'
import {
  mergeTarget,
  type PublishedSummary,
  placementsMap,
  readActions,
  readThemes,
} from '../../shared/summary.ts'
import { DomainError } from '../domain/errors.ts'
import type { DocStore, GroupRecord, ParticipantRecord, RoundRecord, Store } from '../store/types.ts'

/** Sectors held by fewer people than this are folded into "other", so nobody is singled out by sector. */
export const SECTOR_MIN_PEOPLE = 3

/** Reports how far the collection is: documents read out of all there are. */
export type ProgressFn = (done: number, total: number) => void

/** Loads a document's stored state into a fresh Y.Doc, without touching the live hub. */
export async function loadDoc(docs: DocStore, name: string): Promise<Y.Doc> {
  const stored = await docs.load(name)
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return doc
}

/** The discussion notes as plain text: one line per paragraph, heading or list item. */
export function discussionText(doc: Y.Doc): string {
  const lines: string[] = []
  const inline = (node: Y.XmlElement | Y.XmlText | Y.XmlHook): string => {
    if (node instanceof Y.XmlText) {
      return (node.toDelta() as { insert?: unknown }[])
        .map((d) => (typeof d.insert === 'string' ? d.insert : ''))
        .join('')
    }
    if (node instanceof Y.XmlElement) {
      if (node.nodeName === 'hardBreak') return ' '
      return node.toArray().map(inline).join('')
    }
    return ''
  }
  const block = (node: Y.XmlElement | Y.XmlText | Y.XmlHook): void => {
    if (node instanceof Y.XmlElement) {
      const children = node.toArray()
      const hasBlocks = children.some((c) => c instanceof Y.XmlElement && c.nodeName !== 'hardBreak')
      if (hasBlocks && !['paragraph', 'heading'].includes(node.nodeName)) {
        for (const child of children) block(child)
        return
      }
      const line = inline(node).trim()
      if (line) lines.push(node.nodeName === 'listItem' ? `- ${line}` : line)
      return
    }
    const line = inline(node).trim()
    if (line) lines.push(line)
  }
  for (const node of discussionFragment(doc).toArray()) block(node)
  return lines.join('\n')
}

/** Participation by sector, with small sectors folded into "other". */
function participation(anonymity: Anonymity, people: ParticipantRecord[]) {
  const counts = new Map<string, number>()
  let other = 0
  for (const p of people) {
    if (p.sector && anonymity !== 'anonymous') counts.set(p.sector, (counts.get(p.sector) ?? 0) + 1)
    else other++
  }
  const bySector: { sector: string; count: number }[] = []
  for (const [sector, count] of counts) {
    if (count >= SECTOR_MIN_PEOPLE) bySector.push({ sector, count })
    else other += count
  }
  bySector.sort((a, b) => b.count - a.count || a.sector.localeCompare(b.sector))
  const names =
    anonymity === 'named' ? people.map((p) => p.displayName).filter((n): n is string => Boolean(n)) : null
  return {
    total: people.length,
    bySector,
    other,
    names,
    shownSectors: new Set(bySector.map((s) => s.sector)),
  }
}

interface GroupNotes {
  round: RoundRecord
  group: GroupRecord
  docName: string
  points: KeyPoint[]
  discussion: string
}

/**
 * Collects one session into a `SessionArchive`: settings, participation, agenda, summary (published, else the
 * draft), every group's notes per round, and the parking lot. Reads stored documents, never the live hub.
 */
export async function buildArchive(
  store: Store,
  sessionId: string,
  options: { onProgress?: ProgressFn; now?: number } = {},
): Promise<SessionArchive> {
  const session = await store.sessions.get(sessionId)
  if (!session) throw new DomainError(ERROR_CODES.sessionNotFound, 'This session no longer exists.')
  const people = (await store.participants.listBySession(sessionId)).filter((p) => p.removedAt === null)
  const part = participation(session.anonymity, people)
  const named = session.anonymity === 'named'
  const sectorOf = (sector: string | null | undefined) =>
    sector && session.anonymity !== 'anonymous' && part.shownSectors.has(sector) ? sector : null
  const nameOf = (name: string | null | undefined) => (named && name ? name : null)

  const rounds = await store.rooms.listRounds(sessionId)
  const groupsByRound = await Promise.all(rounds.map((r) => store.rooms.listGroups(r.id)))
  // A document continued across rounds is shown once, under the last round that wrote in it.
  const lastUse = new Map<string, { round: RoundRecord; group: GroupRecord }>()
  rounds.forEach((round, i) => {
    for (const group of groupsByRound[i] ?? [])
      lastUse.set(groupDocName(sessionId, group.docKey), { round, group })
  })
  const total = lastUse.size + 2
  let done = 0
  const tick = () => options.onProgress?.(++done, total)

  const notes: GroupNotes[] = []
  for (const [docName, { round, group }] of lastUse) {
    const doc = await loadDoc(store.docs, docName)
    notes.push({ round, group, docName, points: readPoints(doc), discussion: discussionText(doc) })
    doc.destroy()
    tick()
    // Yield between documents so a large export never holds up the room.
    await new Promise((resolve) => setImmediate(resolve))
  }

  const provenanceOf = (n: GroupNotes, p: KeyPoint) => ({
    roundTitle: n.round.title,
    groupName: n.group.name,
    sector: sectorOf(p.author?.sector),
    name: nameOf(p.author?.label),
  })

  const published = await store.gather.published(sessionId)
  const summaryDoc = await loadDoc(store.docs, summaryDocName(sessionId))
  tick()
  const summary = published
    ? fromPublished(published, sectorOf, nameOf)
    : await fromDraft(store, sessionId, summaryDoc, notes, provenanceOf)
  summaryDoc.destroy()

  const parkingDoc = await loadDoc(store.docs, parkingDocName(sessionId))
  const parkingLot = parkingItems(parkingDoc)
    .toArray()
    .map((item) => ({ text: String(item.text ?? ''), at: Number(item.at ?? 0) }))
  parkingDoc.destroy()
  tick()

  const roundOrder = new Map(rounds.map((r, i) => [r.id, i]))
  const notesByRound = new Map<string, GroupNotes[]>()
  for (const n of notes) notesByRound.set(n.round.id, [...(notesByRound.get(n.round.id) ?? []), n])

  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: options.now ?? Date.now(),
    redactions: 0,
    session: {
      title: session.title,
      welcome: session.welcome,
      sectors: session.sectors,
      anonymity: session.anonymity,
      defaultLanguage: session.defaultLanguage,
      status: session.status,
      createdAt: session.createdAt,
      closedAt: session.closedAt,
    },
    participation: { total: part.total, bySector: part.bySector, other: part.other, names: part.names },
    agenda: rounds.map((r) => ({
      title: r.title,
      prompts: r.prompts,
      durationMinutes: Math.max(1, Math.round(r.durationMs / 60_000)),
      groupSize: r.groupSize,
      grouping: r.grouping,
      notesAfter: r.notesAfter,
      continueNotes: r.continueNotes,
      graceSeconds: r.graceMs === null ? null : Math.round(r.graceMs / 1000),
      status: r.status,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
    })),
    summary,
    notes: [...notesByRound.entries()]
      .sort(([a], [b]) => (roundOrder.get(a) ?? 0) - (roundOrder.get(b) ?? 0))
      .map(([, list]) => ({
        roundTitle: list[0]?.round.title ?? '',
        groups: list
          .sort((a, b) => a.group.number - b.group.number)
          .map((n) => ({
            name: n.group.name,
            discussion: n.discussion,
            points: n.points.map((p) => ({
              kind: p.kind,
              text: p.text,
              author: p.author ? { name: nameOf(p.author.label), sector: sectorOf(p.author.sector) } : null,
            })),
          })),
      })),
    parkingLot,
  }
}

type Fold = (value: string | null | undefined) => string | null

function fromPublished(p: PublishedSummary, sectorOf: Fold, nameOf: Fold): SessionArchive['summary'] {
  return {
    source: 'published',
    publishedAt: p.publishedAt,
    themes: p.themes.map((t) => ({
      title: t.title,
      synthesis: t.synthesis,
      votes: t.votes,
      points: t.points.map((pt) => ({
        kind: pt.kind,
        text: pt.text,
        provenance: pt.provenance.map((pr) => ({
          roundTitle: pr.roundTitle,
          groupName: pr.groupName,
          sector: sectorOf(pr.sector),
          name: nameOf(pr.name),
        })),
      })),
    })),
    actions: p.actions.map((a) => ({ text: a.text, owner: a.owner, due: a.due, themeTitle: a.themeTitle })),
    votesCast: p.votesCast,
    voters: p.voters ?? 0,
  }
}

async function fromDraft(
  store: Store,
  sessionId: string,
  doc: Y.Doc,
  notes: GroupNotes[],
  provenanceOf: (n: GroupNotes, p: KeyPoint) => ArchivePoint['provenance'][number],
): Promise<SessionArchive['summary']> {
  const themes = readThemes(doc)
  const actions = readActions(doc)
  if (themes.length === 0 && actions.length === 0) {
    return { source: 'none', publishedAt: null, themes: [], actions: [], votesCast: 0, voters: 0 }
  }
  const byRef = new Map<string, { n: GroupNotes; p: KeyPoint }>()
  for (const n of notes) for (const p of n.points) byRef.set(`${n.docName}#${p.id}`, { n, p })
  // Every point that still exists, grouped under the point it was merged into.
  const merged = new Map<string, string[]>()
  for (const ref of byRef.keys()) {
    const target = mergeTarget(doc, ref)
    merged.set(target, [...(merged.get(target) ?? []), ref])
  }
  const placements = placementsMap(doc)
  const tally = (await store.gather.vote(sessionId)) ? await store.gather.tally(sessionId) : null
  const titleOf = new Map(themes.map((t) => [t.id, t.title]))
  return {
    source: 'draft',
    publishedAt: null,
    themes: themes.map((t) => {
      const points: ArchivePoint[] = []
      for (const [target, refs] of merged) {
        if (placements.get(target) !== t.id) continue
        const head = byRef.get(target) ?? byRef.get(refs[0] as string)
        if (!head) continue
        points.push({
          kind: head.p.kind,
          text: head.p.text,
          provenance: refs.flatMap((r) => {
            const found = byRef.get(r)
            return found ? [provenanceOf(found.n, found.p)] : []
          }),
        })
      }
      return { title: t.title, synthesis: t.synthesis, votes: tally?.totals[t.id] ?? 0, points }
    }),
    actions: actions.map((a) => ({
      text: a.text,
      owner: a.owner,
      due: a.due,
      themeTitle: titleOf.get(a.themeId) ?? null,
    })),
    votesCast: tally?.dotsCast ?? 0,
    voters: tally?.voters ?? 0,
  }
}
