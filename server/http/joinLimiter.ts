import { LIMITS } from '../../shared/limits.ts'

/**
 * Throttles failed join attempts per address, so guessing codes is slow while a whole venue behind one address
 * joins freely: successful joins never count.
 */
export class JoinFailureLimiter {
  private readonly failures = new Map<string, { count: number; windowStart: number }>()

  constructor(
    private readonly maxFailures: number = LIMITS.joinFailuresPerWindow,
    private readonly windowMs: number = LIMITS.joinFailureWindowMs,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether this address has failed too often in the current window. */
  isBlocked(address: string): boolean {
    const entry = this.current(address)
    return entry !== null && entry.count >= this.maxFailures
  }

  /** Records one failed attempt. */
  recordFailure(address: string): void {
    const entry = this.current(address) ?? { count: 0, windowStart: this.now() }
    entry.count++
    this.failures.set(address, entry)
    if (this.failures.size > 10_000) this.prune()
  }

  /** Seconds until this address may try again. */
  retryAfterSeconds(address: string): number {
    const entry = this.current(address)
    return entry ? Math.ceil((entry.windowStart + this.windowMs - this.now()) / 1000) : 0
  }

  private current(address: string) {
    const entry = this.failures.get(address)
    if (!entry) return null
    if (this.now() - entry.windowStart >= this.windowMs) {
      this.failures.delete(address)
      return null
    }
    return entry
  }

  private prune(): void {
    for (const address of [...this.failures.keys()]) this.current(address)
  }
}
