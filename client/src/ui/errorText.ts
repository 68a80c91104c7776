const KNOWN = new Set([
  'session_not_found',
  'session_closed',
  'session_not_open',
  'too_many_attempts',
  'network',
  'bad_request',
  'unauthorized',
  'forbidden',
  'timeout',
])

/**
 * A person-readable, translated message for an error code; server messages are English-only, so we map codes.
 * `t` is i18next's, or the light pages' key-to-text function (given `(key) => key`, this returns the message's key).
 */
export function errorText(t: (key: string) => string, code: string | undefined): string {
  return code && KNOWN.has(code) ? t(`errors.${code}`) : t('errors.generic')
}
