/**
 * XMLTV `<rating system="..."><value>...</value></rating>` as a minimum age. The operator API
 * carries one scale (0, 6, 12, 16, 18); an age between two steps is rounded UP, so that a
 * parental limit never lets through what the original system kept from a younger viewer.
 */
export const RATING_STEPS = [0, 6, 12, 16, 18] as const

/** Labels of systems whose values are not ages (US TV and film, UK BBFC, French CSA...). */
const LABELS: Record<string, number> = {
  // US TV parental guidelines (V-chip)
  'tv-y': 0,
  'tv-y7': 7,
  'tv-y7-fv': 7,
  'tv-g': 0,
  'tv-pg': 6,
  'tv-14': 14,
  'tv-ma': 17,
  // US film (MPA)
  g: 0,
  pg: 6,
  'pg-13': 13,
  r: 17,
  'nc-17': 18,
  // UK BBFC (12, 15, 18 are plain ages)
  u: 0,
  uc: 0,
  '12a': 12,
  r18: 18,
  // France CSA, Netherlands Kijkwijzer, and the words guides use for "everyone"
  'tout public': 0,
  'tous publics': 0,
  tp: 0,
  al: 0,
  all: 0,
  universal: 0,
  'ohne altersbeschränkung': 0,
}

const roundUp = (age: number): number => RATING_STEPS.find((step) => step >= age) ?? 18

/**
 * The minimum age of one rating value, or undefined for a value this does not know ("Not
 * rated", "NR", an unknown system's letters): unknown is no rating, never a guess.
 */
export const minimumAge = (value: string): number | undefined => {
  const v = value.trim().toLowerCase().replace(/\s+/g, ' ')
  const label = LABELS[v]
  if (label !== undefined) return roundUp(label)
  // Plain ages and their usual dress: "16", "16+", "+16", "-16" (CSA), "FSK 16", "PEGI 16",
  // "ab 16", "K-16", "12 años".
  const m = /^(?:[a-z]{1,5}[ -]?)?[-+]?(\d{1,2})\+?(?: ?(?:años|ans|jahre|år|anos|years?))?$/.exec(v)
  if (!m?.[1]) return undefined
  const age = Number(m[1])
  return age <= 21 ? roundUp(age) : undefined
}

/** The strictest of a programme's ratings (a guide may give several systems); undefined if none is known. */
export const programmeRating = (values: readonly string[]): number | undefined => {
  let out: number | undefined
  for (const value of values) {
    const age = minimumAge(value)
    if (age !== undefined) out = Math.max(out ?? 0, age)
  }
  return out
}
