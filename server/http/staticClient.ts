import { existsSync } from 'node:fs'
import { stat } from 'node:fs/promises'
import { extname, join, relative, resolve, sep } from 'node:path'
import compression from 'compression'
import express, { type NextFunction, type Request, type Response, type Router } from 'express'

/**
 * The addresses the light join page (join.html: no React, for phones on slow links) serves: the home page, where
 * a phone types its code, and `/j/<code>`. Every other page is the app's (index.html).
 */
export const LIGHT_PAGE_PATH = /^\/(?:j\/[^/]+\/?)?$/

/** The copies the build writes next to each asset (see scripts/precompress.ts), best first. */
const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const

/** Files the build compresses; anything else (images) is sent as it is. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt)$/

/** Built assets may be cached an hour, as before; the pages themselves are always revalidated. */
const ASSET_MAX_AGE = '1h'

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
async function sendPrecompressed(
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

/**
 * Serves the built client: assets as their precompressed copies (else compressed on the fly), join.html for the
 * light pages and index.html for every other page route, so deep links work.
 */
export function staticClient(clientDir: string): Router {
  const router = express.Router()
  const root = resolve(clientDir)
  const pages = { light: join(root, 'join.html'), app: join(root, 'index.html') }

  router.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !COMPRESSIBLE.test(req.path)) return next()
    let file: string
    try {
      file = join(root, decodeURIComponent(req.path))
    } catch {
      return next()
    }
    // Inside the client's folder, and never a dot-folder such as .vite (the build manifest).
    if (!file.startsWith(root + sep) || file.slice(root.length).includes(`${sep}.`)) return next()
    void sendPrecompressed(req, res, root, file, ASSET_MAX_AGE, next)
  })
  // What the build did not compress goes out compressed here, as the browser takes it.
  router.use(compression())
  router.use(express.static(root, { index: false, maxAge: ASSET_MAX_AGE, immutable: false }))
  router.get('/{*splat}', (req, res, next) => {
    if (req.path.startsWith('/api/') || req.path.startsWith('/socket.io/')) return next()
    const page = LIGHT_PAGE_PATH.test(req.path) ? pages.light : pages.app
    if (!existsSync(page)) {
      res.status(503).type('text/plain').send('The client is not built yet: run `npm run build`.')
      return
    }
    res.setHeader('Cache-Control', 'no-cache')
    void sendPrecompressed(req, res, root, page, 0, () => res.sendFile(page))
  })
  return router
}
