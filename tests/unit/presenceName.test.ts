import { describe, expect, it } from 'vitest'
import { awarenessName } from '../../client/src/net/useNotesPresence.ts'

describe("a person's name in awareness", () => {
  it('is the name the server wrote', () => {
    expect(awarenessName('Ana', 7)).toBe('Ana')
  })

  it("is none in an anonymous session, even after y-prosemirror's caret plugin filled in its placeholder", () => {
    expect(awarenessName(null, 7)).toBeNull()
    expect(awarenessName('User: 7', 7)).toBeNull()
    expect(awarenessName('  ', 7)).toBeNull()
  })

  it('keeps a real name that only looks like a placeholder of another client', () => {
    expect(awarenessName('User: 8', 7)).toBe('User: 8')
  })
})
