import type { ScrubSettings } from './subscription'

export type TrickPlayAction = 'pause' | 'forward' | 'backward'
export const TRICK_PLAY_ACTIONS: readonly TrickPlayAction[] = ['pause', 'forward', 'backward']

/** subscription: the customer's override forbids it; channel: the channel's own rule does. */
export type TrickPlayRefusal = 'subscription' | 'channel'

export type TrickPlayPermission = { allowed: true } | { allowed: false; reason: TrickPlayRefusal }

export type TrickPlayRules = Readonly<Record<TrickPlayAction, TrickPlayPermission>>

/** A channel's own scrubbing rules; an action it does not mention is allowed. */
export type ChannelScrubRules = Partial<Readonly<Record<TrickPlayAction, boolean>>>

/**
 * Which trick-play actions are allowed (document 002's scrub). With `override` the
 * subscription's values replace the channel's scrubbing settings; a value the server left out
 * ("properties holding no value may be omitted") falls back to the channel's. Without
 * override, or without settings at all, the channel's rules apply.
 */
export const trickPlayRules = (
  scrub: ScrubSettings | undefined,
  channel: ChannelScrubRules = {},
): TrickPlayRules => {
  const rule = (action: TrickPlayAction): TrickPlayPermission => {
    const own = scrub?.override ? scrub[action] : undefined
    if (own === false) return { allowed: false, reason: 'subscription' }
    if (own === true) return { allowed: true }
    return channel[action] === false ? { allowed: false, reason: 'channel' } : { allowed: true }
  }
  return { pause: rule('pause'), forward: rule('forward'), backward: rule('backward') }
}

export const isTrickPlayAllowed = (rules: TrickPlayRules, action: TrickPlayAction): boolean =>
  rules[action].allowed
