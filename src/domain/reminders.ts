import type { Programme } from './guide'
import type { UnixSeconds } from './time'

/** A programme the viewer asked to be told about when it starts; kept on the box. */
export interface Reminder {
  programmeId: string
  channelId: string
  title: string
  start: UnixSeconds
  end: UnixSeconds
  /** When the viewer asked (operator clock). */
  setAt: UnixSeconds
}

export const reminderOf = (p: Programme, now: UnixSeconds): Reminder => ({
  programmeId: p.id,
  channelId: p.channelId,
  title: p.title,
  start: p.start,
  end: p.end,
  setAt: now,
})

/** Only a programme still to start can be reminded of. */
export const canRemind = (p: Pick<Programme, 'start'>, now: UnixSeconds): boolean => p.start > now

/**
 * What a reminder's start means now.
 * - `wait`: still to come.
 * - `startsNow`: its start has come while the app runs (a clock that jumps past it counts,
 *   as long as the programme is still on).
 * - `missed`: it started while the box was off (the first look after start-up), or it has
 *   already ended; `onAir` says whether Watch still makes sense.
 */
export type ReminderDue = { kind: 'wait' } | { kind: 'startsNow' } | { kind: 'missed'; onAir: boolean }

export const dueOf = (
  r: Pick<Reminder, 'start' | 'end'>,
  now: UnixSeconds,
  /** True on the first look after the app started (what passed, passed while it was off). */
  atStartUp: boolean,
  /** How late a start may be noticed and still be "starts now" at start-up (a slow boot). */
  graceSeconds: number,
): ReminderDue => {
  if (now < r.start) return { kind: 'wait' }
  const onAir = now < r.end
  if (!onAir) return { kind: 'missed', onAir: false }
  if (atStartUp && now - r.start > graceSeconds) return { kind: 'missed', onAir: true }
  return { kind: 'startsNow' }
}

/** Whether to ask the operator about a reminder's programme again before it starts. */
export const needsCheck = (
  r: Pick<Reminder, 'start'>,
  now: UnixSeconds,
  lastCheck: UnixSeconds | undefined,
  aheadSeconds: number,
  everySeconds: number,
): boolean =>
  now < r.start &&
  r.start - now <= aheadSeconds &&
  (lastCheck === undefined || now - lastCheck >= everySeconds)

/**
 * What the guide says of a reminded programme now: the same, moved (another start or channel:
 * the reminder follows it), or gone from the guide.
 */
export type GuideCheck =
  | { kind: 'same' }
  | { kind: 'moved'; to: Pick<Programme, 'start' | 'end' | 'channelId' | 'title'> }
  | { kind: 'gone' }

export const compareWithGuide = (r: Reminder, now: Programme | undefined): GuideCheck => {
  if (!now) return { kind: 'gone' }
  if (now.start === r.start && now.channelId === r.channelId) return { kind: 'same' }
  return { kind: 'moved', to: { start: now.start, end: now.end, channelId: now.channelId, title: now.title } }
}

/** Soonest first; one reminder per programme. */
export const sortReminders = (list: readonly Reminder[]): Reminder[] =>
  [...list].sort((a, b) => a.start - b.start || a.programmeId.localeCompare(b.programmeId))

/** What a stored list holds, each entry checked: a broken entry is left out, the rest kept. */
export const readReminders = (stored: unknown): Reminder[] => {
  if (!Array.isArray(stored)) return []
  const out: Reminder[] = []
  for (const item of stored as unknown[]) {
    if (typeof item !== 'object' || item === null) continue
    const r = item as Record<string, unknown>
    const str = (k: string): string | undefined => (typeof r[k] === 'string' ? (r[k] as string) : undefined)
    const num = (k: string): number | undefined =>
      typeof r[k] === 'number' && Number.isFinite(r[k]) ? (r[k] as number) : undefined
    const programmeId = str('programmeId')
    const channelId = str('channelId')
    const title = str('title')
    const start = num('start')
    const end = num('end')
    if (!programmeId || !channelId || title === undefined || start === undefined || end === undefined)
      continue
    out.push({ programmeId, channelId, title, start, end, setAt: num('setAt') ?? start })
  }
  return sortReminders(out)
}
