import { z } from 'zod'
import type { SessionArchive } from './archiveSchema.ts'
import type { Ack } from './errors.ts'

/** The formats a session can be exported in. */
export const EXPORT_FORMATS = ['markdown', 'docx', 'pdf', 'csv', 'json'] as const
export const exportFormatSchema = z.enum(EXPORT_FORMATS)
export type ExportFormat = z.infer<typeof exportFormatSchema>

/** What looks like a personal detail in the notes. */
export const PII_KINDS = ['email', 'phone', 'name'] as const
export type PiiKind = (typeof PII_KINDS)[number]

/** One thing the review step found: the same text found many times is one finding. */
export interface PiiFinding {
  /** Stable for the same text, so a choice survives a second review. */
  id: string
  kind: PiiKind
  text: string
  /** How many times it appears. */
  count: number
  /** Where it first appears, e.g. "Round 1 · Table 2". */
  where: string
}

/** The answer to a review request. */
export interface ExportReview {
  findings: PiiFinding[]
}

/** Retention of one session: the instance default, a number of days after closing, or kept until deleted. */
export const retentionChoiceSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('default') }),
  z.object({ mode: z.literal('days'), days: z.number().int().min(1).max(3650) }),
  z.object({ mode: z.literal('keep') }),
])
export type RetentionChoice = z.infer<typeof retentionChoiceSchema>

/** What the organizer page shows about sharing and retention. */
export interface ArchiveSettingsView {
  retention: RetentionChoice
  /** The instance's default days after closing. */
  defaultPurgeDays: number
  /** When an open session closes by itself if nobody is active (ms since the epoch); null for drafts and closed ones. */
  autoCloseAt: number | null
  /** When the session will be purged; null while open or when kept. */
  purgeAt: number | null
  /** Whether the public "what we heard" link works. */
  publicLinkEnabled: boolean
  /** Whether there is a published summary for the public link to show. */
  hasPublishedSummary: boolean
}

export const exportStartSchema = z.object({
  format: exportFormatSchema,
  /** Finding ids to replace by "[redacted]" in the export. */
  redact: z.array(z.string().min(1).max(64)).max(500).default([]),
})
export const publicLinkSchema = z.object({ enabled: z.boolean() })
export const archiveDeleteSchema = z.object({
  /** The session's title, typed again: "Delete now" only runs when it matches. */
  confirmTitle: z.string().max(200),
})

/** A started export job; progress and the result arrive as `export:progress` and `export:done`. */
export interface ExportJob {
  jobId: string
}

/** How far an export job is. */
export interface ExportProgress {
  jobId: string
  phase: 'collecting' | 'writing'
  done: number
  total: number
}

/** A finished export: fetch it from `GET /api/exports/:jobId` with the same token, within its lifetime. */
export interface ExportDone {
  jobId: string
  ok: boolean
  filename: string
  bytes: number
  /** Why it failed, when ok is false. */
  message?: string
}

/** A new public link: the URL carries its secret in the fragment and is shown once. */
export interface PublicLinkView {
  enabled: boolean
  url: string | null
}

type In<S extends z.ZodType> = z.input<S>

/** Socket.IO events of exports, sharing and retention; merged into the protocol's event maps. */
export type ArchiveClientEvents = {
  /** Facilitators and organizers: what looks like personal details in the notes. */
  'export:review': (ack: Ack<ExportReview>) => void
  /** Facilitators and organizers: start an export job. */
  'export:start': (input: In<typeof exportStartSchema>, ack: Ack<ExportJob>) => void
  /** Facilitators and organizers: the whole archive as it would be exported, to read on the organizer page. */
  'archive:preview': (ack: Ack<SessionArchive>) => void
  /** Facilitators and organizers: retention and sharing. */
  'archive:settings': (ack: Ack<ArchiveSettingsView>) => void
  'archive:retention': (input: In<typeof retentionChoiceSchema>, ack: Ack<ArchiveSettingsView>) => void
  /** Facilitators and organizers: turn the public link on (a new secret each time) or off. */
  'archive:publicLink': (input: In<typeof publicLinkSchema>, ack: Ack<PublicLinkView>) => void
  /** Facilitators and organizers: purge the session now. */
  'archive:delete': (input: In<typeof archiveDeleteSchema>, ack: Ack<null>) => void
}

/** Broadcasts of exports, sharing and retention. */
export type ArchiveServerEvents = {
  /** To the connection that started the job. */
  'export:progress': (progress: ExportProgress) => void
  'export:done': (done: ExportDone) => void
  /** To facilitators and organizers: retention or sharing changed. */
  'archive:changed': (settings: ArchiveSettingsView) => void
}

/** What an archive row in the admin list shows. */
export interface AdminSessionRow {
  id: string
  title: string
  status: 'draft' | 'open' | 'closed'
  createdAt: number
  closedAt: number | null
  lastActivityAt: number
  participants: number
  /** Approximate bytes the session holds in the database. */
  bytes: number
  purgeAt: number | null
  keep: boolean
}
