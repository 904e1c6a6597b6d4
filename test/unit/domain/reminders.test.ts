import {
  canRemind,
  compareWithGuide,
  dueOf,
  needsCheck,
  readReminders,
  reminderOf,
  type Reminder,
} from '../../../src/domain/reminders'
import type { Programme } from '../../../src/domain/guide'

const programme: Programme = {
  id: 'p1',
  channelId: 'ch3',
  title: 'Evening News',
  start: 10_000,
  end: 13_600,
  categories: [],
}
const reminder: Reminder = reminderOf(programme, 5_000)

describe('reminders', () => {
  test('only a programme still to start can be reminded of', () => {
    expect(canRemind(programme, 9_999)).toBe(true)
    expect(canRemind(programme, 10_000)).toBe(false)
  })

  test('due: waits until the start, then starts now while on', () => {
    expect(dueOf(reminder, 9_999, false, 60)).toEqual({ kind: 'wait' })
    expect(dueOf(reminder, 10_000, false, 60)).toEqual({ kind: 'startsNow' })
    // A clock that jumped past the start while the app runs: still "starts now" while it is on.
    expect(dueOf(reminder, 12_000, false, 60)).toEqual({ kind: 'startsNow' })
    expect(dueOf(reminder, 13_600, false, 60)).toEqual({ kind: 'missed', onAir: false })
  })

  test('at start-up, a start that passed while the box was off is missed (Watch while still on)', () => {
    expect(dueOf(reminder, 10_030, true, 60)).toEqual({ kind: 'startsNow' })
    expect(dueOf(reminder, 10_061, true, 60)).toEqual({ kind: 'missed', onAir: true })
    expect(dueOf(reminder, 20_000, true, 60)).toEqual({ kind: 'missed', onAir: false })
  })

  test('checked against the guide shortly before its start, then again every so often', () => {
    expect(needsCheck(reminder, 9_000, undefined, 300, 120)).toBe(false)
    expect(needsCheck(reminder, 9_700, undefined, 300, 120)).toBe(true)
    expect(needsCheck(reminder, 9_750, 9_700, 300, 120)).toBe(false)
    expect(needsCheck(reminder, 9_820, 9_700, 300, 120)).toBe(true)
    expect(needsCheck(reminder, 10_000, undefined, 300, 120)).toBe(false)
  })

  test('the guide now: same, moved (start or channel) or gone', () => {
    expect(compareWithGuide(reminder, programme)).toEqual({ kind: 'same' })
    expect(compareWithGuide(reminder, { ...programme, end: 14_000 })).toEqual({ kind: 'same' })
    expect(compareWithGuide(reminder, { ...programme, start: 11_800, end: 15_400 })).toEqual({
      kind: 'moved',
      to: { start: 11_800, end: 15_400, channelId: 'ch3', title: 'Evening News' },
    })
    expect(compareWithGuide(reminder, { ...programme, channelId: 'ch4' }).kind).toBe('moved')
    expect(compareWithGuide(reminder, undefined)).toEqual({ kind: 'gone' })
  })

  test('a stored list is read entry by entry: broken entries left out, soonest first', () => {
    const later = { ...reminder, programmeId: 'p2', start: 20_000, end: 21_000 }
    expect(readReminders([later, { programmeId: 'x' }, null, 'junk', reminder])).toEqual([reminder, later])
    expect(readReminders('junk')).toEqual([])
    expect(readReminders(null)).toEqual([])
  })
})
