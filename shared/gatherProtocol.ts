/** Socket.IO events of the gather step (themes, votes, "what we heard"); merged into the protocol's event maps. */
export type GatherClientEvents = {}

/** Broadcasts of the gather step. */
export type GatherServerEvents = {}
