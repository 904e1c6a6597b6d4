import { NO_CAPABILITIES } from '../../../src/domain/channels'
import { isLocked, programmeActions, programmeBadges, recordingMarks } from '../../../src/domain/guideActions'
import { HOUR } from '../../../src/domain/time'

const all = { live: true, catchup: true, npvr: true, startover: true }
const NOW = 100 * HOUR
const onAir = { start: NOW - HOUR, end: NOW + HOUR, seriesId: 's1' }
const past = { start: NOW - 3 * HOUR, end: NOW - 2 * HOUR }
const later = { start: NOW + HOUR, end: NOW + 2 * HOUR, seriesId: 's1' }
const ctx = { caps: all, catchupHours: 24, now: NOW, signedIn: true, mark: 'none' as const }

const ids = (offers: ReturnType<typeof programmeActions>) =>
  offers.map((o) => (o.allowed ? o.action : `${o.action}:${o.reason}`))

describe('what a viewer may do with a programme of the guide', () => {
  it('on air with every right: live, start over, record and record the series', () => {
    expect(ids(programmeActions(onAir, ctx))).toEqual(['watchLive', 'startOver', 'record', 'recordSeries'])
  })

  it('explains what the package does not allow', () => {
    const caps = { ...all, startover: false, npvr: false }
    expect(ids(programmeActions(onAir, { ...ctx, caps }))).toEqual([
      'watchLive',
      'startOver:startOverNotEntitled',
      'record:recordNotEntitled',
      'recordSeries:recordNotEntitled',
    ])
    expect(ids(programmeActions(past, { ...ctx, caps: { ...all, catchup: false } }))).toEqual([
      'catchup:catchupNotEntitled',
    ])
  })

  it('a past programme: catch-up inside the window, the reason outside it', () => {
    expect(ids(programmeActions(past, ctx))).toEqual(['catchup'])
    expect(ids(programmeActions(past, { ...ctx, catchupHours: 1 }))).toEqual(['catchup:catchupTooOld'])
    expect(ids(programmeActions(past, { ...ctx, catchupHours: 0 }))).toEqual(['catchup:catchupNoWindow'])
  })

  it('a programme to come with a scheduled recording offers to cancel it instead of recording', () => {
    expect(ids(programmeActions(later, { ...ctx, mark: 'scheduled', recordingId: 'r1' }))).toEqual([
      'cancelRecording',
    ])
  })

  it('a package not known yet is never called "not entitled"; what needs no package stays', () => {
    const unknown = { ...ctx, caps: NO_CAPABILITIES, packageKnown: false }
    expect(ids(programmeActions(onAir, unknown))).toEqual([
      'watchLive:packageUnknown',
      'startOver:packageUnknown',
      'record:packageUnknown',
      'recordSeries:packageUnknown',
    ])
    expect(ids(programmeActions(past, { ...unknown, catchupHours: 0 }))).toEqual(['catchup:packageUnknown'])
    expect(ids(programmeActions(later, { ...unknown, mark: 'scheduled', recordingId: 'r1' }))).toEqual([
      'cancelRecording',
    ])
    // Offline says more than "unknown" about what can be done; signed out, the package does not matter.
    expect(
      ids(programmeActions(later, { ...unknown, mark: 'scheduled', recordingId: 'r1', offline: true })),
    ).toEqual(['cancelRecording:offline'])
    expect(ids(programmeActions(later, { ...unknown, signedIn: false }))).toEqual([
      'record:signedOut',
      'recordSeries:signedOut',
    ])
  })

  it('signed out: every action asks to sign in', () => {
    expect(ids(programmeActions(later, { ...ctx, caps: NO_CAPABILITIES, signedIn: false }))).toEqual([
      'record:signedOut',
      'recordSeries:signedOut',
    ])
  })

  it('badges per programme follow the time: live and start-over on air, catch-up after, nPVR before the end', () => {
    expect(programmeBadges(onAir, all, 24, NOW)).toEqual(['live', 'startover', 'npvr'])
    expect(programmeBadges(past, all, 24, NOW)).toEqual(['catchup'])
    expect(programmeBadges(later, all, 24, NOW)).toEqual(['npvr'])
    expect(programmeBadges(onAir, NO_CAPABILITIES, 24, NOW)).toEqual([])
    expect(isLocked(NO_CAPABILITIES)).toBe(true)
    expect(isLocked(all)).toBe(false)
  })

  it('recording marks follow the clock and skip failed recordings', () => {
    const marks = recordingMarks(
      [
        { id: 'r1', programmeId: 'p1', start: NOW + 10, end: NOW + 20, state: 'scheduled' },
        { id: 'r2', programmeId: 'p2', start: NOW - 10, end: NOW + 20, state: 'scheduled' },
        { id: 'r3', programmeId: 'p3', start: NOW - 30, end: NOW - 20, state: 'finished' },
        { id: 'r4', programmeId: 'p4', start: NOW - 10, end: NOW + 20, state: 'failed' },
      ],
      NOW,
    )
    expect(marks.get('p1')?.mark).toBe('scheduled')
    expect(marks.get('p2')?.mark).toBe('recording')
    expect(marks.get('p3')?.mark).toBe('recorded')
    expect(marks.has('p4')).toBe(false)
  })
})
