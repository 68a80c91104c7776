import { useEffect, useState } from 'react'
import { estimateOffset } from '../../../shared/clock.ts'
import type { ClientSocket } from './docTunnel.ts'
import { request } from './request.ts'

/** How many pings each measurement takes; the one with the shortest round trip wins. */
const SAMPLES = 3

/**
 * How far the server's clock is ahead of this device's, in ms (add it to Date.now() to get server time).
 * Measured on every (re)connect, not on a timer: a phone's clock drifts by milliseconds an hour, and a phone that
 * slept comes back through a reconnect.
 */
export function useServerClock(socket: ClientSocket | null): number {
  const [offset, setOffset] = useState(0)

  useEffect(() => {
    if (!socket) return
    let live = true
    const measure = async () => {
      let best: { rtt: number; offset: number } | null = null
      for (let i = 0; i < SAMPLES && live; i++) {
        const sentAt = Date.now()
        const result = await request(socket, 'clock:ping')
        const receivedAt = Date.now()
        if (!result.ok) return
        const rtt = receivedAt - sentAt
        if (!best || rtt < best.rtt)
          best = { rtt, offset: estimateOffset(sentAt, result.data.serverNow, receivedAt) }
      }
      if (live && best) setOffset(Math.round(best.offset))
    }
    socket.on('connect', measure)
    if (socket.connected) void measure()
    return () => {
      live = false
      socket.off('connect', measure)
    }
  }, [socket])

  return offset
}
