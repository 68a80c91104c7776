import { existsSync } from 'node:fs'
import { join } from 'node:path'
import compression from 'compression'
import express, { type Router } from 'express'

/** Serves the built client, with index.html for every page route so deep links work. */
export function staticClient(clientDir: string): Router {
  const router = express.Router()
  const index = join(clientDir, 'index.html')
  // Phones on venue Wi-Fi: the client's JavaScript goes out gzipped (about a third of its size).
  router.use(compression())
  router.use(express.static(clientDir, { index: false, maxAge: '1h', immutable: false }))
  router.get('/{*splat}', (req, res, next) => {
    if (req.path.startsWith('/api/') || req.path.startsWith('/socket.io/')) return next()
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The client is not built yet: run `npm run build`.')
      return
    }
    res.setHeader('Cache-Control', 'no-cache')
    res.sendFile(index)
  })
  return router
}
