// Bundles the server's TypeScript into one ES module, dist/server/index.mjs, leaving packages as imports. The server
// then runs on plain Node: no TypeScript loader thread, about 50 MB less memory and a faster start (a restart in
// the middle of a session is back sooner). Takes well under a second; `npm start` runs it every time.
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** The built server's entry. */
export const SERVER_ENTRY = join(root, 'dist', 'server', 'index.mjs')

/**
 * The V8 options the built server runs with, under `npm start` and in the benchmark (docs/PERFORMANCE.md).
 * - `--heap-growing-percent=50`: V8 lets the heap grow to two or three times what is live before it collects the old
 *   generation, further when the process is short of CPU: at a summit of 1,000 phones about 60 MB was live and the
 *   heap reached 118-157 MB. Collecting once the heap is half as large again as what is live held the server's peak
 *   at 194-198 MB in five runs, where the default gave 195-234 MB (and once 255), for no CPU the benchmark could tell.
 * - `--max-semi-space-size=2` (MB): with the default young generation (up to 16 MB a semi-space), the hall's server
 *   stopped every 2-2.5 s for a scavenge of 3.4 ms at the median and up to 13 ms, while every change waiting behind
 *   it waited too. A small young generation is collected more often, in shorter pauses: the hall's p99 was lower in
 *   each of seven paired runs, by about 12%, and the summit's peak memory fell by about 20 MB. The price is more time
 *   in scavenges in all: 0.3% of a core in the hall, 1.4 s over a summit-1000 run.
 */
export const SERVER_V8_OPTIONS = ['--heap-growing-percent=50', '--max-semi-space-size=2']

export async function buildServer() {
  await build({
    entryPoints: [join(root, 'server', 'index.ts')],
    outfile: SERVER_ENTRY,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  })
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildServer()
