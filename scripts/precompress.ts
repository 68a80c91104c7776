import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'
import { COMPRESSIBLE } from '../server/http/precompressed.ts'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Every file under `dir`, but not dot-folders (.vite holds the manifest, which is never served). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : filesUnder(path)
      return COMPRESSIBLE.test(entry.name) ? [path] : []
    }),
  )
  return nested.flat()
}

/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) next to every text file of the build,
 * each only when it is smaller than the file: the server sends the copy the browser takes (staticClient.ts), so
 * phones get the smallest bytes without the server compressing anything per request.
 */
async function precompressDir(dir: string): Promise<void> {
  await Promise.all(
    (await filesUnder(dir)).map(async (file) => {
      const raw = await readFile(file)
      const [br, gz] = await Promise.all([
        brotli(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        }),
        gzipAsync(raw, { level: constants.Z_BEST_COMPRESSION }),
      ])
      await Promise.all([
        br.length < raw.length ? writeFile(`${file}.br`, br) : null,
        gz.length < raw.length ? writeFile(`${file}.gz`, gz) : null,
      ])
    }),
  )
}

/** The Vite plugin: precompresses the client once the build has written it. */
export function precompress(): Plugin {
  return {
    name: 'convene-precompress',
    apply: 'build',
    async writeBundle(output) {
      if (output.dir) await precompressDir(output.dir)
    },
  }
}
