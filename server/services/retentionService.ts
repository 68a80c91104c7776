import type { Logger } from '../logger.ts'
import type { Store } from '../store/types.ts'
import { purgeDate, type RetentionSettings } from './archiveService.ts'
import type { SessionService } from './sessionService.ts'

/** How often the retention job looks for sessions to close and purge. */
export const RETENTION_SWEEP_MS = 5 * 60 * 1000

/** What the job does outside the store: who is online, and letting go of a session's live state. */
export interface RetentionHooks {
  /** Sessions with someone connected right now: that counts as activity. */
  onlineSessionIds(): string[]
  /** A session closed by itself: tell the people still looking at it. */
  closed(sessionId: string): Promise<void>
  /** Before a purge: drop connections and loaded documents, so nothing writes the session back. */
  beforePurge(sessionId: string): Promise<void>
}

/** What one sweep did. */
export interface SweepResult {
  closed: string[]
  purged: string[]
  expiredExports: number
}

/**
 * Retention: sessions close after a period without activity; closed sessions are purged at their purge date.
 * Deadlines are computed from stored times on every sweep, never held in memory, so any process may sweep.
 */
export class RetentionService {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<SweepResult> | null = null

  constructor(
    private readonly store: Store,
    private readonly sessions: SessionService,
    private readonly settings: RetentionSettings,
    private readonly hooks: RetentionHooks,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Purges one session now: its connections and documents first, then every row and byte of it. */
  async purge(sessionId: string): Promise<void> {
    await this.hooks.beforePurge(sessionId)
    await this.store.archive.purgeSession(sessionId)
    this.logger.info({ sessionId }, 'session purged')
  }

  /** One pass: close what went quiet, purge what is due, drop expired cached exports. */
  sweep(): Promise<SweepResult> {
    this.running ??= this.sweepOnce().finally(() => {
      this.running = null
    })
    return this.running
  }

  /** Sweeps now and then every `intervalMs`; the timer never keeps the process alive. */
  start(intervalMs = RETENTION_SWEEP_MS): void {
    this.stop()
    const run = () =>
      void this.sweep().catch((err: unknown) => this.logger.error({ err }, 'retention sweep failed'))
    run()
    this.timer = setInterval(run, intervalMs)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  private async sweepOnce(): Promise<SweepResult> {
    const now = this.now()
    await this.store.archive.markSeen(this.hooks.onlineSessionIds(), now)
    const result: SweepResult = { closed: [], purged: [], expiredExports: 0 }
    for (const s of await this.store.archive.listActivity()) {
      if (s.status !== 'closed') {
        // A draft is an agenda prepared ahead of the event: it waits for its day instead of closing.
        if (s.status === 'open' && now - s.lastActivityAt >= this.settings.closeAfterInactiveMs) {
          await this.sessions.setStatus(s.id, 'closed')
          await this.hooks.closed(s.id)
          result.closed.push(s.id)
        }
        continue
      }
      const due = purgeDate(s.closedAt, s.retention, this.settings)
      if (due !== null && due <= now) {
        await this.purge(s.id)
        result.purged.push(s.id)
      }
    }
    result.expiredExports = await this.store.archive.deleteExpiredExports(now)
    if (result.closed.length || result.purged.length) this.logger.info(result, 'retention sweep')
    return result
  }
}
