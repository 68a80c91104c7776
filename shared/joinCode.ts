/** Join-code characters: digits and capitals without look-alikes (0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
/** Characters in a join code. */
export const JOIN_CODE_LENGTH = 6

const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`)

/** Upper-cases a typed code and drops spaces and dashes people add while reading it aloud. */
export function normalizeJoinCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '')
}

/** Whether a normalised code could be a join code at all. */
export function isJoinCode(code: string): boolean {
  return JOIN_CODE_PATTERN.test(code)
}
