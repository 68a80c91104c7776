import { createHash, randomBytes, randomInt } from 'node:crypto'
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../shared/joinCode.ts'

/** Bytes of randomness in a token: 256 bits, well above the 128 the design asks for. */
export const TOKEN_BYTES = 32

/** A new bearer token for a participant or a role link. */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url')
}

/** How a token is stored: only its SHA-256, so a copy of the database grants nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url')
}

/** A short random id for rows and document names. */
export function newId(): string {
  return randomBytes(12).toString('base64url')
}

/** A random join code from the look-alike-free alphabet. */
export function newJoinCode(): string {
  let code = ''
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]
  return code
}

/** Whether a string has the shape of one of our tokens, before any lookup. */
export function looksLikeToken(token: unknown): token is string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token)
}
