/** A random id from crypto.getRandomValues, which works outside secure contexts (unlike crypto.randomUUID). */
export function randomId(bytes = 12): string {
  const buffer = new Uint8Array(bytes)
  crypto.getRandomValues(buffer)
  let out = ''
  for (const byte of buffer) out += byte.toString(16).padStart(2, '0')
  return out
}
