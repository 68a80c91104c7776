import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { SERVER_ENTRY, SERVER_V8_OPTIONS } from '../../scripts/buildServer.mjs'
import { sleep, type TargetName, usesTunnel } from './common.ts'
import { RssPeak } from './proc.ts'

export const ROOT = resolve(import.meta.dirname, '../..')

/** Every child process started here, so an exit or an error can stop them all. */
export const children = new Set<ChildProcess>()

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolvePort(port))
    })
  })
}

export interface ServerOptions {
  port: number
  dataDir: string
  /** The profiles folder: the server writes a V8 CPU profile to its `server/<target>` folder when it stops. */
  cpuProfDir?: string
  /** The built client Convene serves (dist/client); by default none, the API and sockets only. */
  clientDir?: string
}

/** A server child process. */
export class ServerProcess {
  private child: ChildProcess
  private readonly stderr: string[] = []
  exited: Promise<number | null>

  private constructor(
    readonly target: TargetName,
    readonly options: ServerOptions,
  ) {
    this.child = this.spawn()
    this.exited = this.watch()
  }

  /** Starts a server and waits until it answers HTTP. */
  static async start(target: TargetName, options: ServerOptions): Promise<ServerProcess> {
    const server = new ServerProcess(target, options)
    await server.ready()
    return server
  }

  get pid(): number {
    return this.child.pid as number
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.options.port}`
  }

  /** The URL clients use: HTTP for Socket.IO (Convene, the Socket.IO relay), ws:// for the other peers. */
  get clientUrl(): string {
    return usesTunnel(this.target) ? this.baseUrl : `ws://127.0.0.1:${this.options.port}`
  }

  /** The last lines the server wrote to stderr, for error reports. */
  get lastErrors(): string {
    return this.stderr.join('').slice(-2000)
  }

  private spawn(): ChildProcess {
    const { port, dataDir, cpuProfDir, clientDir } = this.options
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1' }
    const profDir = cpuProfDir && join(cpuProfDir, 'server', this.target)
    if (profDir) mkdirSync(profDir, { recursive: true })
    const prof = profDir ? ['--cpu-prof', '--cpu-prof-dir', profDir] : []
    let args: string[]
    switch (this.target) {
      case 'convene': {
        Object.assign(env, {
          DATA_DIR: dataDir,
          LOG_LEVEL: 'warn',
          CLIENT_DIR: clientDir ?? join(dataDir, 'no-client'),
          PUBLIC_URL: this.baseUrl,
        })
        args = [...SERVER_V8_OPTIONS, SERVER_ENTRY]
        break
      }
      case 'y-websocket':
        args = [
          '--import',
          './bench/servers/exitOnTerm.mjs',
          'node_modules/y-websocket-classic/bin/server.js',
        ]
        break
      case 'hocuspocus':
      case 'hocuspocus-sqlite':
        if (this.target === 'hocuspocus-sqlite') env.SQLITE_FILE = join(dataDir, 'hocuspocus.sqlite')
        args = ['--import', 'tsx', 'bench/servers/hocuspocus.ts']
        break
      case 'ws-relay':
        args = ['--import', 'tsx', 'bench/servers/relay.ts']
        break
      case 'socketio-relay':
        args = ['--import', 'tsx', 'bench/servers/socketioRelay.ts']
        break
      case 'socketio-store':
        // Convene's V8 options, so that beside Convene only the code differs.
        env.SQLITE_FILE = join(dataDir, 'socketio-store.sqlite')
        args = [...SERVER_V8_OPTIONS, '--import', 'tsx', 'bench/servers/socketioStore.ts']
        break
    }
    const child = spawn(process.execPath, [...prof, ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr.push(chunk.toString())
      if (this.stderr.length > 50) this.stderr.shift()
    })
    children.add(child)
    return child
  }

  private watch(): Promise<number | null> {
    const child = this.child
    return new Promise((resolveExit) =>
      child.once('exit', (code) => {
        children.delete(child)
        resolveExit(code)
      }),
    )
  }

  /** Polls until the server answers, for at most 30 s. */
  async ready(): Promise<void> {
    const path = this.target === 'convene' ? '/healthz' : '/'
    const deadline = Date.now() + 30_000
    let exited = false
    void this.exited.then(() => {
      exited = true
    })
    while (Date.now() < deadline && !exited) {
      try {
        const res = await fetch(`${this.baseUrl}${path}`)
        await res.arrayBuffer()
        if (res.status < 500) return
      } catch {
        // not listening yet
      }
      await sleep(50)
    }
    throw new Error(`${this.target} did not start on port ${this.options.port}: ${this.lastErrors}`)
  }

  /** SIGKILL, as a crash or an OOM kill would. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL')
    await this.exited
  }

  /** Starts the same server again on the same port and data. */
  async restart(): Promise<void> {
    this.child = this.spawn()
    this.exited = this.watch()
    await this.ready()
  }

  /** SIGTERM, then SIGKILL after 10 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return
    this.child.kill('SIGTERM')
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000)
    await this.exited
    clearTimeout(timer)
  }
}

/** A server under test, its peak RSS sampled from its start, and its temporary data directory. */
export interface ServerRun {
  server: ServerProcess
  rss: RssPeak
  dataDir: string
}

/**
 * Starts a server on a free port and a fresh data directory (`convene-bench-<label>-*` in the temp dir), runs `use`,
 * then stops the server and removes its data, whatever happened.
 */
export async function withServer<T>(
  target: TargetName,
  label: string,
  options: Omit<ServerOptions, 'port' | 'dataDir'>,
  use: (run: ServerRun) => Promise<T>,
): Promise<T> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), `convene-bench-${label}-`))
  let server: ServerProcess | null = null
  const rss = new RssPeak(() => server?.pid ?? null)
  try {
    server = await ServerProcess.start(target, { port, dataDir, ...options })
    rss.start()
    return await use({ server, rss, dataDir })
  } finally {
    rss.stop()
    await server?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
