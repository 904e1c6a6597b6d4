import type { Programme } from '../../domain/guide'
import { formatDay, formatTimeRange } from '../format'
import { phrase, type Phrase } from '../i18n'

export interface LockedDetailsLook {
  title: Phrase
  /** Channel, day and times only: what the guide's grid shows of it anyway. */
  lines: string[]
  reason: Phrase
}

/**
 * The details of a programme above the parental limit: "Locked programme", where and when it
 * is, and why; never its title, episode, description or picture.
 */
export const lockedDetails = (
  programme: Pick<Programme, 'start' | 'end' | 'rating'>,
  channel: { number: number; name: string } | undefined,
): LockedDetailsLook => ({
  title: phrase('parental.locked'),
  lines: [
    [
      ...(channel ? [`${channel.number}  ${channel.name}`] : []),
      formatDay(programme.start),
      formatTimeRange(programme.start, programme.end),
    ].join('  ·  '),
  ],
  reason: phrase('programme.refusal.parental', { age: programme.rating ?? 18 }),
})
