import {
  isProgrammeLocked,
  locksNothing,
  RATINGS,
  ratingOf,
  runningUnlocks,
  stepRating,
  type ParentalControl,
} from '../../../src/domain/parental'

const T = 1_750_000_000
const ON: ParentalControl = { enabled: true, maxRating: 16, pinEnabled: true }
const none = new Map<string, number>()

describe('which programme is locked', () => {
  it('one rated above the limit, while the control and the PIN are on', () => {
    expect(isProgrammeLocked({ id: 'p', rating: 18 }, ON, none, T)).toBe(true)
    expect(isProgrammeLocked({ id: 'p', rating: 16 }, ON, none, T)).toBe(false)
    expect(isProgrammeLocked({ id: 'p', rating: 0 }, ON, none, T)).toBe(false)
    expect(isProgrammeLocked({ id: 'p', rating: 12 }, { ...ON, maxRating: 6 }, none, T)).toBe(true)
    expect(isProgrammeLocked({ id: 'p', rating: 6 }, { ...ON, maxRating: 0 }, none, T)).toBe(true)
  })

  it('never one without a rating: the guide did not say', () => {
    expect(isProgrammeLocked({ id: 'p' }, { ...ON, maxRating: 0 }, none, T)).toBe(false)
    expect(isProgrammeLocked({ id: 'p', rating: undefined }, ON, none, T)).toBe(false)
  })

  it('nothing while the control is off, or the PIN is off (nothing could ask for it)', () => {
    expect(isProgrammeLocked({ id: 'p', rating: 18 }, { ...ON, enabled: false }, none, T)).toBe(false)
    expect(isProgrammeLocked({ id: 'p', rating: 18 }, { ...ON, pinEnabled: false }, none, T)).toBe(false)
  })

  it('an unlocked programme until its unlock ends, then locked again; other programmes stay locked', () => {
    const unlocks = new Map([['p', T + 600]])
    expect(isProgrammeLocked({ id: 'p', rating: 18 }, ON, unlocks, T)).toBe(false)
    expect(isProgrammeLocked({ id: 'p', rating: 18 }, ON, unlocks, T + 599)).toBe(false)
    expect(isProgrammeLocked({ id: 'p', rating: 18 }, ON, unlocks, T + 600)).toBe(true)
    expect(isProgrammeLocked({ id: 'next', rating: 18 }, ON, unlocks, T)).toBe(true)
  })

  it('locks nothing exactly when no rating on the scale would be locked', () => {
    expect.hasAssertions()
    const controls: (ParentalControl | undefined)[] = [undefined]
    for (const enabled of [true, false])
      for (const pinEnabled of [true, false])
        for (const maxRating of RATINGS) controls.push({ enabled, pinEnabled, maxRating })
    for (const control of controls) {
      const anyLocked = RATINGS.some((rating) => isProgrammeLocked({ id: 'p', rating }, control, none, T))
      expect(locksNothing(control)).toBe(!anyLocked)
    }
    expect(locksNothing({ ...ON, maxRating: 18 })).toBe(true)
    expect(locksNothing(ON)).toBe(false)
    expect(locksNothing(undefined)).toBe(false)
  })

  it('before the settings are known, only 18+ is locked', () => {
    expect(isProgrammeLocked({ id: 'p', rating: 18 }, undefined, none, T)).toBe(true)
    expect(isProgrammeLocked({ id: 'p', rating: 16 }, undefined, none, T)).toBe(false)
  })

  it('forgets the unlocks that ran out', () => {
    const unlocks = new Map([
      ['a', T + 10],
      ['b', T - 1],
    ])
    expect([...runningUnlocks(unlocks, T).keys()]).toEqual(['a'])
  })

  it('reads a rating on the scale only', () => {
    expect([0, 6, 12, 16, 18].map(ratingOf)).toEqual([0, 6, 12, 16, 18])
    expect([15, -1, '18', null, 18.5, undefined].map(ratingOf)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ])
  })

  it('steps the limit along the scale and stops at its ends', () => {
    expect(stepRating(16, 1)).toBe(18)
    expect(stepRating(18, 1)).toBe(18)
    expect(stepRating(16, -1)).toBe(12)
    expect(stepRating(0, -1)).toBe(0)
    expect(stepRating(13, 1)).toBe(18)
  })
})
