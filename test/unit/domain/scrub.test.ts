import { isTrickPlayAllowed, trickPlayRules } from '../../../src/domain/scrub'

describe('trick-play rules from the subscription settings', () => {
  test('without settings or override, the channel`s rules apply (allowed unless it says no)', () => {
    expect(trickPlayRules(undefined)).toEqual({
      pause: { allowed: true },
      forward: { allowed: true },
      backward: { allowed: true },
    })
    expect(trickPlayRules({ override: false, forward: false }, { backward: false })).toEqual({
      pause: { allowed: true },
      forward: { allowed: true },
      backward: { allowed: false, reason: 'channel' },
    })
  })

  test('with override, the subscription`s values replace the channel`s', () => {
    const rules = trickPlayRules(
      { override: true, forward: false, pause: true },
      { pause: false, backward: false },
    )
    expect(rules.forward).toEqual({ allowed: false, reason: 'subscription' })
    expect(rules.pause).toEqual({ allowed: true })
    // A value the server left out falls back to the channel.
    expect(rules.backward).toEqual({ allowed: false, reason: 'channel' })
    expect(isTrickPlayAllowed(rules, 'pause')).toBe(true)
    expect(isTrickPlayAllowed(rules, 'forward')).toBe(false)
  })
})
