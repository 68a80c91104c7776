import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../shared/limits.ts'
import {
  docNameSchema,
  docOpenSchema,
  inviteCreateSchema,
  inviteRevokeSchema,
  participantRemoveSchema,
  sessionStatusChangeSchema,
  updateSessionSchema,
} from '../../shared/protocol.ts'
import { createSessionSchema, joinSessionSchema } from '../../shared/session.ts'

const long = (n: number) => 'x'.repeat(n)

describe('createSessionSchema', () => {
  it('accepts a title alone and fills in defaults', () => {
    const parsed = createSessionSchema.parse({ title: '  Community Conversation  ' })
    expect(parsed).toEqual({
      title: 'Community Conversation',
      welcome: '',
      sectors: [],
      anonymity: 'sector',
      wifi: null,
      defaultLanguage: 'en',
      draft: false,
    })
  })

  it('accepts every field at its limit', () => {
    const parsed = createSessionSchema.safeParse({
      title: long(LIMITS.titleMaxChars),
      welcome: long(LIMITS.welcomeMaxChars),
      sectors: Array.from({ length: LIMITS.sectorsMax }, (_, i) => `Sector ${i}`),
      anonymity: 'anonymous',
      wifi: { ssid: long(LIMITS.wifiFieldMaxChars), password: long(LIMITS.wifiFieldMaxChars) },
      defaultLanguage: 'es',
      draft: true,
    })
    expect(parsed.success).toBe(true)
  })

  it.each([
    ['a missing title', {}],
    ['an empty title', { title: '' }],
    ['a blank title', { title: '   ' }],
    ['a title that is not a string', { title: 42 }],
    ['a title that is too long', { title: long(LIMITS.titleMaxChars + 1) }],
    ['a welcome that is too long', { title: 'T', welcome: long(LIMITS.welcomeMaxChars + 1) }],
    ['an unknown anonymity', { title: 'T', anonymity: 'secret' }],
    ['anonymity in the wrong case', { title: 'T', anonymity: 'Named' }],
    [
      'too many sectors',
      { title: 'T', sectors: Array.from({ length: LIMITS.sectorsMax + 1 }, (_, i) => `S${i}`) },
    ],
    ['an empty sector', { title: 'T', sectors: ['Faith', ' '] }],
    ['a sector that is too long', { title: 'T', sectors: [long(LIMITS.sectorMaxChars + 1)] }],
    ['sectors that are not a list', { title: 'T', sectors: 'Faith, Police' }],
    ['a Wi-Fi without a name', { title: 'T', wifi: { ssid: '', password: 'p' } }],
    ['a Wi-Fi password that is too long', { title: 'T', wifi: { ssid: 'Hall', password: long(64) } }],
    ['an unsupported language', { title: 'T', defaultLanguage: 'fr' }],
    ['a draft flag that is not a boolean', { title: 'T', draft: 'yes' }],
    ['a body that is not an object', 'title'],
    ['null', null],
  ])('rejects %s', (_label, body) => {
    expect(createSessionSchema.safeParse(body).success).toBe(false)
  })
})

describe('joinSessionSchema', () => {
  it('accepts a code alone, and trims names', () => {
    expect(joinSessionSchema.parse({ joinCode: 'abc-234' })).toEqual({ joinCode: 'abc-234' })
    expect(joinSessionSchema.parse({ joinCode: 'ABC234', displayName: '  Ana  ', language: 'es' })).toEqual({
      joinCode: 'ABC234',
      displayName: 'Ana',
      language: 'es',
    })
  })

  it.each([
    ['a missing code', {}],
    ['an empty code', { joinCode: '' }],
    ['a code that is not a string', { joinCode: 123456 }],
    ['a code that is absurdly long', { joinCode: long(33) }],
    [
      'a display name that is too long',
      { joinCode: 'ABC234', displayName: long(LIMITS.displayNameMaxChars + 1) },
    ],
    ['a sector that is too long', { joinCode: 'ABC234', sector: long(LIMITS.sectorMaxChars + 1) }],
    ['an unsupported language', { joinCode: 'ABC234', language: 'de' }],
    ['a display name that is not a string', { joinCode: 'ABC234', displayName: { name: 'x' } }],
  ])('rejects %s', (_label, body) => {
    expect(joinSessionSchema.safeParse(body).success).toBe(false)
  })
})

describe('protocol schemas', () => {
  it('accept well-formed payloads', () => {
    expect(docOpenSchema.safeParse({ doc: 's/abc/parking' }).success).toBe(true)
    expect(participantRemoveSchema.safeParse({ participantId: 'p1' }).success).toBe(true)
    expect(inviteCreateSchema.parse({ role: 'cofacilitator' })).toEqual({ role: 'cofacilitator', label: '' })
    expect(inviteRevokeSchema.safeParse({ inviteId: 'i1' }).success).toBe(true)
    expect(sessionStatusChangeSchema.safeParse({ status: 'closed' }).success).toBe(true)
    expect(updateSessionSchema.safeParse({}).success).toBe(true)
    expect(updateSessionSchema.safeParse({ anonymity: 'anonymous' }).success).toBe(true)
  })

  it('reject document names that are empty, too long or not strings', () => {
    expect(docNameSchema.safeParse('').success).toBe(false)
    expect(docNameSchema.safeParse(long(101)).success).toBe(false)
    expect(docOpenSchema.safeParse({}).success).toBe(false)
    expect(docOpenSchema.safeParse({ doc: 7 }).success).toBe(false)
    expect(docOpenSchema.safeParse('s/abc/parking').success).toBe(false)
  })

  it('reject bad participant and invite ids', () => {
    expect(participantRemoveSchema.safeParse({}).success).toBe(false)
    expect(participantRemoveSchema.safeParse({ participantId: '' }).success).toBe(false)
    expect(participantRemoveSchema.safeParse({ participantId: long(65) }).success).toBe(false)
    expect(inviteRevokeSchema.safeParse({ inviteId: '' }).success).toBe(false)
    expect(inviteRevokeSchema.safeParse({ inviteId: null }).success).toBe(false)
  })

  it('reject invites for roles that cannot be invited', () => {
    expect(inviteCreateSchema.safeParse({ role: 'facilitator' }).success).toBe(false)
    expect(inviteCreateSchema.safeParse({ role: 'participant' }).success).toBe(false)
    expect(inviteCreateSchema.safeParse({}).success).toBe(false)
    expect(
      inviteCreateSchema.safeParse({ role: 'projector', label: long(LIMITS.inviteLabelMaxChars + 1) })
        .success,
    ).toBe(false)
  })

  it('omits settings a partial change does not mention instead of filling in their defaults', () => {
    // session:update merges the parsed change over the stored session, so a default here would overwrite a
    // setting the facilitator did not touch, e.g. loosen 'anonymous' back to 'sector'.
    expect(updateSessionSchema.parse({ title: 'New title' })).toEqual({ title: 'New title' })
    expect(updateSessionSchema.parse({})).toEqual({})
  })

  it('reject unknown statuses and bad settings changes', () => {
    expect(sessionStatusChangeSchema.safeParse({ status: 'paused' }).success).toBe(false)
    expect(sessionStatusChangeSchema.safeParse({}).success).toBe(false)
    expect(updateSessionSchema.safeParse({ title: '' }).success).toBe(false)
    expect(updateSessionSchema.safeParse({ anonymity: 'hidden' }).success).toBe(false)
    expect(
      updateSessionSchema.safeParse({ sectors: Array.from({ length: LIMITS.sectorsMax + 1 }, () => 's') })
        .success,
    ).toBe(false)
  })
})
