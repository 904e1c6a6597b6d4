import { NO_CAPABILITIES } from '../../../src/domain/channels'
import {
  catchupAvailability,
  programmeAt,
  programmesOf,
  recordAvailability,
  startOverAvailability,
  type Programme,
} from '../../../src/domain/guide'
import { HOUR } from '../../../src/domain/time'

const p = (id: string, start: number, end: number): Programme => ({
  id,
  channelId: 'ch1',
  title: id,
  start,
  end,
  categories: [],
})
const all = { live: true, catchup: true, npvr: true, startover: true }

describe('guide', () => {
  const programmes = [p('b', HOUR, 2 * HOUR), p('a', 0, HOUR)]

  test('the programme at a time on a channel', () => {
    expect(programmeAt(programmes, 0)?.id).toBe('a')
    expect(programmeAt(programmes, HOUR)?.id).toBe('b')
    expect(programmeAt(programmes, 2 * HOUR)).toBeUndefined()
    const window = { start: 0, end: 2 * HOUR, channels: [{ channelId: 'ch1', programmes }] }
    expect(programmesOf(window, 'ch1').map((x) => x.id)).toEqual(['a', 'b'])
    expect(programmesOf(window, 'ch2')).toEqual([])
  })

  test('catch-up: ended, entitled, and its start within the channel`s window', () => {
    const show = p('a', 0, HOUR)
    expect(catchupAvailability(show, all, 24, 2 * HOUR)).toEqual({ available: true, until: 24 * HOUR })
    expect(catchupAvailability(show, NO_CAPABILITIES, 24, 2 * HOUR)).toEqual({
      available: false,
      reason: 'notEntitled',
    })
    expect(catchupAvailability(show, all, 0, 2 * HOUR)).toEqual({
      available: false,
      reason: 'noCatchupWindow',
    })
    expect(catchupAvailability(show, all, 24, HOUR - 1)).toEqual({ available: false, reason: 'notEnded' })
    expect(catchupAvailability(show, all, 24, 24 * HOUR)).toEqual({ available: false, reason: 'tooOld' })
  })

  test('start-over: entitled and on air now', () => {
    const show = p('a', 0, HOUR)
    expect(startOverAvailability(show, all, 10)).toEqual({ available: true, until: HOUR })
    expect(startOverAvailability(show, { ...all, startover: false }, 10)).toEqual({
      available: false,
      reason: 'notEntitled',
    })
    expect(startOverAvailability(show, all, HOUR)).toEqual({ available: false, reason: 'notOnAir' })
  })

  test('recording: entitled and not ended', () => {
    expect(recordAvailability(p('a', 0, HOUR), all, 10)).toEqual({ available: true })
    expect(recordAvailability(p('a', 0, HOUR), all, HOUR)).toEqual({ available: false, reason: 'ended' })
    expect(recordAvailability(p('a', 0, HOUR), NO_CAPABILITIES, 0)).toEqual({
      available: false,
      reason: 'notEntitled',
    })
  })
})
