import { existsSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import compression from 'compression'
import express, { type NextFunction, type Request, type Response, type Router } from 'express'
import { COMPRESSIBLE, sendPrecompressed } from './precompressed.ts'

/**
 * The addresses the light join page (join.html: no React, for phones on slow links) serves: the home page, where
 * a phone types its code, and `/j/<code>`. Every other page is the app's (index.html).
 */
export const LIGHT_PAGE_PATH = /^\/(?:j\/[^/]+\/?)?$/

/** Built assets may be cached an hour, as before; the pages themselves are always revalidated. */
const ASSET_MAX_AGE = '1h'

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
