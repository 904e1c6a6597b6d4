/** @jest-environment node */
import { STATUS_CODE, envelopeError } from '../../../src/api/envelope'

describe('LoginLocked (StatusCode 47)', () => {
  it('is a typed "locked" error carrying until when, as a number', () => {
    const e = envelopeError(47, 'Too many wrong passwords', { LockedUntil: 1_750_000_030 }, 'Login')
    expect(e).toMatchObject({ kind: 'locked', code: STATUS_CODE.LoginLocked, lockedUntil: 1_750_000_030 })
    // Liberal in what it accepts: a time sent as a numeric string is read too.
    expect(envelopeError(47, '', { LockedUntil: '1750000030', Extra: true }, 'Login')).toMatchObject({
      kind: 'locked',
      lockedUntil: 1_750_000_030,
    })
  })

  it('without a time is a protocol error: the viewer could not be told when to try again', () => {
    expect(envelopeError(47, 'locked', null, 'Login')).toMatchObject({ kind: 'protocol' })
    expect(envelopeError(47, 'locked', { LockedUntil: 'soon' }, 'Login')).toMatchObject({ kind: 'protocol' })
  })
})
