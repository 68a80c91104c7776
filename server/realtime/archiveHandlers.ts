import type { RealtimeContext } from './context.ts'
import type { IoSocket } from './types.ts'

/** Exports, sharing links and retention settings. */
export function registerArchiveHandlers(_ctx: RealtimeContext, _socket: IoSocket): void {}
