import type { Reminder } from '../../../../src/domain/reminders'
import { noticeLook } from '../../../../src/ui/shell/reminderNoticeLooks'
import { reminderOffer } from '../../../../src/ui/guide/reminderOffer'
import { reminderRows } from '../../../../src/ui/account/reminderRows'

const r: Reminder = {
  programmeId: 'p1',
  channelId: 'ch3',
  title: 'Evening News',
  start: 10_000,
  end: 13_600,
  setAt: 1,
}
const facts = {
  channel: (id: string) => (id === 'ch3' ? 'Kanal News' : id),
  time: (s: number) => `t${s}`,
  day: (s: number) => `d${s}`,
}

describe('a reminder notice', () => {
  test('starts now: the title and channel, Watch first then Dismiss', () => {
    expect(noticeLook({ kind: 'startsNow', reminder: r }, facts)).toEqual({
      message: { key: 'reminder.now', values: { title: 'Evening News', channel: 'Kanal News' } },
      actions: ['watch', 'dismiss'],
      channelId: 'ch3',
    })
  })

  test('missed: with its start time; Watch only while it is still on', () => {
    const onAir = noticeLook({ kind: 'missed', reminder: r, onAir: true }, facts)
    expect(onAir.message).toEqual({
      key: 'reminder.missed',
      values: { title: 'Evening News', channel: 'Kanal News', time: 't10000' },
    })
    expect(onAir.actions).toEqual(['watch', 'dismiss'])
    expect(noticeLook({ kind: 'missed', reminder: r, onAir: false }, facts).actions).toEqual(['dismiss'])
  })

  test('moved or gone: says so, nothing to watch', () => {
    const moved = noticeLook(
      {
        kind: 'moved',
        reminder: r,
        to: { start: 20_000, end: 23_600, channelId: 'ch4', title: 'Evening News' },
      },
      facts,
    )
    expect(moved).toEqual({
      message: {
        key: 'reminder.moved',
        values: { title: 'Evening News', day: 'd20000', time: 't20000', channel: 'ch4' },
      },
      actions: ['dismiss'],
      channelId: 'ch4',
    })
    expect(noticeLook({ kind: 'gone', reminder: r }, facts).message.key).toBe('reminder.gone')
    expect(noticeLook({ kind: 'gone', reminder: r }, facts).actions).toEqual(['dismiss'])
  })
})

describe('reminders on the details page and in the account', () => {
  test('Remind me on a programme to come, Cancel on one reminded, nothing on one already started', () => {
    expect(reminderOffer({ start: 100 }, 99, false)).toBe('set')
    expect(reminderOffer({ start: 100 }, 100, false)).toBeUndefined()
    expect(reminderOffer({ start: 100 }, 99, true)).toBe('cancel')
    expect(reminderOffer({ start: 100 }, 150, true)).toBe('cancel')
  })

  test('the account lists them soonest first with day, times and channel', () => {
    const later = { ...r, programmeId: 'p2', title: 'Late Film', start: 30_000, end: 36_000 }
    expect(
      reminderRows([later, r], { ...facts, timeRange: (a: number, b: number) => `${a}-${b}` }).map((x) => [
        x.programmeId,
        x.when,
      ]),
    ).toEqual([
      ['p1', 'd10000  10000-13600  ·  Kanal News'],
      ['p2', 'd30000  30000-36000  ·  Kanal News'],
    ])
  })
})
