import type { ParentalControl } from '../../domain/parental'
import { phrase, type Phrase } from '../i18n'

/** What the player knows when a programme is above the parental limit. */
export interface ParentalLocked {
  programmeId: string
  rating: number
  channel?: { number: number; name: string }
  control: ParentalControl | undefined
}

export interface ParentalLockLook {
  title: Phrase
  /** Why, then what to do; never the programme's title or description. */
  text: Phrase[]
  action: Phrase
}

/**
 * The lock screen over a programme above the parental limit: which channel, why ("Rated 18+"
 * and the box's limit) and how on (the PIN; zapping still works). The programme's own words stay
 * hidden, as in the guide.
 */
export const parentalLockLook = (locked: ParentalLocked): ParentalLockLook => {
  const name = locked.channel ? `${locked.channel.number}  ${locked.channel.name}` : undefined
  const limit = locked.control?.maxRating
  return {
    title: name ? phrase('parental.player.title', { channel: name }) : phrase('parental.locked'),
    text: [
      limit === undefined
        ? phrase('parental.rated', { age: locked.rating })
        : phrase('parental.player.why', { age: locked.rating, limit }),
      phrase('parental.player.keys'),
    ],
    action: phrase('parental.player.unlock'),
  }
}
