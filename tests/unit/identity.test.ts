import { describe, expect, it } from 'vitest'
import {
  canFacilitate,
  type Identity,
  publicLabel,
  publicSector,
  toMe,
} from '../../server/domain/identity.ts'
import { ROLES } from '../../shared/session.ts'

const ana = { displayName: 'Ana', sector: 'Faith groups' }
const nameOnly = { displayName: 'Ana', sector: null }
const sectorOnly = { displayName: null, sector: 'Police' }
const nobody = { displayName: null, sector: null }

describe('publicLabel', () => {
  it('shows the name, or the sector when there is no name, in named sessions', () => {
    expect(publicLabel('named', ana)).toBe('Ana')
    expect(publicLabel('named', nameOnly)).toBe('Ana')
    expect(publicLabel('named', sectorOnly)).toBe('Police')
    expect(publicLabel('named', nobody)).toBeNull()
  })

  it('shows only the sector in sector-only sessions, never the name', () => {
    expect(publicLabel('sector', ana)).toBe('Faith groups')
    expect(publicLabel('sector', nameOnly)).toBeNull()
    expect(publicLabel('sector', sectorOnly)).toBe('Police')
  })

  it('shows nothing in anonymous sessions', () => {
    expect(publicLabel('anonymous', ana)).toBeNull()
    expect(publicLabel('anonymous', nameOnly)).toBeNull()
    expect(publicLabel('anonymous', sectorOnly)).toBeNull()
  })

  it('treats an empty name as no name', () => {
    expect(publicLabel('named', { displayName: '', sector: 'Police' })).toBe('Police')
  })
})

describe('publicSector', () => {
  it('hides the sector only in anonymous sessions', () => {
    expect(publicSector('named', 'Police')).toBe('Police')
    expect(publicSector('sector', 'Police')).toBe('Police')
    expect(publicSector('anonymous', 'Police')).toBeNull()
  })
})

describe('canFacilitate', () => {
  it('is true for facilitators and co-facilitators only', () => {
    const facilitating = ROLES.filter(canFacilitate)
    expect(facilitating).toEqual(['facilitator', 'cofacilitator'])
  })
})

describe('toMe', () => {
  it("labels a participant by the session's anonymity", () => {
    const identity: Identity = {
      sessionId: 's',
      role: 'participant',
      id: 'p',
      displayName: 'Ana',
      sector: 'Police',
    }
    expect(toMe(identity, 'named').label).toBe('Ana')
    expect(toMe(identity, 'sector').label).toBe('Police')
    expect(toMe(identity, 'anonymous').label).toBeNull()
    expect(toMe(identity, 'anonymous')).toMatchObject({ role: 'participant', id: 'p' })
  })

  it('labels a role link by its own label whatever the anonymity', () => {
    const identity: Identity = {
      sessionId: 's',
      role: 'cofacilitator',
      id: 'r',
      displayName: 'Sam',
      sector: null,
    }
    expect(toMe(identity, 'anonymous').label).toBe('Sam')
  })
})
