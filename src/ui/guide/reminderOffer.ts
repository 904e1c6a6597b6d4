import { canRemind } from '../../domain/reminders'
import type { UnixSeconds } from '../../domain/time'

/** What the details page offers about a reminder: set one, cancel the one set, or nothing. */
export type ReminderOffer = 'set' | 'cancel' | undefined

/**
 * A programme still to start can be reminded of; one with a reminder offers to cancel it (even
 * once it has started, until the reminder has been told and so gone).
 */
export const reminderOffer = (
  p: { start: UnixSeconds },
  now: UnixSeconds,
  reminded: boolean,
): ReminderOffer => (reminded ? 'cancel' : canRemind(p, now) ? 'set' : undefined)
