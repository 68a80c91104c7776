/** Socket.IO events of exports, sharing and retention; merged into the protocol's event maps. */
export type ArchiveClientEvents = {}

/** Broadcasts of exports, sharing and retention. */
export type ArchiveServerEvents = {}
