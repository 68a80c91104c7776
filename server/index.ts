import { join } from 'node:path'
import { createApp } from './app.ts'
import { readConfig } from './config.ts'
import { createLogger } from './logger.ts'
import { createSqliteStore } from './store/sqlite/index.ts'

const config = readConfig(process.env)
const logger = createLogger(config.logLevel)
const store = createSqliteStore(join(config.dataDir, 'convene.sqlite'))
const app = createApp({
  store,
  logger,
  publicUrl: config.publicUrl,
  allowedOrigins: config.allowedOrigins,
  trustProxy: config.trustProxy,
  clientDir: config.clientDir,
  adminToken: config.adminToken,
  retention: {
    closeAfterInactiveMs: config.closeAfterHours * 60 * 60 * 1000,
    purgeAfterDays: config.purgeAfterDays,
  },
})

app.httpServer.listen(config.port, config.host, () => {
  logger.info(
    { url: `http://localhost:${(app.httpServer.address() as { port: number }).port}` },
    'Convene is running',
  )
  logger.info({ joinBase: app.publicBaseUrl() }, 'phones join at this address')
})

let stopping = false
const shutdown = (signal: string) => {
  if (stopping) return
  stopping = true
  logger.info({ signal }, 'shutting down')
  app
    .close()
    .then(() => process.exit(0))
    .catch((err: unknown) => {
      logger.error({ err }, 'shutdown failed')
      process.exit(1)
    })
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'))
