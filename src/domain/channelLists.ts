import type { Channel } from './channels'

/**
 * The channel lists the guide offers: every channel, the favourites, the recently watched,
 * and one per channel genre the lineup has (GetChannels' Genre).
 */
export type ChannelList =
  | { kind: 'all' }
  | { kind: 'favourites' }
  | { kind: 'recent' }
  | { kind: 'genre'; genre: string }

export const ALL_CHANNELS: ChannelList = { kind: 'all' }

/** A list's id as kept on the box: "all", "favourites", "recent", "genre:News". */
export const listId = (list: ChannelList): string =>
  list.kind === 'genre' ? `genre:${list.genre}` : list.kind

/** The list of a kept id; undefined for one that is not a list (never a crash). */
export const listOfId = (id: unknown): ChannelList | undefined => {
  if (id === 'all' || id === 'favourites' || id === 'recent') return { kind: id }
  if (typeof id === 'string' && id.startsWith('genre:') && id.length > 'genre:'.length)
    return { kind: 'genre', genre: id.slice('genre:'.length) }
  return undefined
}

export const sameList = (a: ChannelList, b: ChannelList): boolean => listId(a) === listId(b)

/** The genres of a lineup, each once, in alphabetical order of the locale. */
export const genresOf = (channels: readonly Channel[], locale?: string): string[] =>
  [...new Set(channels.map((c) => c.genre).filter((g): g is string => g !== undefined))].sort((a, b) =>
    a.localeCompare(b, locale),
  )

/** What the picker offers, in order: All, Favourites, Recently watched, then the genres. */
export const listsOf = (channels: readonly Channel[], locale?: string): ChannelList[] => [
  ALL_CHANNELS,
  { kind: 'favourites' },
  { kind: 'recent' },
  ...genresOf(channels, locale).map((genre): ChannelList => ({ kind: 'genre', genre })),
]

/**
 * The channels a list holds: the lineup's order for favourites and genres (the numbers a viewer
 * knows), newest first for the recently watched (ids the lineup no longer has are left out).
 */
export const channelsInList = (
  list: ChannelList,
  channels: readonly Channel[],
  favourites: ReadonlySet<string>,
  recent: readonly string[],
): readonly Channel[] => {
  switch (list.kind) {
    case 'all':
      return channels
    case 'favourites':
      return channels.filter((c) => favourites.has(c.id))
    case 'recent': {
      const byId = new Map(channels.map((c) => [c.id, c]))
      return recent.map((id) => byId.get(id)).filter((c): c is Channel => c !== undefined)
    }
    case 'genre':
      return channels.filter((c) => c.genre === list.genre)
  }
}

/**
 * A list kept on the box that the lineup no longer offers (a genre gone) falls back to all
 * channels; favourites and recently watched are always offered, empty or not.
 */
export const listOffered = (list: ChannelList, channels: readonly Channel[]): ChannelList =>
  list.kind === 'genre' && !channels.some((c) => c.genre === list.genre) ? ALL_CHANNELS : list

/**
 * A typed channel number in a list: its row when the list holds that channel; otherwise the
 * guide goes back to all channels (the viewer asked for that channel, not for the list).
 */
export const numberInList = (
  number: number,
  shown: readonly Channel[],
  lineup: readonly Channel[],
): { kind: 'inList'; row: number } | { kind: 'toAll' } | { kind: 'none' } => {
  const row = shown.findIndex((c) => c.number === number)
  if (row >= 0) return { kind: 'inList', row }
  return lineup.some((c) => c.number === number) ? { kind: 'toAll' } : { kind: 'none' }
}
