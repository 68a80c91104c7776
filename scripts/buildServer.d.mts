/** The built server's entry, dist/server/index.mjs. */
export declare const SERVER_ENTRY: string
/** Bundles server/index.ts into SERVER_ENTRY. */
export declare function buildServer(): Promise<void>
