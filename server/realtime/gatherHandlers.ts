import type { RealtimeContext } from './context.ts'
import type { IoSocket } from './types.ts'

/** The gather step's events: themes, votes, publishing "what we heard". */
export function registerGatherHandlers(_ctx: RealtimeContext, _socket: IoSocket): void {}
