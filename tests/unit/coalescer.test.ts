import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Coalescer } from '../../server/realtime/coalescer.ts'

const WINDOW_MS = 250

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function recorder<T>(newest?: (waiting: T, pushed: T) => T) {
  const sent: [string, T][] = []
  const errors: unknown[] = []
  const coalescer = new Coalescer<T>(
    WINDOW_MS,
    (key, value) => {
      sent.push([key, value])
    },
    (err) => errors.push(err),
    newest,
  )
  return { coalescer, sent, errors }
}

describe('Coalescer', () => {
  it('sends the first push at once and folds the rest of the window into one send of the latest', async () => {
    const { coalescer, sent } = recorder<number>()
    coalescer.push('a', 1)
    expect(sent).toEqual([['a', 1]])
    for (let i = 2; i <= 100; i++) coalescer.push('a', i)
    expect(sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(WINDOW_MS)
    expect(sent).toEqual([
      ['a', 1],
      ['a', 100],
    ])
    // The trailing send opened a window of its own; once it closes quietly the key is idle again.
    await vi.advanceTimersByTimeAsync(WINDOW_MS)
    coalescer.push('a', 101)
    expect(sent.at(-1)).toEqual(['a', 101])
    expect(sent).toHaveLength(3)
  })

  it('keeps keys apart', () => {
    const { coalescer, sent } = recorder<string>()
    coalescer.push('a', 'x')
    coalescer.push('b', 'y')
    expect(sent).toEqual([
      ['a', 'x'],
      ['b', 'y'],
    ])
  })

  it('lets the chooser keep a newer value waiting over an older one pushed after it', async () => {
    const { coalescer, sent } = recorder<{ version: number }>((waiting, pushed) =>
      pushed.version >= waiting.version ? pushed : waiting,
    )
    coalescer.push('a', { version: 1 })
    coalescer.push('a', { version: 3 })
    coalescer.push('a', { version: 2 })
    await vi.advanceTimersByTimeAsync(WINDOW_MS)
    expect(sent.map(([, v]) => v.version)).toEqual([1, 3])
  })

  it('never starts a send while the previous one of its key is still running', async () => {
    const started: number[] = []
    const finish: (() => void)[] = []
    const coalescer = new Coalescer<number>(
      WINDOW_MS,
      (_key, value) =>
        new Promise<void>((resolve) => {
          started.push(value)
          finish.push(resolve)
        }),
      () => {},
    )
    coalescer.push('a', 1)
    coalescer.push('a', 2)
    await vi.advanceTimersByTimeAsync(WINDOW_MS * 4)
    expect(started).toEqual([1])
    finish[0]?.()
    await vi.advanceTimersByTimeAsync(0)
    expect(started).toEqual([1, 2])
  })

  it('reports a failed send and carries on', async () => {
    const errors: unknown[] = []
    const sent: number[] = []
    const coalescer = new Coalescer<number>(
      WINDOW_MS,
      (_key, value) => {
        if (value === 1) throw new Error('boom')
        sent.push(value)
      },
      (err) => errors.push(err),
    )
    coalescer.push('a', 1)
    coalescer.push('a', 2)
    await vi.advanceTimersByTimeAsync(WINDOW_MS)
    expect(errors).toHaveLength(1)
    expect(sent).toEqual([2])
  })

  it('sends nothing after stop, neither what waited nor later pushes', async () => {
    const { coalescer, sent } = recorder<number>()
    coalescer.push('a', 1)
    coalescer.push('a', 2)
    coalescer.stop()
    coalescer.push('b', 3)
    await vi.advanceTimersByTimeAsync(WINDOW_MS * 2)
    expect(sent).toEqual([['a', 1]])
  })
})
