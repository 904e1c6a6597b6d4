import {
  DEFAULT_SETTINGS,
  MAX_POLL_COLLAPSE_SECONDS,
  MIN_POLL_PERIOD_SECONDS,
  PLAYBACK_CHECK_RANGE,
  STREAM_RETRY_RANGE,
  VOICE_DELAY_RANGE,
  readSettings,
} from '../../../src/platform/settings'

describe('settings.json appSettings', () => {
  it('uses the defaults for what is missing, without warnings', () => {
    expect(readSettings({})).toEqual({ settings: DEFAULT_SETTINGS, warnings: [] })
  })

  it('reads every value the operator may set', () => {
    const { settings, warnings } = readSettings({
      apiBaseUrl: 'https://operator.example/api/',
      pollPeriodSeconds: 600,
      pollJitter: 0.1,
      pollCollapseSeconds: 0.5,
      playbackCheckSeconds: 5,
      parentalMaxAgeSeconds: 120,
      streamRetrySeconds: 3,
      locale: 'da',
      voiceGuidance: true,
      voiceGuidanceDelayMs: 50,
      testHooks: true,
      searchDebounceMs: 200,
      reminderNoticeSeconds: 5,
      reminderCheckAheadSeconds: 3600,
      reminderCheckEverySeconds: 2,
      stage: { w: 1920 },
    })
    expect(warnings).toEqual([])
    expect(settings).toEqual({
      apiBaseUrl: 'https://operator.example/api',
      pollPeriodSeconds: 600,
      pollJitter: 0.1,
      pollCollapseSeconds: 0.5,
      playbackCheckSeconds: 5,
      parentalMaxAgeSeconds: 120,
      streamRetrySeconds: 3,
      locale: 'da',
      voiceGuidance: true,
      voiceGuidanceDelayMs: 50,
      testHooks: true,
      searchDebounceMs: 200,
      reminderNoticeSeconds: 5,
      reminderCheckAheadSeconds: 3600,
      reminderCheckEverySeconds: 2,
    })
  })

  it("keeps the parental settings' maximum age within 5 s..1 day, and says so", () => {
    const low = readSettings({ parentalMaxAgeSeconds: 1 })
    expect(low.settings.parentalMaxAgeSeconds).toBe(5)
    expect(low.warnings.join()).toMatch(/parentalMaxAgeSeconds: 1 is outside 5..86400; clamped to 5/)
    expect(readSettings({ parentalMaxAgeSeconds: 'soon' }).settings.parentalMaxAgeSeconds).toBe(900)
  })

  it('keeps the reconnecting patience within its range', () => {
    const { settings, warnings } = readSettings({ streamRetrySeconds: 0 })
    expect(settings.streamRetrySeconds).toBe(STREAM_RETRY_RANGE.min)
    expect(warnings.join()).toMatch(/streamRetrySeconds: 0 .*clamped/)
  })

  it('keeps the search and reminder timings within their ranges, and says so', () => {
    const { settings, warnings } = readSettings({ searchDebounceMs: 5000, reminderNoticeSeconds: 1 })
    expect(settings.searchDebounceMs).toBe(2000)
    expect(settings.reminderNoticeSeconds).toBe(3)
    expect(warnings.join('\n')).toMatch(/searchDebounceMs: 5000 is outside 0..2000; clamped to 2000/)
    expect(warnings.join('\n')).toMatch(/reminderNoticeSeconds: 1 is outside 3..600; clamped to 3/)
  })

  it('clamps a poll period below the operator minimum of 5 minutes, and says so', () => {
    const { settings, warnings } = readSettings({ pollPeriodSeconds: 60 })
    expect(settings.pollPeriodSeconds).toBe(MIN_POLL_PERIOD_SECONDS)
    expect(warnings.join()).toMatch(/pollPeriodSeconds: 60 .*clamped/)
  })

  it('falls back to the default on a value of the wrong type, and says so', () => {
    const { settings, warnings } = readSettings({ pollPeriodSeconds: '900', locale: '', testHooks: 'yes' })
    expect(settings.pollPeriodSeconds).toBe(DEFAULT_SETTINGS.pollPeriodSeconds)
    expect(settings.locale).toBe('en')
    expect(settings.testHooks).toBe(false)
    expect(warnings).toHaveLength(3)
  })

  it('keeps jitter within 0..0.5', () => {
    expect(readSettings({ pollJitter: 2 }).settings.pollJitter).toBe(0.5)
    expect(readSettings({ pollJitter: -1 }).settings.pollJitter).toBe(0)
  })

  it('keeps the collapse window of triggered polls within 0..60 s, and says so', () => {
    expect(readSettings({}).settings.pollCollapseSeconds).toBe(10)
    expect(readSettings({ pollCollapseSeconds: 0 })).toEqual({
      settings: { ...DEFAULT_SETTINGS, pollCollapseSeconds: 0 },
      warnings: [],
    })
    const below = readSettings({ pollCollapseSeconds: -1 })
    expect(below.settings.pollCollapseSeconds).toBe(0)
    expect(below.warnings.join()).toMatch(/pollCollapseSeconds: -1 .*clamped to 0/)
    const above = readSettings({ pollCollapseSeconds: 3600 })
    expect(above.settings.pollCollapseSeconds).toBe(MAX_POLL_COLLAPSE_SECONDS)
    expect(above.warnings).toHaveLength(1)
    const wrongType = readSettings({ pollCollapseSeconds: '2' })
    expect(wrongType.settings.pollCollapseSeconds).toBe(DEFAULT_SETTINGS.pollCollapseSeconds)
    expect(wrongType.warnings.join()).toMatch(/pollCollapseSeconds: "2" is not valid/)
  })

  it('keeps the grant renewal period of the player within its range, and says so', () => {
    expect(readSettings({}).settings.playbackCheckSeconds).toBe(20)
    const below = readSettings({ playbackCheckSeconds: 0 })
    expect(below.settings.playbackCheckSeconds).toBe(PLAYBACK_CHECK_RANGE.min)
    expect(below.warnings.join()).toMatch(/playbackCheckSeconds: 0 .*clamped to 2/)
    const above = readSettings({ playbackCheckSeconds: 86400 })
    expect(above.settings.playbackCheckSeconds).toBe(PLAYBACK_CHECK_RANGE.max)
    expect(above.warnings).toHaveLength(1)
  })

  it('reads voice guidance off by default and keeps its pause within 0..2000 ms, and says so', () => {
    expect(readSettings({}).settings.voiceGuidance).toBe(false)
    expect(readSettings({}).settings.voiceGuidanceDelayMs).toBe(300)
    const wrongType = readSettings({ voiceGuidance: 'on' })
    expect(wrongType.settings.voiceGuidance).toBe(false)
    expect(wrongType.warnings.join()).toMatch(/voiceGuidance: "on" is not valid/)
    const above = readSettings({ voiceGuidanceDelayMs: 10000 })
    expect(above.settings.voiceGuidanceDelayMs).toBe(VOICE_DELAY_RANGE.max)
    expect(above.warnings.join()).toMatch(/voiceGuidanceDelayMs: 10000 .*clamped to 2000/)
  })

  it('uses RDK text-to-speech only at a ws:// or wss:// URL, never echoing the token of a wrong one', () => {
    expect('rdkTextToSpeech' in readSettings({}).settings).toBe(false)
    const url = 'ws://127.0.0.1:9998/jsonrpc?token=abc.def'
    expect(readSettings({ rdkTextToSpeech: url })).toEqual({
      settings: { ...DEFAULT_SETTINGS, rdkTextToSpeech: url },
      warnings: [],
    })
    expect(readSettings({ rdkTextToSpeech: 'wss://box.local/jsonrpc' }).settings.rdkTextToSpeech).toBe(
      'wss://box.local/jsonrpc',
    )
    expect.hasAssertions()
    for (const wrong of ['http://127.0.0.1:9998/jsonrpc?token=abc.def', 'not a url token=abc.def', 42, '']) {
      const { settings, warnings } = readSettings({ rdkTextToSpeech: wrong })
      expect(settings.rdkTextToSpeech).toBeUndefined()
      expect(warnings).toHaveLength(1)
      expect(warnings.join()).toMatch(/^rdkTextToSpeech: .*not used$/)
      expect(warnings.join()).not.toContain('abc.def')
    }
  })

  it('survives settings that are not an object at all', () => {
    const { settings, warnings } = readSettings(null)
    expect(settings).toEqual(DEFAULT_SETTINGS)
    expect(warnings).toHaveLength(1)
  })
})
