import {
  channelByNumber,
  formatOffset,
  isAtLiveEdge,
  liveEdgeAt,
  nearbyChannels,
  playbackRules,
  resumeContentId,
  resumeOffer,
  resumePositionOf,
  seekBounds,
  zapTarget,
  type Playback,
} from '../../../src/domain/playback'

const T = 1_750_000_000
const programme = { start: T - 1200, end: T + 2400 }
const live = { ...programme, kind: 'live' as const, channelScrub: {} }
const catchup = { start: T - 7200, end: T - 3600, kind: 'catchup' as const, channelScrub: {} }
const withStartOver = { startover: true }
const noStartOver = { startover: false }

describe('the live edge and where a seek may land', () => {
  it('is the clock during the programme, its end after it, never before its start', () => {
    expect(liveEdgeAt(live, T)).toBe(T)
    expect(liveEdgeAt(live, T + 9999)).toBe(programme.end)
    expect(liveEdgeAt(live, T - 9999)).toBe(programme.start)
    expect(liveEdgeAt(catchup, T)).toBe(catchup.end)
  })

  it('live without start-over has no timeshift; with it, back to the programme start', () => {
    expect(seekBounds(live, T, noStartOver)).toEqual({ min: T, max: T })
    expect(seekBounds(live, T, withStartOver)).toEqual({ min: programme.start, max: T })
    expect(seekBounds({ ...live, kind: 'startover' }, T, noStartOver)).toEqual({
      min: programme.start,
      max: T,
    })
    expect(seekBounds(catchup, T, noStartOver)).toEqual({ min: catchup.start, max: catchup.end })
  })

  it('watching live means within a few seconds of the edge of a programme on now', () => {
    expect(isAtLiveEdge(live, T - 2, T)).toBe(true)
    expect(isAtLiveEdge(live, T - 60, T)).toBe(false)
    expect(isAtLiveEdge(catchup, catchup.end, T)).toBe(false)
  })
})

describe('trick-play rules for a playback', () => {
  const rules = (over: Partial<Parameters<typeof playbackRules>[0]> = {}) =>
    playbackRules({
      playback: catchup,
      scrub: undefined,
      caps: noStartOver,
      position: catchup.start,
      now: T,
      ...over,
    })

  it('catch-up: everything allowed unless document 002 or the channel says no', () => {
    expect(rules()).toEqual({
      pause: { allowed: true },
      forward: { allowed: true },
      backward: { allowed: true },
    })
    expect(rules({ scrub: { override: true, pause: false, forward: false } })).toEqual({
      pause: { allowed: false, reason: 'subscription' },
      forward: { allowed: false, reason: 'subscription' },
      backward: { allowed: true },
    })
    expect(rules({ playback: { ...catchup, channelScrub: { forward: false } } }).forward).toEqual({
      allowed: false,
      reason: 'channel',
    })
    // The customer's override wins over the channel's own rule (document 002).
    expect(
      rules({
        playback: { ...catchup, channelScrub: { forward: false } },
        scrub: { override: true, forward: true },
      }).forward,
    ).toEqual({ allowed: true })
  })

  it('live: pause and rewind need start-over, fast-forward stops at the live edge', () => {
    const atLive = rules({ playback: live, position: T })
    expect(atLive.pause).toEqual({ allowed: false, reason: 'capability' })
    expect(atLive.backward).toEqual({ allowed: false, reason: 'capability' })
    expect(atLive.forward).toEqual({ allowed: false, reason: 'liveEdge' })
    const shifted = rules({ playback: live, position: T - 300, caps: withStartOver })
    expect(shifted).toEqual({
      pause: { allowed: true },
      forward: { allowed: true },
      backward: { allowed: true },
    })
    // Scrubbing rights come first: the reason says the subscription, not the capability.
    expect(rules({ playback: live, position: T, scrub: { override: true, pause: false } }).pause).toEqual({
      allowed: false,
      reason: 'subscription',
    })
  })
})

describe('resume points', () => {
  const rec: Pick<Playback, 'kind' | 'recordingId' | 'programmeId' | 'start' | 'end'> = {
    kind: 'recording',
    recordingId: '3',
    programmeId: '2722',
    start: T,
    end: T + 3600,
  }
  it('are kept for recordings and catch-up, not live', () => {
    expect(resumeContentId(rec)).toBe('recording:3')
    expect(resumeContentId({ ...rec, kind: 'catchup' })).toBe('programme:2722')
    expect(resumeContentId({ ...rec, kind: 'live' })).toBeUndefined()
  })
  it('are offered unless at the very start or end', () => {
    const saved = (position: number) => [{ contentId: 'recording:3', position, updatedAt: T }]
    expect(resumeOffer(rec, saved(1260))).toEqual({ offset: 1260 })
    expect(resumeOffer(rec, saved(3))).toBeUndefined()
    expect(resumeOffer(rec, saved(3590))).toBeUndefined()
    expect(resumeOffer(rec, [])).toBeUndefined()
    expect(resumeOffer({ ...rec, kind: 'catchup' }, saved(1260))).toBeUndefined()
  })
  it('save the offset into the content, 0 once watched to the end', () => {
    expect(resumePositionOf(rec, T + 610.6)).toBe(611)
    expect(resumePositionOf(rec, T + 3590)).toBe(0)
    expect(formatOffset(1260)).toBe('21:00')
    expect(formatOffset(3723)).toBe('1:02:03')
  })
})

describe('zapping', () => {
  const lineup = [1, 2, 3, 12, 40].map((n) => ({ id: `ch${n}`, number: n }))
  it('steps through the lineup and wraps around', () => {
    expect(zapTarget(lineup, 'ch3', 1)?.id).toBe('ch12')
    expect(zapTarget(lineup, 'ch40', 1)?.id).toBe('ch1')
    expect(zapTarget(lineup, 'ch1', -1)?.id).toBe('ch40')
    expect(zapTarget([], 'ch1', 1)).toBeUndefined()
  })
  it('lands on exactly the typed number, or nowhere', () => {
    expect(channelByNumber(lineup, '12')?.id).toBe('ch12')
    expect(channelByNumber(lineup, '012')?.id).toBe('ch12')
    expect(channelByNumber(lineup, '13')).toBeUndefined()
  })
  it('gives the channels around the current one for the mini guide', () => {
    expect(nearbyChannels(lineup, 'ch3', 2, 2).map((c) => c.id)).toEqual([
      'ch1',
      'ch2',
      'ch3',
      'ch12',
      'ch40',
    ])
    expect(nearbyChannels(lineup, 'ch1', 2, 2).map((c) => c.id)).toEqual(['ch1', 'ch2', 'ch3'])
  })
})
