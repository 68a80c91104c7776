import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'

const ROOT = process.cwd()
const BUILT_INDEX = join(ROOT, 'dist/client/index.html')
const SOURCES = ['client', 'shared', 'vite.config.ts']

const newestMtime = (path: string): number => {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/** Builds the client once before the browser tests, unless dist/client is newer than every source file. */
export default async function setup(): Promise<void> {
  const builtAt = existsSync(BUILT_INDEX) ? statSync(BUILT_INDEX).mtimeMs : 0
  const sourcesAt = Math.max(...SOURCES.map((source) => newestMtime(join(ROOT, source))))
  if (builtAt > sourcesAt) return
  // Vitest sets NODE_ENV=test, which would bundle React's development build; build what users get.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({ configFile: join(ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'warn' })
  } finally {
    process.env.NODE_ENV = nodeEnv
  }
}
