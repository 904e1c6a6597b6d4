import {
  localProblem,
  rightsSummary,
  settingProblemOf,
  stepSetting,
} from '../../../src/domain/accountSettings'
import {
  clampPollPeriod,
  revivePreferences,
  stepLanguage,
  stepPollPeriod,
  voiceGuidanceOn,
} from '../../../src/domain/preferences'

describe('recording settings steppers', () => {
  it('step storage by ten hours and days by five', () => {
    expect(stepSetting('storageHours', 100, 1)).toEqual({ value: 110 })
    expect(stepSetting('autoExpireDays', 90, -1)).toEqual({ value: 85 })
  })

  it('land an off-grid value on the grid first', () => {
    expect(stepSetting('storageHours', 97, 1)).toEqual({ value: 100 })
    expect(stepSetting('storageHours', 97, -1)).toEqual({ value: 90 })
  })

  it('never cross the limits of document 002, and say so at the end', () => {
    expect(stepSetting('storageHours', 995, 1)).toEqual({ value: 999 })
    expect(stepSetting('storageHours', 999, 1)).toEqual({ value: 999, limit: 'max' })
    expect(stepSetting('storageHours', 5, -1)).toEqual({ value: 1 })
    expect(stepSetting('storageHours', 1, -1)).toEqual({ value: 1, limit: 'min' })
    expect(stepSetting('autoExpireDays', 365, 1)).toEqual({ value: 365, limit: 'max' })
  })

  it('refuse out-of-range values before sending', () => {
    expect(localProblem('storageHours', 1000)).toBe('storageRange')
    expect(localProblem('autoExpireDays', 0)).toBe('daysRange')
    expect(localProblem('storageHours', 999)).toBeUndefined()
  })
})

describe('refusals of document 002, next to the setting', () => {
  it.each([
    [{ kind: 'denied', code: 'nPvr.override' }, 'npvrUnavailable'],
    [{ kind: 'denied', code: 'customer' }, 'noIptv'],
    [{ kind: 'denied', code: 'access_denied' }, 'denied'],
    [{ kind: 'validation', code: 'nPvr.storage' }, 'storageRange'],
    [{ kind: 'validation', code: 'nPvr.autoExpireDays' }, 'daysRange'],
    [{ kind: 'notFound', code: 'packages[]._id' }, 'packageNotFound'],
    [
      { kind: 'conflict', code: 'packages[]._id', reason: 'Package can only be included once' },
      'packageTwice',
    ],
    [
      { kind: 'conflict', code: 'packages[]._id', reason: 'Only 1 main package is allowed' },
      'packageOneMain',
    ],
    [{ kind: 'conflict', code: 'packages[].end' }, 'packageTooFar'],
    [{ kind: 'validation', code: 'packages[].end' }, 'packageEndBeforeStart'],
    [{ kind: 'server', code: 'internal_error' }, 'server'],
    [{ kind: 'timeout' }, 'offline'],
    [{ kind: 'validation', code: 'nPvr.enabled' }, 'invalid'],
  ])('%j -> %s', (error, problem) => {
    expect(settingProblemOf(error)).toBe(problem)
  })
})

describe('playback rights in plain words', () => {
  it('follow the override, and leave the rest to each channel', () => {
    expect(rightsSummary({ override: true, pause: true, forward: false })).toEqual({
      pause: 'allowed',
      forward: 'forbidden',
      backward: 'channel',
    })
    expect(rightsSummary({ override: false, pause: false })).toEqual({
      pause: 'channel',
      forward: 'channel',
      backward: 'channel',
    })
  })
})

describe('preferences', () => {
  it('keep the poll period within 5 to 60 minutes', () => {
    expect(clampPollPeriod(60)).toBe(300)
    expect(clampPollPeriod(99999)).toBe(3600)
    expect(stepPollPeriod(900, 1)).toBe(1800)
    expect(stepPollPeriod(3600, 1)).toBe(3600)
    expect(stepPollPeriod(300, -1)).toBe(300)
    expect(stepPollPeriod(700, -1)).toBe(600)
  })

  it('cycle languages and revive only sensible saved values', () => {
    expect(stepLanguage(['en', 'es', 'da', 'fi'], 'fi', 1)).toBe('en')
    expect(stepLanguage(['en', 'es', 'da', 'fi'], 'en', -1)).toBe('fi')
    expect(revivePreferences({ language: 'da', pollPeriodSeconds: 120 })).toEqual({
      language: 'da',
      pollPeriodSeconds: 300,
      voiceGuidance: undefined,
    })
    expect(revivePreferences('garbage')).toEqual({
      language: undefined,
      pollPeriodSeconds: undefined,
      voiceGuidance: undefined,
    })
    expect(revivePreferences({ voiceGuidance: false }).voiceGuidance).toBe(false)
    expect(revivePreferences({ voiceGuidance: 'yes' }).voiceGuidance).toBeUndefined()
    expect(revivePreferences({ language: '<script>' }).language).toBeUndefined()
  })
})

describe('voice guidance on or off', () => {
  it('follows the viewer, else the platform, else the operator', () => {
    expect(voiceGuidanceOn(false, true, true)).toBe(false)
    expect(voiceGuidanceOn(true, false, false)).toBe(true)
    expect(voiceGuidanceOn(undefined, true, false)).toBe(true)
    expect(voiceGuidanceOn(undefined, false, true)).toBe(false)
    expect(voiceGuidanceOn(undefined, undefined, true)).toBe(true)
    expect(voiceGuidanceOn(undefined, undefined, false)).toBe(false)
  })
})
