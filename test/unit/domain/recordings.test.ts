import fc from 'fast-check'
import {
  canCancel,
  canDelete,
  countByFilter,
  groupSeries,
  matchesFilter,
  npvrAccess,
  recordingEntries,
  resumeFraction,
  seriesShortfalls,
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
    expect.hasAssertions()
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
    expect.hasAssertions()
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
    expect.hasAssertions()
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
    expect.hasAssertions()
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
    expect.hasAssertions()
    fc.assert(
      fc.property(recordingArb, fc.integer({ min: 0, max: 10 ** 6 }), (r, t) => {
        expect(canDelete({ ...r, protected: true }, t).allowed).toBe(false)
      }),
    )
  })
})

describe('the screen: filters, sort and series', () => {
  const T = 100 * HOUR
  const past = rec({ id: 'past', title: 'beta', start: T - 5 * HOUR, end: T - 4 * HOUR, state: 'finished' })
  const failed = rec({
    id: 'failed',
    title: 'Alpha',
    start: T - 3 * HOUR,
    end: T - 2 * HOUR,
    state: 'failed',
  })
  const now = rec({ id: 'now', title: 'Gamma', start: T - 600, end: T + 600, state: 'scheduled' })
  const later = rec({ id: 'later', title: 'delta', start: T + HOUR, end: T + 2 * HOUR })
  const all = [past, failed, now, later]

  test('each filter holds the recordings in its state at t; recorded includes failed ones', () => {
    const ids = (f: Parameters<typeof matchesFilter>[1]) =>
      all.filter((r) => matchesFilter(r, f, T)).map((r) => r.id)
    expect(ids('all')).toEqual(['past', 'failed', 'now', 'later'])
    expect(ids('scheduled')).toEqual(['later'])
    // The server said scheduled, the clock says it has started: the clock wins.
    expect(ids('ongoing')).toEqual(['now'])
    expect(ids('recorded')).toEqual(['past', 'failed'])
    expect(countByFilter(all, T)).toEqual({ all: 4, scheduled: 1, ongoing: 1, recorded: 2 })
  })

  test('date sorts the newest first; title sorts alphabetically whatever the case', () => {
    const ids = (sort: 'date' | 'title') =>
      recordingEntries(all, 'all', sort, T, 'en').map((e) =>
        e.kind === 'recording' ? e.recording.id : e.seriesId,
      )
    expect(ids('date')).toEqual(['later', 'now', 'failed', 'past'])
    expect(ids('title')).toEqual(['failed', 'past', 'later', 'now'])
  })

  test('a series is one entry with its episodes oldest first; a lone episode stays a line', () => {
    const e1 = rec({ id: 'e1', title: 'Show', seriesId: 's', start: T - 2 * DAY, end: T - 2 * DAY + HOUR })
    const e2 = rec({ id: 'e2', title: 'Show', seriesId: 's', start: T + DAY, end: T + DAY + HOUR })
    const lone = rec({ id: 'lone', title: 'Other', seriesId: 'o', start: T, end: T + HOUR })
    const entries = groupSeries([e2, past, lone, e1])
    expect(entries.map((e) => e.kind)).toEqual(['series', 'recording', 'recording'])
    const series = entries[0]
    expect(series?.kind === 'series' && series.episodes.map((r) => r.id)).toEqual(['e1', 'e2'])
    // Filtering first: only one episode is scheduled, so no folder of one.
    expect(recordingEntries([e1, e2], 'scheduled', 'date', T).map((e) => e.kind)).toEqual(['recording'])
  })

  test('a scheduled series that finds the storage full will not fit, and by how much', () => {
    const ep = (i: number) =>
      rec({ id: `s${i}`, title: 'Saga', seriesId: 'saga', start: T + i * DAY, end: T + i * DAY + 2 * HOUR })
    const recorded = rec({ id: 'r', start: T - DAY, end: T - DAY + 5 * HOUR, state: 'finished' })
    const list = [recorded, ep(1), ep(2), ep(3)]
    // 5 h recorded + 3 x 2 h scheduled = 11 h.
    expect(seriesShortfalls(list, 11, T)).toEqual([])
    expect(seriesShortfalls(list, 8, T)).toEqual([
      { seriesId: 'saga', title: 'Saga', episodes: 2, hoursShort: 3 },
    ])
    // A single scheduled recording that does not fit is not a series warning.
    expect(seriesShortfalls([recorded, later], 5, T)).toEqual([])
    // Failed recordings take no space.
    expect(seriesShortfalls([{ ...recorded, state: 'failed' }, ep(1)], 2, T)).toEqual([])
  })

  test('resume progress is a fraction of the length, absent when never started', () => {
    expect(resumeFraction(later, undefined)).toBeUndefined()
    expect(resumeFraction(later, 0)).toBeUndefined()
    expect(resumeFraction(later, HOUR / 4)).toBe(0.25)
    expect(resumeFraction(later, 10 * HOUR)).toBe(1)
  })
})

describe('nPVR in the package', () => {
  const recorder = {
    id: 'rec',
    title: 'Cloud recorder',
    description: '',
    type: 'PVR' as const,
    isPremium: false,
    channels: { live: [], catchup: [], npvr: ['ch1'], startover: [] },
  }
  const basis = {
    ...recorder,
    id: 'basis',
    title: 'Basis',
    type: 'CHANNEL_GROUP' as const,
    channels: { ...recorder.channels, npvr: [], live: ['ch1'] },
  }
  const licence = (productId: string, status: 'ACTIVE' | 'SUSPENDED' = 'ACTIVE') => ({
    id: productId,
    productId,
    status,
    start: 0,
    end: null,
  })
  const input = { products: [basis, recorder], services: [], refused: false, listed: false, now: 1000 }

  test('an ACTIVE licence for a product with nPVR channels gives it; a suspended one does not', () => {
    expect(npvrAccess({ ...input, licences: [licence('basis'), licence('rec')] })).toEqual({
      kind: 'available',
    })
    expect(npvrAccess({ ...input, licences: [licence('basis'), licence('rec', 'SUSPENDED')] })).toEqual({
      kind: 'notInPackage',
      offers: ['Cloud recorder'],
    })
  })

  test('the server refusing the list means no nPVR, and rights not loaded yet mean no verdict', () => {
    expect(npvrAccess({ ...input, licences: [licence('rec')], refused: true }).kind).toBe('notInPackage')
    expect(npvrAccess({ ...input, licences: undefined, products: undefined }).kind).toBe('available')
    // A list the operator sent settles it, whatever the licences say.
    expect(npvrAccess({ ...input, licences: [], listed: true }).kind).toBe('available')
  })
})
