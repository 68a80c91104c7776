import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'

/** A Convene server running as its own process, so tests can kill it for real. */
export interface ChildServer {
  baseUrl: string
  /** Ends the process with SIGKILL: no shutdown hook runs. */
  kill(): Promise<void>
  /** Starts a new process on the same data directory and port. */
  start(): Promise<void>
}

/** A free loopback port, found by binding port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

/** Runs `server/index.ts` in a child process on 127.0.0.1. */
export async function startChildServer(dataDir: string): Promise<ChildServer> {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  let child: ChildProcess | null = null
  const start = async () => {
    child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../server/index.ts')], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        PUBLIC_URL: baseUrl,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    const deadline = Date.now() + 20_000
    for (;;) {
      try {
        if ((await fetch(`${baseUrl}/healthz`)).ok) return
      } catch {
        if (Date.now() > deadline) throw new Error('child server did not start')
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    }
  }
  await start()
  return {
    baseUrl,
    start,
    kill: () =>
      new Promise((resolve) => {
        if (!child || child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGKILL')
      }),
  }
}
