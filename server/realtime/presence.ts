/** Which principals have at least one live connection, per session. In memory: a cache of who is connected now. */
export class Presence {
  private readonly connections = new Map<string, Map<string, number>>()

  /** Counts one more connection; returns true when the principal just came online. */
  add(sessionId: string, principalId: string): boolean {
    const session = this.connections.get(sessionId) ?? new Map<string, number>()
    this.connections.set(sessionId, session)
    const n = (session.get(principalId) ?? 0) + 1
    session.set(principalId, n)
    return n === 1
  }

  /** Counts one connection less; returns true when the principal just went offline. */
  remove(sessionId: string, principalId: string): boolean {
    const session = this.connections.get(sessionId)
    const n = session?.get(principalId) ?? 0
    if (!session || n === 0) return false
    if (n === 1) session.delete(principalId)
    else session.set(principalId, n - 1)
    if (session.size === 0) this.connections.delete(sessionId)
    return n === 1
  }

  isOnline(sessionId: string, principalId: string): boolean {
    return (this.connections.get(sessionId)?.get(principalId) ?? 0) > 0
  }

  /** How many principals of a session are online, facilitators and projectors included. */
  onlineCount(sessionId: string): number {
    return this.connections.get(sessionId)?.size ?? 0
  }

  /** Sessions with at least one live connection. */
  sessionIds(): string[] {
    return [...this.connections.keys()]
  }

  /** Principals online in a session, facilitators and projectors included. */
  onlineIds(sessionId: string): Set<string> {
    return new Set(this.connections.get(sessionId)?.keys())
  }
}
