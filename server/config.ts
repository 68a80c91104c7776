import { resolve } from 'node:path'

/** Instance settings, read from the environment by index.ts only. */
export interface Config {
  port: number
  host: string
  dataDir: string
  /** The URL phones use, when the server sits behind a proxy or a name; otherwise the LAN address is used. */
  publicUrl: string | null
  /** Extra origins allowed to open a Socket.IO connection; the server's own origin is always allowed. */
  allowedOrigins: string[]
  /** Express's trust proxy setting, so the join limiter sees real client addresses behind a reverse proxy. */
  trustProxy: boolean | number | string
  logLevel: string
  /** Where the built client lives. */
  clientDir: string
  /** Turns the admin page on when set; whoever holds it sees every session on the instance. */
  adminToken: string | null
  /** Hours without activity after which a session closes by itself. */
  closeAfterHours: number
  /** Days after closing that a session is purged, unless it chose otherwise. */
  purgeAfterDays: number
}

/** Reads the configuration, with defaults that run on a laptop. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  return {
    port: integer(env.PORT, 3000),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || './data'),
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    logLevel: env.LOG_LEVEL || 'info',
    clientDir: resolve(env.CLIENT_DIR || './dist/client'),
    adminToken: env.ADMIN_TOKEN?.trim() || null,
    closeAfterHours: positive(env.RETENTION_CLOSE_AFTER_HOURS, 24),
    purgeAfterDays: positive(env.RETENTION_PURGE_AFTER_DAYS, 30),
  }
}

function integer(raw: string | undefined, fallback: number): number {
  const n = Number(raw)
  return raw && Number.isInteger(n) && n >= 0 ? n : fallback
}

function positive(raw: string | undefined, fallback: number): number {
  const n = Number(raw)
  return raw && Number.isFinite(n) && n > 0 ? n : fallback
}

function parseTrustProxy(raw: string | undefined): boolean | number | string {
  if (!raw || raw === 'false') return false
  if (raw === 'true') return true
  const hops = Number(raw)
  return Number.isInteger(hops) ? hops : raw
}
