import type { Server, Socket } from 'socket.io'
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.ts'
import type { Identity } from '../domain/identity.ts'

/** What the server keeps on each socket once its token checked out. */
export interface SocketData {
  identity: Identity
}

/** The typed Socket.IO server. */
export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>
/** One typed connection. */
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>

/** Socket.IO room names: fan-out goes through rooms so an adapter can carry it between processes. */
export const rooms = {
  session: (sessionId: string) => `session:${sessionId}`,
  facilitators: (sessionId: string) => `session:${sessionId}:facilitators`,
  /** Every connection but the phones: facilitators, projectors and organizers, who watch the whole room. */
  screens: (sessionId: string) => `session:${sessionId}:screens`,
  participant: (participantId: string) => `participant:${participantId}`,
  principal: (id: string) => `principal:${id}`,
}
