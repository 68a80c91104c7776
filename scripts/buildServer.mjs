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
 * The V8 options the built server runs with, under `npm start` and in the benchmark. V8 lets the heap grow to two or
 * three times what is live before it collects the old generation, further when the process is short of CPU: at a
 * summit of 1,000 phones about 60 MB was live and the heap reached 118-157 MB. Collecting once the heap is half as
 * large again as what is live held the server's peak at 194-198 MB in five runs, where the default gave 195-234 MB
 * (and once 255), for no CPU the benchmark could tell (docs/PERFORMANCE.md).
 */
export const SERVER_V8_OPTIONS = ['--heap-growing-percent=50']

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
