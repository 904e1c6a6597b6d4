import fc from 'fast-check'
import {
  canCancel,
  canDelete,
  fitsInQuota,
  isExpiredAt,
  quotaAt,
  recordingExpiry,
  recordingStateAt,
  type Recording,
} from '../../../src/domain/recordings'
import { DAY, HOUR } from '../../../src/domain/time'
import { recordingArb } from './arbitraries'

const rec = (over: Partial<Recording> = {}): Recording => ({
  id: '1',
  programmeId: 'p',
  channelId: 'ch1',
  title: 'News',
  start: 1000,
  end: 1000 + HOUR,
  state: 'scheduled',
  protected: false,
  expiresAt: null,
  ...over,
})

describe('recording state at a time', () => {
  test('scheduled before the start, ongoing until the end, finished from the end', () => {
    const r = rec()
    expect(recordingStateAt(r, 999)).toBe('scheduled')
    expect(recordingStateAt(r, 1000)).toBe('ongoing')
    expect(recordingStateAt(r, 1000 + HOUR - 1)).toBe('ongoing')
    expect(recordingStateAt(r, 1000 + HOUR)).toBe('finished')
  })

  test('a failed recording stays failed', () => {
    expect(recordingStateAt(rec({ state: 'failed' }), 0)).toBe('failed')
  })

  test('states only move forward in time', () => {
    const order = ['scheduled', 'ongoing', 'finished']
    fc.assert(
      fc.property(
        recordingArb,
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        (r, a, b) => {
          const [t1, t2] = a <= b ? [a, b] : [b, a]
          const s1 = recordingStateAt(r, t1)
          const s2 = recordingStateAt(r, t2)
          if (r.state === 'failed') expect([s1, s2]).toEqual(['failed', 'failed'])
          else expect(order.indexOf(s1)).toBeLessThanOrEqual(order.indexOf(s2))
        },
      ),
    )
  })
})

describe('expiry', () => {
  test('autoExpireDays after the end, unless protected', () => {
    expect(recordingExpiry(rec(), 30)).toBe(1000 + HOUR + 30 * DAY)
    expect(recordingExpiry(rec({ protected: true }), 30)).toBeNull()
    expect(isExpiredAt(rec(), 1, 1000 + HOUR + DAY - 1)).toBe(false)
    expect(isExpiredAt(rec(), 1, 1000 + HOUR + DAY)).toBe(true)
  })

  test('a protected recording never expires', () => {
    fc.assert(
      fc.property(
        recordingArb,
        fc.integer({ min: 1, max: 365 }),
        fc.integer({ min: 0, max: 10 ** 9 }),
        (r, days, t) => {
          const p = { ...r, protected: true }
          expect(recordingExpiry(p, days)).toBeNull()
          expect(isExpiredAt(p, days, t)).toBe(false)
        },
      ),
    )
  })

  test('an unprotected one expires exactly autoExpireDays after its end, never before it ends', () => {
    fc.assert(
      fc.property(
        recordingArb,
        fc.integer({ min: 1, max: 365 }),
        fc.integer({ min: 0, max: 10 ** 8 }),
        (r, days, t) => {
          const u = { ...r, protected: false }
          expect(isExpiredAt(u, days, t)).toBe(t >= u.end + days * DAY)
          if (t < u.end) expect(isExpiredAt(u, days, t)).toBe(false)
        },
      ),
    )
  })
})

describe('quota', () => {
  test('used, scheduled and left hours, an ongoing recording counted in both', () => {
    const list = [
      rec({ id: 'a', start: 0, end: 2 * HOUR }),
      rec({ id: 'b', start: 10 * HOUR, end: 12 * HOUR }),
      rec({ id: 'c', start: 3 * HOUR, end: 5 * HOUR, state: 'failed' }),
      rec({ id: 'd', start: 6 * HOUR, end: 8 * HOUR }),
    ]
    expect(quotaAt(list, 10, 7 * HOUR)).toEqual({
      allowedHours: 10,
      usedHours: 3,
      scheduledHours: 3,
      leftHours: 4,
    })
  })

  test('whether a new recording fits', () => {
    const quota = { allowedHours: 10, usedHours: 6, scheduledHours: 2 }
    expect(fitsInQuota(quota, 2 * HOUR)).toBe(true)
    expect(fitsInQuota(quota, 2 * HOUR + 60)).toBe(false)
  })

  test('used + scheduled is the length of what did not fail; left is never negative', () => {
    fc.assert(
      fc.property(
        fc.array(recordingArb, { maxLength: 12 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 150_000 }),
        (list, allowed, t) => {
          const q = quotaAt(list, allowed, t)
          const total =
            list.filter((r) => r.state !== 'failed').reduce((sum, r) => sum + (r.end - r.start), 0) / HOUR
          expect(q.usedHours + q.scheduledHours).toBeCloseTo(total, 1)
          expect(q.leftHours).toBeGreaterThanOrEqual(0)
          expect(q.usedHours).toBeGreaterThanOrEqual(0)
          // A recording fits exactly when it is not longer than what is left (to the rounding of hours).
          if (q.leftHours > 0.02) expect(fitsInQuota(q, (q.leftHours - 0.01) * HOUR)).toBe(true)
          expect(fitsInQuota(q, (q.allowedHours + 0.01) * HOUR)).toBe(false)
        },
      ),
    )
  })
})

describe('delete and cancel', () => {
  test('only a finished, unprotected recording can be deleted', () => {
    expect(canDelete(rec(), 0)).toEqual({ allowed: false, reason: 'notFinished' })
    expect(canDelete(rec(), 1500)).toEqual({ allowed: false, reason: 'notFinished' })
    expect(canDelete(rec({ protected: true }), 10 ** 6)).toEqual({ allowed: false, reason: 'protected' })
    expect(canDelete(rec(), 10 ** 6)).toEqual({ allowed: true })
    expect(canDelete(rec({ state: 'failed' }), 0)).toEqual({ allowed: true })
  })

  test('scheduled and ongoing recordings can be cancelled, finished ones not', () => {
    expect(canCancel(rec(), 0)).toEqual({ allowed: true })
    expect(canCancel(rec(), 1500)).toEqual({ allowed: true })
    expect(canCancel(rec(), 10 ** 6)).toEqual({ allowed: false, reason: 'finished' })
  })

  test('a protected recording can never be deleted', () => {
    fc.assert(
      fc.property(recordingArb, fc.integer({ min: 0, max: 10 ** 6 }), (r, t) => {
        expect(canDelete({ ...r, protected: true }, t).allowed).toBe(false)
      }),
    )
  })
})
