import { apiError } from '../../../../src/api/errors'
import { formatTime } from '../../../../src/ui/format'
import { signInMessage } from '../../../../src/ui/signin/signInMessage'

describe('what the sign-in page says when signing in fails', () => {
  it('names the time a lock ends, rounded up to the minute', () => {
    // 1_750_000_020 is 15:07:00 UTC; ten seconds later must read as the next minute.
    const locked = (lockedUntil: number) =>
      signInMessage(apiError({ kind: 'locked', reason: 'locked', code: 47, lockedUntil }))
    expect(locked(1_750_000_020)).toEqual({
      key: 'signin.error.locked',
      values: { time: formatTime(1_750_000_020) },
    })
    expect(locked(1_750_000_030)).toEqual({
      key: 'signin.error.locked',
      values: { time: formatTime(1_750_000_080) },
    })
  })

  it('says a wrong password, no connection, or something else', () => {
    expect(signInMessage(apiError({ kind: 'auth', reason: 'Wrong username or password', code: 30 }))).toEqual(
      {
        key: 'signin.error.wrong',
      },
    )
    expect(signInMessage(apiError({ kind: 'network', reason: 'offline' }))).toEqual({
      key: 'signin.error.offline',
    })
    expect(signInMessage(apiError({ kind: 'timeout', reason: 'slow', timeoutMs: 1000 }))).toEqual({
      key: 'signin.error.offline',
    })
    expect(signInMessage(apiError({ kind: 'server', reason: 'boom', code: 50 }))).toEqual({
      key: 'signin.error.other',
    })
    expect(signInMessage(new Error('not from the API'))).toEqual({ key: 'signin.error.other' })
  })
})
