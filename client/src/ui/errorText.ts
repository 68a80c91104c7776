import type { TFunction } from 'i18next'

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

/** A person-readable, translated message for an error code; server messages are English-only, so we map codes. */
export function errorText(t: TFunction, code: string | undefined): string {
  return code && KNOWN.has(code) ? t(`errors.${code}`) : t('errors.generic')
}
