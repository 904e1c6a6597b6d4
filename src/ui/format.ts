import { currentLanguage, phrase, say, type Phrase } from './i18n'

/**
 * Dates, times and durations as the viewer reads them, in the interface language. Times are
 * Unix seconds on the operator's clock (state/clock), shown in the box's time zone.
 */
const locale = (): string => currentLanguage() ?? 'en'

const cache = new Map<string, Intl.DateTimeFormat>()
const formatter = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `${locale()}|${JSON.stringify(options)}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale(), options)
    cache.set(key, f)
  }
  return f
}

/** 21:05 */
export const formatTime = (unixSeconds: number): string =>
  formatter({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(unixSeconds * 1000)

/** Mon 23 Nov */
export const formatDay = (unixSeconds: number): string =>
  formatter({ weekday: 'short', day: 'numeric', month: 'short' }).format(unixSeconds * 1000)

/** 23 Nov 2026 */
export const formatDate = (unixSeconds: number): string =>
  formatter({ day: 'numeric', month: 'short', year: 'numeric' }).format(unixSeconds * 1000)

/** 21:05–22:00 */
export const formatTimeRange = (start: number, end: number): string =>
  `${formatTime(start)}–${formatTime(end)}`

/**
 * A duration as the viewer reads it: "2 h 37 min", "45 min", "2 h" (never "157 min"), in the
 * units of the interface language. Rounded to the minute; under half a minute is "0 min".
 */
export const durationPhrase = (seconds: number): Phrase => {
  const minutes = Math.max(0, Math.round(seconds / 60))
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return phrase('format.duration.minutes', { minutes })
  return rest === 0
    ? phrase('format.duration.hours', { hours })
    : phrase('format.duration.hoursMinutes', { hours, minutes: rest })
}

/** 2 h 37 min, 45 min */
export const formatDuration = (seconds: number): string => say(durationPhrase(seconds))
