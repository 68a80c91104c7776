import type {
  ArchiveSettingsView,
  ExportFormat,
  PiiFinding,
  PublicLinkView,
  RetentionChoice,
} from '../../shared/archiveProtocol.ts'
import { archiveImportSchema, type SessionArchive } from '../../shared/archiveSchema.ts'
import { ERROR_CODES } from '../../shared/errors.ts'
import type { CreatedSession } from '../../shared/session.ts'
import type { PublishedSummary } from '../../shared/summary.ts'
import { DomainError, fail } from '../domain/errors.ts'
import { canFacilitate, type Identity } from '../domain/identity.ts'
import { hashToken, looksLikeToken, newToken } from '../domain/secrets.ts'
import { buildArchive, type ProgressFn } from '../export/archive.ts'
import { redact, scanForPii } from '../export/pii.ts'
import { type ExportFile, writeExport } from '../export/writers.ts'
import type { SessionRecord, Store } from '../store/types.ts'
import type { RoomService } from './roomService.ts'
import type { LinkBase, SessionService } from './sessionService.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** The instance's retention settings. */
export interface RetentionSettings {
  /** A session with no activity for this long closes by itself. */
  closeAfterInactiveMs: number
  /** Closed sessions are purged this many days after closing, unless a session chose otherwise. */
  purgeAfterDays: number
}

export const DEFAULT_RETENTION: RetentionSettings = { closeAfterInactiveMs: DAY_MS, purgeAfterDays: 30 }

/** Whether a role may read, export and manage the data of a session (never run it). */
export const canOrganize = (identity: Identity): boolean =>
  canFacilitate(identity.role) || identity.role === 'organizer'

/** "What we heard" for the public link: no provenance, no names, no owners, no notes. */
export interface PublicSummary {
  sessionTitle: string
  publishedAt: number
  themes: { title: string; synthesis: string; votes: number; points: { kind: string; text: string }[] }[]
  actions: { text: string; due: string; themeTitle: string | null }[]
  votesCast: number
}

/** When a closed session is purged under a retention choice; null while open or when kept. */
export function purgeDate(
  closedAt: number | null,
  choice: RetentionChoice,
  settings: RetentionSettings,
): number | null {
  if (closedAt === null || choice.mode === 'keep') return null
  const days = choice.mode === 'days' ? choice.days : settings.purgeAfterDays
  return closedAt + days * DAY_MS
}

/** Exports, the review of personal details, the public link, retention choices and importing archives. */
export class ArchiveService {
  constructor(
    private readonly store: Store,
    private readonly sessions: SessionService,
    private readonly rooms: RoomService,
    private readonly links: LinkBase,
    readonly retention: RetentionSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** The archive as it stands, with no redaction. */
  archive(sessionId: string, onProgress?: ProgressFn): Promise<SessionArchive> {
    return buildArchive(this.store, sessionId, { onProgress, now: this.now() })
  }

  /** What looks like personal details in the session's text. */
  async review(sessionId: string): Promise<PiiFinding[]> {
    return this.findings(sessionId, await this.archive(sessionId))
  }

  /** Builds and writes one export, with the chosen findings redacted. */
  async export(
    sessionId: string,
    format: ExportFormat,
    redactIds: readonly string[],
    onProgress?: ProgressFn,
  ): Promise<ExportFile> {
    let archive = await this.archive(sessionId, onProgress)
    if (redactIds.length > 0) archive = redact(archive, await this.findings(sessionId, archive), redactIds)
    return writeExport(archive, format)
  }

  /** Retention and sharing as the organizer page shows them. */
  async settings(sessionId: string): Promise<ArchiveSettingsView> {
    const session = await this.sessions.get(sessionId)
    const stored = await this.store.archive.settings(sessionId)
    const activity = (await this.store.archive.listActivity()).find((a) => a.id === sessionId)
    const lastActivityAt = activity?.lastActivityAt ?? session.lastActivityAt
    return {
      retention: stored.retention,
      defaultPurgeDays: this.retention.purgeAfterDays,
      autoCloseAt: session.status === 'open' ? lastActivityAt + this.retention.closeAfterInactiveMs : null,
      purgeAt: purgeDate(session.closedAt, stored.retention, this.retention),
      publicLinkEnabled: stored.publicTokenHash !== null,
      hasPublishedSummary: (await this.store.gather.published(sessionId)) !== null,
    }
  }

  async setRetention(sessionId: string, choice: RetentionChoice): Promise<ArchiveSettingsView> {
    await this.sessions.get(sessionId)
    await this.store.archive.setRetention(sessionId, choice)
    return this.settings(sessionId)
  }

  /**
   * Turns the public link on with a new secret (any older link stops working) or off. Only the hash is stored,
   * so the URL is shown this once; its secret travels in the fragment, which servers never log.
   */
  async setPublicLink(sessionId: string, enabled: boolean): Promise<PublicLinkView> {
    await this.sessions.get(sessionId)
    const token = enabled ? newToken() : null
    await this.store.archive.setPublicTokenHash(sessionId, token ? hashToken(token) : null)
    return { enabled, url: token ? `${this.links.publicBaseUrl()}/w/${sessionId}#${token}` : null }
  }

  /** The published summary behind a public link, stripped of every name and provenance. */
  async publicSummary(sessionId: string, token: unknown): Promise<PublicSummary | null> {
    const notFound = new DomainError(ERROR_CODES.notFound, 'This link does not work (any more).')
    if (!looksLikeToken(token)) throw notFound
    const owner = await this.store.archive.sessionByPublicTokenHash(hashToken(token))
    if (owner !== sessionId) throw notFound
    const published = await this.store.gather.published(sessionId)
    return published ? toPublic(published) : null
  }

  /** Creates a new session from an archive's settings and agenda; its notes and summary are not imported. */
  async import(raw: unknown): Promise<CreatedSession> {
    const parsed = archiveImportSchema.safeParse(raw)
    if (!parsed.success) {
      throw fail.badRequest('This file is not a Convene session archive (or it is from a newer version).')
    }
    const { session, agenda } = parsed.data
    const created = await this.sessions.create({
      title: session.title,
      welcome: session.welcome,
      sectors: session.sectors,
      anonymity: session.anonymity,
      defaultLanguage: session.defaultLanguage,
      draft: true,
    })
    const actor: Identity = {
      sessionId: created.sessionId,
      role: 'facilitator',
      id: 'import',
      displayName: null,
      sector: null,
    }
    if (agenda.length > 0) await this.rooms.saveAgenda(actor, 0, agenda)
    return created
  }

  /** The session a purge is about, checked: "Delete now" needs its title typed again. */
  async confirmDelete(sessionId: string, confirmTitle: string): Promise<SessionRecord> {
    const session = await this.sessions.get(sessionId)
    if (confirmTitle.trim() !== session.title.trim()) {
      throw fail.badRequest('Type the session’s title exactly to delete it.')
    }
    return session
  }

  private async findings(sessionId: string, archive: SessionArchive): Promise<PiiFinding[]> {
    const people = await this.store.participants.listBySession(sessionId)
    const names = people.map((p) => p.displayName).filter((n): n is string => Boolean(n))
    return scanForPii(archive, names)
  }
}

function toPublic(p: PublishedSummary): PublicSummary {
  return {
    sessionTitle: p.sessionTitle,
    publishedAt: p.publishedAt,
    themes: p.themes.map((t) => ({
      title: t.title,
      synthesis: t.synthesis,
      votes: t.votes,
      points: t.points.map((pt) => ({ kind: pt.kind, text: pt.text })),
    })),
    actions: p.actions.map((a) => ({ text: a.text, due: a.due, themeTitle: a.themeTitle })),
    votesCast: p.votesCast,
  }
}
