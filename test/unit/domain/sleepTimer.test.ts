import { SLEEP_CHOICES, minutesLeft, setSleep, sleepStatus, stepSleep } from '../../../src/domain/sleepTimer'

const T = 1_750_000_000_000

describe('the sleep timer', () => {
  it('offers off, 15, 30, 60 and 90 minutes, stepping round', () => {
    expect(SLEEP_CHOICES).toEqual([0, 15, 30, 60, 90])
    expect(stepSleep(0, 1)).toBe(15)
    expect(stepSleep(90, 1)).toBe(0)
    expect(stepSleep(0, -1)).toBe(90)
    expect(stepSleep(45, 1)).toBe(0)
  })

  it('runs, warns a minute before the end, then has expired', () => {
    const set = setSleep(15, T)
    expect(set).toEqual({ minutes: 15, endsAtMs: T + 15 * 60_000 })
    expect(sleepStatus(set, T)).toEqual({ phase: 'running', minutes: 15, remainingMs: 15 * 60_000 })
    expect(sleepStatus(set, T + 14 * 60_000 - 1).phase).toBe('running')
    const warning = sleepStatus(set, T + 14 * 60_000)
    expect(warning.phase).toBe('warning')
    expect(minutesLeft(warning)).toBe(1)
    expect(sleepStatus(set, T + 15 * 60_000).phase).toBe('expired')
    // A clock moved far past the end (QA) has expired too.
    expect(sleepStatus(set, T + 3_600_000)).toEqual({ phase: 'expired', minutes: 15, remainingMs: 0 })
  })

  it('is off for 0 and for a length that is not a choice', () => {
    expect(setSleep(0, T)).toBeUndefined()
    expect(setSleep(20, T)).toBeUndefined()
    expect(sleepStatus(undefined, T).phase).toBe('off')
  })
})
