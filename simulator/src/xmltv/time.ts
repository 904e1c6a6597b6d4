/** A time of an XMLTV file, in UTC, and what the file said about its zone. */
export interface XmltvTime {
  /** Unix seconds, UTC. */
  at: number
  /** The offset the file gave, in minutes east of UTC; undefined when it gave none. */
  offsetMinutes: number | undefined
}

// "YYYYMMDDhhmmss +hhmm": the seconds, minutes and hours may be left out, and so may the zone.
const PATTERN = /^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?\s*(?:([+-])(\d{2}):?(\d{2})|(Z|UTC|GMT))?$/

/**
 * Reads an XMLTV date. The XMLTV DTD says a time without a zone is UTC; named zones other than
 * UTC/GMT are ambiguous (EST, IST...) and refused rather than guessed.
 */
export const parseXmltvTime = (text: string | undefined): XmltvTime | undefined => {
  if (text === undefined) return undefined
  const m = PATTERN.exec(text.trim())
  if (!m) return undefined
  const [, y, mo, d, h = '00', mi = '00', s = '00', sign, oh, om, named] = m
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return undefined
  const local = Date.UTC(year, month - 1, day, hour, minute, second)
  // Date.UTC rolls 31 February over into March: such a date is a typo, not a time.
  if (new Date(local).getUTCDate() !== day) return undefined
  let offsetMinutes: number | undefined
  if (sign !== undefined) {
    const hours = Number(oh)
    const minutes = Number(om)
    if (hours > 14 || minutes > 59) return undefined
    offsetMinutes = (sign === '-' ? -1 : 1) * (hours * 60 + minutes)
  } else if (named !== undefined) {
    offsetMinutes = 0
  }
  return { at: Math.floor(local / 1000) - (offsetMinutes ?? 0) * 60, offsetMinutes }
}
