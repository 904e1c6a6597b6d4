import type { ReminderNotice } from '../../state/reminders/reminders'
import { phrase, type Phrase } from '../i18n'

export type NoticeAction = 'watch' | 'dismiss'

export interface NoticeLook {
  message: Phrase
  actions: readonly NoticeAction[]
  /** The channel Watch tunes to. */
  channelId: string
}

export interface NoticeFacts {
  /** The channel as the viewer knows it ("3 Kanal 3"); its id when the lineup does not have it. */
  channel: (id: string) => string
  /** 21:05 */
  time: (at: number) => string
  /** Mon 23 Nov */
  day: (at: number) => string
}

/**
 * What a reminder's notice says and offers: Watch while the programme is on (a missed one that
 * has ended, a moved or vanished one only say so), Dismiss always; Watch first, so that OK
 * tunes.
 */
export const noticeLook = (notice: ReminderNotice, facts: NoticeFacts): NoticeLook => {
  const r = notice.reminder
  const title = r.title
  switch (notice.kind) {
    case 'startsNow':
      return {
        message: phrase('reminder.now', { title, channel: facts.channel(r.channelId) }),
        actions: ['watch', 'dismiss'],
        channelId: r.channelId,
      }
    case 'missed':
      return {
        message: phrase('reminder.missed', {
          title,
          channel: facts.channel(r.channelId),
          time: facts.time(r.start),
        }),
        actions: notice.onAir ? ['watch', 'dismiss'] : ['dismiss'],
        channelId: r.channelId,
      }
    case 'moved':
      return {
        message: phrase('reminder.moved', {
          title,
          day: facts.day(notice.to.start),
          time: facts.time(notice.to.start),
          channel: facts.channel(notice.to.channelId),
        }),
        actions: ['dismiss'],
        channelId: notice.to.channelId,
      }
    case 'gone':
      return {
        message: phrase('reminder.gone', {
          title,
          time: facts.time(r.start),
          channel: facts.channel(r.channelId),
        }),
        actions: ['dismiss'],
        channelId: r.channelId,
      }
  }
}
