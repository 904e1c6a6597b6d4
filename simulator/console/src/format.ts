/** Times are the operator's (Unix seconds), shown in the browser's time zone like the TV shows them. */

const pad = (n: number): string => String(n).padStart(2, '0')

export const hms = (at: number): string => {
  const d = new Date(at * 1000)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

export const hm = (at: number): string => {
  const d = new Date(at * 1000)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export const day = (at: number): string => {
  const d = new Date(at * 1000)
  return `${DAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`
}

/** "Tue 1 Dec 14:03:22". */
export const dateTime = (at: number): string => {
  const d = new Date(at * 1000)
  return `${DAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]} ${hms(at)}`
}

/** The value of an <input type="datetime-local" step="1">. */
export const toLocalInput = (at: number): string => {
  const d = new Date(at * 1000)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${hms(at)}`
}

/** "3 s", "4 min 10 s", "2 h 5 min", "3 d 4 h". */
export const span = (seconds: number): string => {
  const s = Math.round(Math.abs(seconds))
  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`
  if (s < 86400)
    return `${Math.floor(s / 3600)} h${s % 3600 >= 60 ? ` ${Math.floor((s % 3600) / 60)} min` : ''}`
  return `${Math.floor(s / 86400)} d${s % 86400 >= 3600 ? ` ${Math.floor((s % 86400) / 3600)} h` : ''}`
}

/** "GetUserTimestamps" for an envelope path, else the path itself. */
export const operationOf = (e: { operation?: string; path: string }): string =>
  e.operation ?? e.path.replace(/^\/api\//, '')
