import type { Programme } from '../../domain/guide'
import { durationPhrase, formatDay, formatTime } from '../format'
import { phrase, say, type Phrase } from '../i18n'

/** How far a programme on air has got: a fraction (0..1) and seconds elapsed and left. */
export interface OnAir {
  fraction: number
  elapsed: number
  remaining: number
}

/** The progress of a programme on air at `now`; undefined before it starts and after it ends. */
export const onAirOf = (p: Pick<Programme, 'start' | 'end'>, now: number): OnAir | undefined => {
  if (now < p.start || now >= p.end || p.end <= p.start) return undefined
  return { fraction: (now - p.start) / (p.end - p.start), elapsed: now - p.start, remaining: p.end - now }
}

/** "23 min in, 37 min left" under the details page's progress bar. */
export const onAirPhrase = (on: OnAir): Phrase =>
  phrase('programme.onAir.left', {
    elapsed: say(durationPhrase(on.elapsed)),
    remaining: say(durationPhrase(on.remaining)),
  })

/** What the page knows of the next airing: still asking, none, or one (with its channel when in the lineup). */
export type NextAiring =
  | 'unknown'
  | 'none'
  | { programme: Programme; channel?: { number: number; name: string } }

/** The next airing's line; nothing while the operator has not answered. */
export const nextAiringPhrase = (next: NextAiring): Phrase | undefined => {
  if (next === 'unknown') return undefined
  if (next === 'none') return phrase('programme.next.none')
  const when = { day: formatDay(next.programme.start), time: formatTime(next.programme.start) }
  return next.channel
    ? phrase('programme.next.on', { ...when, channel: `${next.channel.number}  ${next.channel.name}` })
    : phrase('programme.next.at', when)
}

/**
 * The ways on besides the programme's own actions: "Sign in" while signed out, "Get this
 * channel" (the store's product for it) whenever the viewer cannot watch the channel live, and
 * "Check again" instead of it while the package could not be read (nothing says the channel is
 * missing from it then).
 */
export const channelOffers = (rights: {
  signedIn: boolean
  live: boolean
  packageStatus: 'known' | 'checking' | 'failed'
}): Array<'signIn' | 'getChannel' | 'checkAgain'> => {
  if (!rights.signedIn) return rights.live ? ['signIn'] : ['signIn', 'getChannel']
  if (rights.packageStatus === 'failed') return ['checkAgain']
  if (rights.packageStatus === 'checking' || rights.live) return []
  return ['getChannel']
}
