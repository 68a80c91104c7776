import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type App, type AppDeps, createApp } from '../../server/app.ts'
import { createLogger } from '../../server/logger.ts'
import { createSqliteStore } from '../../server/store/sqlite/index.ts'

/** A real Convene server on 127.0.0.1, port 0, on a SQLite file in a temp directory. */
export interface TestServer {
  app: App
  baseUrl: string
  dataFile: string
  /** Stops the server but keeps the data, for restart tests. */
  stop(): Promise<void>
  /** Starts a new server on the same data file (and the same port when free). */
  restart(): Promise<TestServer>
  /** Stops the server and deletes its data. */
  close(): Promise<void>
}

/** Makes a temp directory that `cleanup` removes. */
export function tempDir(prefix = 'convene-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** A real SQLite store in a temp directory, without a server; `close` closes it and deletes the directory. */
export function tempStore(): { store: ReturnType<typeof createSqliteStore>; close: () => Promise<void> } {
  const { dir, cleanup } = tempDir()
  const store = createSqliteStore(join(dir, 'convene.sqlite'))
  return {
    store,
    close: async () => {
      await store.close()
      cleanup()
    },
  }
}

type TestServerOptions = { dataFile?: string; port?: number } & Partial<Omit<AppDeps, 'store' | 'logger'>>

/**
 * Starts a server; pass `dataFile` to reuse data (the caller then deletes it), `port` to reuse a port. Without one,
 * the data lives in a temp directory that `close` deletes, from whichever server of its restarts closes it.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  if (options.dataFile) return serve(options, options.dataFile, () => {})
  const { dir, cleanup } = tempDir()
  return serve(options, join(dir, 'convene.sqlite'), cleanup)
}

async function serve(options: TestServerOptions, dataFile: string, cleanup: () => void): Promise<TestServer> {
  const store = createSqliteStore(dataFile)
  const app = createApp({ ...options, store, logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') })
  await new Promise<void>((resolve, reject) => {
    app.httpServer.once('error', reject)
    app.httpServer.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = app.httpServer.address() as AddressInfo
  const baseUrl = `http://127.0.0.1:${port}`
  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    await app.close()
    await new Promise<void>((resolve) => app.httpServer.close(() => resolve()))
  }
  return {
    app,
    baseUrl,
    dataFile,
    stop,
    restart: async () => {
      await stop()
      return serve({ ...options, port }, dataFile, cleanup)
    },
    close: async () => {
      await stop()
      cleanup()
    },
  }
}

/** A started server whose restarts the test's cleanups close too; read `server` for the one running now. */
export async function restartableServer(cleanups: (() => unknown)[]) {
  let server = await startTestServer()
  cleanups.push(() => server.close())
  return {
    get server() {
      return server
    },
    async restart() {
      server = await server.restart()
      cleanups.push(() => server.close())
      return server
    },
  }
}
