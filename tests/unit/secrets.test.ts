import { describe, expect, it } from 'vitest'
import { hashToken, looksLikeToken, newId, newToken, TOKEN_BYTES } from '../../server/domain/secrets.ts'

describe('newToken', () => {
  it('carries at least 128 bits: 32 random bytes as 43 base64url characters', () => {
    expect(TOKEN_BYTES * 8).toBeGreaterThanOrEqual(128)
    const token = newToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(token, 'base64url')).toHaveLength(TOKEN_BYTES)
  })

  it('never repeats', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newToken()))
    expect(tokens.size).toBe(1000)
  })

  it('is safe to put in a URL fragment without escaping', () => {
    const token = newToken()
    expect(encodeURIComponent(token)).toBe(token)
  })
})

describe('hashToken', () => {
  it('is deterministic', () => {
    const token = newToken()
    expect(hashToken(token)).toBe(hashToken(token))
  })

  it('is not the token and differs between tokens', () => {
    const a = newToken()
    const b = newToken()
    expect(hashToken(a)).not.toBe(a)
    expect(hashToken(a)).not.toContain(a)
    expect(hashToken(a)).not.toBe(hashToken(b))
  })

  it('is a SHA-256 digest (32 bytes)', () => {
    expect(Buffer.from(hashToken(newToken()), 'base64url')).toHaveLength(32)
  })
})

describe('looksLikeToken', () => {
  it('accepts freshly made tokens', () => {
    for (let i = 0; i < 100; i++) expect(looksLikeToken(newToken())).toBe(true)
  })

  it('rejects wrong shapes and non-strings', () => {
    const token = newToken()
    expect(looksLikeToken(token.slice(1))).toBe(false)
    expect(looksLikeToken(`${token}A`)).toBe(false)
    expect(looksLikeToken(`${token.slice(1)}=`)).toBe(false)
    expect(looksLikeToken(`${token.slice(1)}+`)).toBe(false)
    expect(looksLikeToken(`${token.slice(1)}/`)).toBe(false)
    expect(looksLikeToken(` ${token.slice(1)}`)).toBe(false)
    expect(looksLikeToken('')).toBe(false)
    expect(looksLikeToken(undefined)).toBe(false)
    expect(looksLikeToken(null)).toBe(false)
    expect(looksLikeToken(42)).toBe(false)
    expect(looksLikeToken({ token })).toBe(false)
    expect(looksLikeToken([token])).toBe(false)
  })

  it('rejects row ids, which are shorter than tokens', () => {
    expect(looksLikeToken(newId())).toBe(false)
  })
})

describe('newId', () => {
  it('is short, URL-safe and fits document names', () => {
    const id = newId()
    expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/)
  })
})
