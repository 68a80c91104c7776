import { describe, expect, it } from 'vitest'
import { newJoinCode } from '../../server/domain/secrets.ts'
import { isJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normalizeJoinCode } from '../../shared/joinCode.ts'

describe('join-code alphabet', () => {
  it('has no look-alike characters', () => {
    for (const c of ['0', 'O', '1', 'I', 'L']) expect(JOIN_CODE_ALPHABET).not.toContain(c)
  })

  it('holds only digits and capitals, each once', () => {
    expect(JOIN_CODE_ALPHABET).toMatch(/^[2-9A-Z]+$/)
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length)
    // 31 symbols over 6 characters: close to 900 million codes.
    expect(JOIN_CODE_ALPHABET.length).toBe(31)
  })

  it('makes codes of six characters', () => {
    expect(JOIN_CODE_LENGTH).toBe(6)
  })
})

describe('newJoinCode', () => {
  const codes = Array.from({ length: 2000 }, () => newJoinCode())

  it('generates codes of the right length from the alphabet only', () => {
    for (const code of codes) {
      expect(code).toHaveLength(JOIN_CODE_LENGTH)
      for (const c of code) expect(JOIN_CODE_ALPHABET).toContain(c)
      expect(isJoinCode(code)).toBe(true)
    }
  })

  it('uses most of the alphabet and rarely repeats', () => {
    const used = new Set(codes.join(''))
    expect(used.size).toBe(JOIN_CODE_ALPHABET.length)
    expect(new Set(codes).size).toBeGreaterThan(codes.length - 5)
  })
})

describe('normalizeJoinCode', () => {
  it('upper-cases lowercase input', () => {
    expect(normalizeJoinCode('abc234')).toBe('ABC234')
  })

  it('drops spaces and dashes people add while reading a code aloud', () => {
    expect(normalizeJoinCode(' abc-234 ')).toBe('ABC234')
    expect(normalizeJoinCode('AB C2 34')).toBe('ABC234')
    expect(normalizeJoinCode('ab\tc-2-34\n')).toBe('ABC234')
  })

  it('accepts a normalised code typed loosely', () => {
    expect(isJoinCode(normalizeJoinCode('xy7-k9m'))).toBe(true)
  })
})

describe('isJoinCode', () => {
  it('rejects look-alikes, wrong lengths and foreign characters', () => {
    expect(isJoinCode('ABC23O')).toBe(false)
    expect(isJoinCode('ABC230')).toBe(false)
    expect(isJoinCode('ABC23I')).toBe(false)
    expect(isJoinCode('ABC23L')).toBe(false)
    expect(isJoinCode('ABC231')).toBe(false)
    expect(isJoinCode('ABC23')).toBe(false)
    expect(isJoinCode('ABC2345')).toBe(false)
    expect(isJoinCode('abc234')).toBe(false)
    expect(isJoinCode('ABC 34')).toBe(false)
    expect(isJoinCode('ABC-34')).toBe(false)
    expect(isJoinCode('')).toBe(false)
  })
})
