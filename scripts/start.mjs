// `npm start`: builds the client when it is missing or older than its sources, bundles the server, then runs it.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { constants } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildServer, SERVER_ENTRY, SERVER_V8_OPTIONS } from './buildServer.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** Sources the client build depends on. */
const SOURCE_DIRS = ['client', 'shared']
/** Files at the top level that change the build output too. */
const SOURCE_FILES = ['vite.config.ts', 'package.json']
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist'])

/** The newest modification time of any file under a directory, in ms; 0 when there is none. */
export function newestMtimeMs(dir) {
  let newest = 0
  if (!existsSync(dir)) return newest
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) newest = Math.max(newest, newestMtimeMs(path))
    } else if (entry.isFile()) {
      newest = Math.max(newest, statSync(path).mtimeMs)
    }
  }
  return newest
}

/** Why the client must be (re)built, or null when dist is up to date. */
export function buildReason(projectRoot, clientDir) {
  const index = join(clientDir, 'index.html')
  if (!existsSync(index)) return `${index} is missing`
  const builtAt = statSync(index).mtimeMs
  const sourcesAt = Math.max(
    ...SOURCE_DIRS.map((d) => newestMtimeMs(join(projectRoot, d))),
    ...SOURCE_FILES.map((f) => {
      const path = join(projectRoot, f)
      return existsSync(path) ? statSync(path).mtimeMs : 0
    }),
  )
  return sourcesAt > builtAt ? 'client sources changed since the last build' : null
}

async function main() {
  // Serve what we build: a CLIENT_DIR elsewhere is the operator's own build, which we leave alone.
  const clientDir = resolve(root, process.env.CLIENT_DIR || 'dist/client')
  const ownBuild = clientDir === resolve(root, 'dist/client')
  const reason = ownBuild ? buildReason(root, clientDir) : null
  if (reason) {
    console.log(`Building the client (${reason})...`)
    const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js')
    const build = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' })
    if (build.status !== 0) {
      console.error('The client build failed; see the messages above.')
      process.exit(build.status ?? 1)
    }
  }

  await buildServer()
  const child = spawn(process.execPath, ['--enable-source-maps', ...SERVER_V8_OPTIONS, SERVER_ENTRY], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  })
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    })
  }
  child.on('error', (error) => {
    console.error(`Could not start the server: ${error.message}`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => {
    if (code !== null) process.exit(code)
    // The server died of a signal it did not handle: report it the shell's way.
    process.exit(128 + (constants.signals[signal] ?? 1))
  })
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
