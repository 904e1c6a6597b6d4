import type { Reminder } from '../../domain/reminders'

export interface ReminderRowModel {
  programmeId: string
  title: string
  /** "Tue 2 Dec  21:00–22:00  ·  3 Kanal 3" */
  when: string
}

export interface ReminderRowFacts {
  channel: (id: string) => string
  day: (at: number) => string
  timeRange: (start: number, end: number) => string
}

/** The account's reminder rows, soonest first, each with its day, times and channel. */
export const reminderRows = (list: readonly Reminder[], facts: ReminderRowFacts): ReminderRowModel[] =>
  [...list]
    .sort((a, b) => a.start - b.start)
    .map((r) => ({
      programmeId: r.programmeId,
      title: r.title,
      when: `${facts.day(r.start)}  ${facts.timeRange(r.start, r.end)}  ·  ${facts.channel(r.channelId)}`,
    }))
