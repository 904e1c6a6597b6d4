import { isPinLockedAt } from '../../../src/domain/pin'
import { isAnonymous, isSessionValidAt } from '../../../src/domain/session'

describe('session and PIN', () => {
  test('validity and anonymity', () => {
    const session = { token: 't', expiresAt: 100 }
    expect(isAnonymous(session)).toBe(true)
    expect(isSessionValidAt(session, 99)).toBe(true)
    expect(isSessionValidAt(session, 100)).toBe(false)
    expect(isAnonymous({ ...session, user: { id: '1', name: 'A', role: 'customer' } })).toBe(false)
  })

  test('a PIN lock until a time', () => {
    expect(isPinLockedAt({ enabled: true, failedAttempts: 0, lockedUntil: 50 }, 49)).toBe(true)
    expect(isPinLockedAt({ enabled: true, failedAttempts: 0, lockedUntil: 50 }, 50)).toBe(false)
    expect(isPinLockedAt({ enabled: true, failedAttempts: 2, lockedUntil: null }, 0)).toBe(false)
  })
})
