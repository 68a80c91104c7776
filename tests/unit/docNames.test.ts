import { describe, expect, it } from 'vitest'
import { newId } from '../../server/domain/secrets.ts'
import {
  DOC_NAME_MAX_CHARS,
  groupDocName,
  parkingDocName,
  parseDocName,
  summaryDocName,
} from '../../shared/docNames.ts'

describe('document names', () => {
  it('round-trip through format and parse', () => {
    const sessionId = newId()
    const groupId = newId()
    expect(parseDocName(parkingDocName(sessionId))).toEqual({ kind: 'parking', sessionId })
    expect(parseDocName(summaryDocName(sessionId))).toEqual({ kind: 'summary', sessionId })
    expect(parseDocName(groupDocName(sessionId, groupId))).toEqual({ kind: 'group', sessionId, groupId })
  })

  it('accept ids at the longest allowed length, and fit the payload limit', () => {
    const id = 'a'.repeat(40)
    const name = groupDocName(id, id)
    expect(parseDocName(name)).toEqual({ kind: 'group', sessionId: id, groupId: id })
    expect(name.length).toBeLessThanOrEqual(DOC_NAME_MAX_CHARS)
  })

  it.each([
    '',
    'parking',
    's/abc',
    's/abc/',
    's//parking',
    's/abc/notes',
    's/abc/g/',
    's/abc/g',
    's/abc/g/x/y',
    's/abc/parking/',
    '/s/abc/parking',
    's/abc/parking?x=1',
    's/abc/Parking',
    'S/abc/parking',
    's/../parking',
    's/a.b/parking',
    's/a b/parking',
    's/a%2Fb/parking',
    's/abc/parking\n',
    's/abc/summary/extra',
    `s/${'a'.repeat(41)}/parking`,
    `s/abc/g/${'a'.repeat(41)}`,
    's/ábc/parking',
  ])('reject %j', (name) => {
    expect(parseDocName(name)).toBeNull()
  })
})
