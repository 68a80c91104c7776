/** The built server's entry, dist/server/index.mjs. */
export declare const SERVER_ENTRY: string
/** The V8 options the built server runs with (`npm start` and the benchmark). */
export declare const SERVER_V8_OPTIONS: readonly string[]
/** Bundles server/index.ts into SERVER_ENTRY. */
export declare function buildServer(): Promise<void>
