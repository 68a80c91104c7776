/** When phones and the projector announce that two minutes are left. */
export const TWO_MINUTE_WARNING_MS = 120_000

/**
 * How far the server's clock is ahead of this one (add it to local time to get server time), from one
 * request/response: the server's reading is taken to be from the midpoint of the round trip.
 */
export function estimateOffset(sentAt: number, serverNow: number, receivedAt: number): number {
  return serverNow - (sentAt + receivedAt) / 2
}

/** Time left until a server-clock deadline, read from this device's clock and its offset; never negative. */
export function serverRemainingMs(endsAt: number, clientNow: number, offsetMs: number): number {
  return Math.max(0, endsAt - (clientNow + offsetMs))
}

/**
 * A countdown as "m:ss", or "h:mm:ss" from one hour up. Rounds up to the next whole second, so "0:00" shows only
 * at zero and a fresh ten-minute round shows "10:00"; negative or non-finite input shows "0:00".
 */
export function formatCountdown(ms: number): string {
  const totalSeconds = Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = String(totalSeconds % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}
