interface Window<T> {
  next: { value: T } | null
  timer?: NodeJS.Timeout
}

/**
 * Sends at most one message per key per window: the first at once, everything pushed while the window is open
 * as one send when it closes, carrying the latest value. A burst of a thousand changes costs a few sends, and the
 * last send always carries the newest value pushed. A window stays open until its send has finished, so two sends
 * of one key never overlap and arrive out of order.
 */
export class Coalescer<T> {
  private readonly open = new Map<string, Window<T>>()
  private stopped = false

  /**
   * @param send delivers one value; it may read fresher data itself.
   * @param newest picks between a value already waiting and one pushed after it (by default the one pushed).
   */
  constructor(
    private readonly windowMs: number,
    private readonly send: (key: string, value: T) => void | Promise<void>,
    private readonly onError: (err: unknown) => void,
    private readonly newest: (waiting: T, pushed: T) => T = (_waiting, pushed) => pushed,
  ) {}

  /** Sends now when the key is quiet, otherwise once its window closes. */
  push(key: string, value: T): void {
    if (this.stopped) return
    const window = this.open.get(key)
    if (!window) this.start(key, value)
    else window.next = { value: window.next ? this.newest(window.next.value, value) : value }
  }

  /** Sends nothing more: drops what waits and ignores later pushes. */
  stop(): void {
    this.stopped = true
    for (const window of this.open.values()) clearTimeout(window.timer)
    this.open.clear()
  }

  private start(key: string, value: T): void {
    const window: Window<T> = { next: null }
    this.open.set(key, window)
    const sent = (async () => this.send(key, value))().catch(this.onError)
    const closed = new Promise<void>((resolve) => {
      window.timer = setTimeout(resolve, this.windowMs)
      window.timer.unref()
    })
    void Promise.all([sent, closed]).then(() => {
      if (this.open.get(key) !== window) return
      this.open.delete(key)
      if (window.next) this.start(key, window.next.value)
    })
  }
}
