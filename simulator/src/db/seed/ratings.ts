import type { Show } from './shows'

const DAY = 86400
/** Late evening to early morning (UTC), when broadcasters show their adult cuts. */
const isLateNight = (start: number): boolean => {
  const hour = Math.floor((start % DAY) / 3600)
  return hour >= 22 || hour < 4
}

/**
 * The demo guide's age ratings, from what a show is rather than from the random stream, so that
 * adding them did not change a single title or time of the seeded guide: kids' shows 0, crime
 * and thriller drama 16, other drama 12; films by kind (family 6, thriller and action 16, or 18
 * late at night), the rest unrated as many real guides leave them.
 */
export const demoRating = (show: Show, start: number): number | null => {
  const kinds = show.categories
  if (kinds.includes('Kids')) return 0
  if (show.kind === 'movie') {
    if (kinds.includes('Family')) return 6
    if (kinds.includes('Thriller') || kinds.includes('Action')) return isLateNight(start) ? 18 : 16
    return 12
  }
  if (kinds[0] === 'Drama') return kinds.includes('Crime') || kinds.includes('Thriller') ? 16 : 12
  return null
}

/** The channel whose programme on air when the demo is seeded (and the one after) is rated 18. */
export const ADULT_NOW_CHANNEL = 'ch10'
