import pino from 'pino'

/** The structured logger. It must never receive tokens, note content or IP addresses. */
export type Logger = pino.Logger

/** A JSON logger; the redact list is a second line of defence behind not logging such fields at all. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: ['token', '*.token', 'auth', '*.auth', 'ip', '*.ip', 'headers', '*.headers'],
      remove: true,
    },
  })
}
