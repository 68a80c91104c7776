import { z } from 'zod'
import { POINT_KINDS } from './notes.ts'
import { groupingRuleSchema } from './rounds.ts'
import { anonymitySchema, languageSchema, sessionStatusSchema } from './session.ts'

/**
 * The session archive: everything an export holds, in one versioned object. The JSON export is this object;
 * the other formats are written from it. docs/ARCHIVE.md documents every field. Bump ARCHIVE_VERSION on any
 * incompatible change, and keep reading older versions in the importer.
 */
export const ARCHIVE_FORMAT = 'convene.session-archive'
export const ARCHIVE_VERSION = 1

const text = z.string()
const pointKind = z.enum(POINT_KINDS)

/** Where a point came from, as the session's anonymity setting and the three-person rule allow. */
export const archiveProvenanceSchema = z.object({
  roundTitle: text,
  groupName: text,
  /** Null when the session is anonymous or fewer than three people hold the sector. */
  sector: text.nullable(),
  /** Only in a "named" session. */
  name: text.nullable(),
})

export const archivePointSchema = z.object({
  kind: pointKind,
  text,
  provenance: z.array(archiveProvenanceSchema),
})

export const archiveThemeSchema = z.object({
  title: text,
  synthesis: text,
  votes: z.number().int().min(0),
  points: z.array(archivePointSchema),
})

export const archiveActionSchema = z.object({
  text,
  owner: text,
  /** YYYY-MM-DD or ''. */
  due: text,
  themeTitle: text.nullable(),
})

export const archiveRoundSchema = z.object({
  title: text,
  prompts: z.array(text),
  durationMinutes: z.number().int().min(1),
  groupSize: z.number().int().min(1),
  grouping: groupingRuleSchema,
  notesAfter: z.enum(['editable', 'readonly']),
  continueNotes: z.boolean(),
  graceSeconds: z.number().int().min(0).nullable(),
  status: z.enum(['planned', 'running', 'paused', 'ended']),
  startedAt: z.number().nullable(),
  endedAt: z.number().nullable(),
})

export const archiveNotesSchema = z.object({
  roundTitle: text,
  groups: z.array(
    z.object({
      name: text,
      points: z.array(
        z.object({
          kind: pointKind,
          text,
          /** Author as stamped by the server: a label only in a "named" session, a sector if three or more share it. */
          author: z.object({ name: text.nullable(), sector: text.nullable() }).nullable(),
        }),
      ),
      /** The free-form discussion notes as plain text, one paragraph per line. */
      discussion: text,
    }),
  ),
})

/** The complete archive of one session. */
export const sessionArchiveSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: z.number(),
  /** How many personal details the organizer chose to redact. */
  redactions: z.number().int().min(0),
  session: z.object({
    title: text,
    welcome: text,
    sectors: z.array(text),
    anonymity: anonymitySchema,
    defaultLanguage: languageSchema,
    status: sessionStatusSchema,
    createdAt: z.number(),
    closedAt: z.number().nullable(),
  }),
  participation: z.object({
    total: z.number().int().min(0),
    /** Sectors held by three people or more. */
    bySector: z.array(z.object({ sector: text, count: z.number().int().min(3) })),
    /** People in smaller sectors, or who gave none. */
    other: z.number().int().min(0),
    /** Display names, only in a "named" session; otherwise null. */
    names: z.array(text).nullable(),
  }),
  agenda: z.array(archiveRoundSchema),
  summary: z.object({
    /** "published": the last "what we heard"; "draft": the facilitators' working summary; "none": nothing yet. */
    source: z.enum(['published', 'draft', 'none']),
    publishedAt: z.number().nullable(),
    themes: z.array(archiveThemeSchema),
    actions: z.array(archiveActionSchema),
    votesCast: z.number().int().min(0),
    voters: z.number().int().min(0),
  }),
  notes: z.array(archiveNotesSchema),
  parkingLot: z.array(z.object({ text, at: z.number() })),
})

/** The complete archive of one session. */
export type SessionArchive = z.infer<typeof sessionArchiveSchema>
export type ArchiveRound = z.infer<typeof archiveRoundSchema>
export type ArchivePoint = z.infer<typeof archivePointSchema>

/** What an import needs from an archive: its settings and agenda; everything else is ignored. */
export const archiveImportSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.number().int().min(1).max(ARCHIVE_VERSION),
  session: sessionArchiveSchema.shape.session.pick({
    title: true,
    welcome: true,
    sectors: true,
    anonymity: true,
    defaultLanguage: true,
  }),
  agenda: z.array(
    archiveRoundSchema.pick({
      title: true,
      prompts: true,
      durationMinutes: true,
      groupSize: true,
      grouping: true,
      notesAfter: true,
      continueNotes: true,
      graceSeconds: true,
    }),
  ),
})
