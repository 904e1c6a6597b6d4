import { formatTimeRange } from '../format'
import { phrase, type Phrase } from '../i18n'

/** What the player knows about a channel the viewer tuned to but has no right to. */
export interface LockedChannel {
  channelId: string
  /** From the lineup; missing while it cannot be loaded. */
  channel?: { number: number; name: string }
  /** The programme on now, when the guide has it. */
  onNow?: { title: string; start: number; end: number }
  /**
   * The smallest product that grants the channel, once the catalogue is known, with its price
   * as the store states it ("€5.00/month"), so that the offer is never a blind one.
   */
  product?: { id: string; title: string; price?: string }
}

export interface LockedLook {
  title: Phrase
  text: Phrase[]
  /** The way to the store: a named product, else the store's choice for the channel. */
  offer: { label: Phrase; to: { kind: 'product'; id: string } | { kind: 'channel'; id: string } }
}

/**
 * The message over a channel the viewer does not have: which channel, what is on it, and the
 * smallest product that grants it (the store's own rule), so that the viewer is one OK away
 * from buying it; the player's keys keep working under it.
 */
export const lockedLook = (locked: LockedChannel): LockedLook => {
  const name = locked.channel ? `${locked.channel.number}  ${locked.channel.name}` : undefined
  const text: Phrase[] = []
  if (locked.onNow)
    text.push(
      phrase('player.locked.onNow', {
        title: locked.onNow.title,
        times: formatTimeRange(locked.onNow.start, locked.onNow.end),
      }),
    )
  text.push(
    locked.product
      ? locked.product.price
        ? phrase('player.locked.productPrice', { product: locked.product.title, price: locked.product.price })
        : phrase('player.locked.product', { product: locked.product.title })
      : phrase('player.error.notAllowed.text'),
  )
  text.push(phrase('player.locked.keys'))
  return {
    title: name ? phrase('player.locked.title', { channel: name }) : phrase('player.error.notAllowed.title'),
    text,
    offer: locked.product
      ? {
          label: phrase('player.locked.get', { product: locked.product.title }),
          to: { kind: 'product', id: locked.product.id },
        }
      : { label: phrase('player.locked.store'), to: { kind: 'channel', id: locked.channelId } },
  }
}
