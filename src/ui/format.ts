import { currentLanguage } from './i18n'

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

/** 1 h 05 min, 45 min */
export const formatDuration = (seconds: number): string => {
  const minutes = Math.max(0, Math.round(seconds / 60))
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return `${m} min`
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')} min`
}
