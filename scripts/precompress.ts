import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants } from 'node:zlib'
import { gzipAsync as zopfli } from '@gfx/zopfli'
import type { Plugin } from 'vite'
import { COMPRESSIBLE } from '../server/http/precompressed.ts'

const brotli = promisify(brotliCompress)
/**
 * Zopfli's iterations: 15 is its own default. Each pass searches the whole file again; beyond this the gain is a few
 * bytes for seconds of build.
 */
const ZOPFLI_ITERATIONS = 15

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
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` next to every text file of the build, each only when it
 * is smaller than the file: the server sends the copy the browser takes (staticClient.ts), so phones get the
 * smallest bytes without the server compressing anything per request. The gzip copy is Zopfli's: any gzip reader
 * decodes it, and it is 3-4% smaller than zlib's best, which matters over plain HTTP, where phones take only gzip.
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
        zopfli(raw, { numiterations: ZOPFLI_ITERATIONS }),
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
