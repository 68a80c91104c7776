import { networkInterfaces } from 'node:os'

/** The first non-internal IPv4 address of this machine, which phones on the same Wi-Fi can reach. */
export function lanAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address
  }
  return null
}

/** Whether a URL points at this machine only. */
export function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname
  return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.')
}
