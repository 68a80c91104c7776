import { createHash } from 'node:crypto'
import type { PiiFinding, PiiKind } from '../../shared/archiveProtocol.ts'
import type { SessionArchive } from '../../shared/archiveSchema.ts'

/** What replaces a redacted detail in an export. */
export const REDACTED = '[redacted]'

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g
const PHONE = /\+?\(?\d[\d\s().-]{5,}\d/g
const DATE_LIKE = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/
/** A title or role before a capitalised name: "Officer Diaz", "Pastor Ruth Okafor", "Sra. Nguyễn". */
const TITLED_NAME =
  /\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Officer|Detective|Sgt|Sergeant|Pastor|Father|Rev|Sister|Judge|Sr|Sra|Srta|Don|Doña)\.?\s+\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+)?/gu

/** The id of a finding: stable for the same kind and text, so a choice survives a second review. */
export const findingId = (kind: PiiKind, text: string): string =>
  createHash('sha256').update(`${kind}:${text.toLowerCase()}`).digest('base64url').slice(0, 16)

/** A piece of user text and where it sits, for the review list. */
interface Source {
  where: string
  text: string
}

/** Every piece of text people wrote in the archive, labelled with where it is. */
function sources(archive: SessionArchive): Source[] {
  const out: Source[] = []
  for (const round of archive.notes) {
    for (const group of round.groups) {
      const where = `${round.roundTitle} · ${group.name}`
      for (const p of group.points) out.push({ where, text: p.text })
      if (group.discussion) out.push({ where, text: group.discussion })
    }
  }
  for (const t of archive.summary.themes) {
    out.push({ where: t.title, text: t.title }, { where: t.title, text: t.synthesis })
    for (const p of t.points) out.push({ where: t.title, text: p.text })
  }
  for (const a of archive.summary.actions) out.push({ where: 'actions', text: `${a.text}\n${a.owner}` })
  for (const item of archive.parkingLot) out.push({ where: 'parking', text: item.text })
  return out
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Lists what looks like personal details: email addresses, phone numbers, participants' names found in the
 * text, names after a title ("Officer Diaz"), and the owners facilitators typed on action items.
 */
export function scanForPii(archive: SessionArchive, knownNames: readonly string[]): PiiFinding[] {
  const found = new Map<string, PiiFinding>()
  const add = (kind: PiiKind, raw: string, where: string) => {
    const text = raw.trim()
    if (text.length < 2) return
    const id = findingId(kind, text)
    const existing = found.get(id)
    if (existing) existing.count++
    else found.set(id, { id, kind, text, count: 1, where })
  }
  const names = [...new Set(knownNames.map((n) => n.trim()).filter((n) => n.length >= 3))]
  const namePattern = names.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu')
    : null
  for (const { where, text } of sources(archive)) {
    for (const m of text.matchAll(EMAIL)) add('email', m[0], where)
    const withoutEmails = text.replace(EMAIL, ' ')
    for (const m of withoutEmails.matchAll(PHONE)) {
      const digits = m[0].replace(/\D/g, '').length
      if (digits >= 7 && digits <= 15 && !DATE_LIKE.test(m[0].trim())) add('phone', m[0], where)
    }
    if (namePattern) for (const m of text.matchAll(namePattern)) add('name', m[0], where)
    for (const m of text.matchAll(TITLED_NAME)) add('name', m[0], where)
  }
  for (const a of archive.summary.actions) if (a.owner.trim()) add('name', a.owner, 'actions')
  return [...found.values()].sort((a, b) => a.kind.localeCompare(b.kind) || b.count - a.count)
}

/**
 * Replaces every occurrence of the chosen findings' text, in every string of the archive, by "[redacted]".
 * Longer texts go first so a name inside an email address does not leave half of it behind.
 */
export function redact(archive: SessionArchive, findings: readonly PiiFinding[], ids: readonly string[]) {
  const chosen = findings
    .filter((f) => ids.includes(f.id))
    .map((f) => f.text)
    .sort((a, b) => b.length - a.length)
  if (chosen.length === 0) return archive
  const pattern = new RegExp(chosen.map(escapeRegExp).join('|'), 'giu')
  let count = 0
  const walk = (value: unknown, key: string | null): unknown => {
    if (typeof value === 'string') {
      if (key === 'format') return value
      return value.replace(pattern, () => {
        count++
        return REDACTED
      })
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, null))
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]))
    }
    return value
  }
  const out = walk(archive, null) as SessionArchive
  return { ...out, redactions: count }
}
