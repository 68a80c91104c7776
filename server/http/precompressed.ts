import { stat } from 'node:fs/promises'
import { extname, relative } from 'node:path'
import type { Request, Response } from 'express'

/** Files the build compresses (scripts/precompress.ts): text. Images and fonts are compressed already. */
export const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt)$/

/** The copies the build writes next to each asset (see scripts/precompress.ts), best first. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const

/** Whether an Accept-Encoding header takes `encoding` (listed, or `*`, with a q above 0). */
function acceptsEncoding(header: string | undefined, encoding: string): boolean {
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim())
    if (name !== encoding && name !== '*') continue
    const q = params.find((p) => p.startsWith('q='))
    return q === undefined || Number(q.slice(2)) > 0
  }
  return false
}

const isFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  )

/**
 * Sends `file` as its precompressed brotli or gzip copy when the browser takes one and the build wrote it, with
 * `Vary: Accept-Encoding` so no cache hands one encoding to a browser that asked for another. Calls `fallback`
 * when there is no such copy (the caller then sends the file itself).
 */
export async function sendPrecompressed(
  req: Request,
  res: Response,
  root: string,
  file: string,
  maxAge: string | number,
  fallback: () => void,
): Promise<void> {
  for (const { encoding, suffix } of PRECOMPRESSED) {
    if (!acceptsEncoding(req.headers['accept-encoding'], encoding) || !(await isFile(file + suffix))) continue
    res.vary('Accept-Encoding')
    res.setHeader('Content-Encoding', encoding)
    res.type(extname(file))
    // Relative to the folder, so that only the file's own path is checked for dot-folders, not where Convene lives.
    res.sendFile(relative(root, file) + suffix, { root, maxAge }, (error) => {
      if (error && !res.headersSent) {
        res.removeHeader('Content-Encoding')
        fallback()
      }
    })
    return
  }
  fallback()
}
