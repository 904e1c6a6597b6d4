import type { UnixSeconds } from './time'

/** The only tag the operator keeps today: a favourite channel. */
export const FAVOURITE = 'favourite'

/** One of the user's tags (GetUserTags): what is tagged, how, and since when. */
export interface UserTag {
  itemType: 'Channel'
  itemId: string
  tag: string
  addedAt: UnixSeconds | null
}

export type WatchKind = 'live' | 'startover' | 'catchup' | 'recording'

/** One entry of the user's watch history (GetUserWatchHistory), newest first. */
export interface WatchEntry {
  id: string
  kind: WatchKind | 'unknown'
  channelId?: string
  programmeId?: string
  recordingId?: string
  title: string
  watchedAt: UnixSeconds
}

/** The ids of the user's favourite channels. */
export const favouriteIds = (tags: readonly UserTag[]): ReadonlySet<string> =>
  new Set(tags.filter((t) => t.itemType === 'Channel' && t.tag === FAVOURITE).map((t) => t.itemId))

/** The tags with one channel's favourite added or removed (newest first, as the operator lists them). */
export const withFavourite = (
  tags: readonly UserTag[],
  channelId: string,
  on: boolean,
  now: UnixSeconds,
): UserTag[] => {
  const others = tags.filter(
    (t) => !(t.itemType === 'Channel' && t.tag === FAVOURITE && t.itemId === channelId),
  )
  if (!on) return others
  const kept = tags.find((t) => t.itemType === 'Channel' && t.tag === FAVOURITE && t.itemId === channelId)
  return [kept ?? { itemType: 'Channel', itemId: channelId, tag: FAVOURITE, addedAt: now }, ...others]
}

/**
 * The channels of the "Recently watched" list: from the newest entries, each channel once,
 * at most `limit`. Recordings and catch-up count for their channel too: the viewer watched it.
 */
export const recentChannelIds = (entries: readonly WatchEntry[], limit = 20): string[] => {
  const seen = new Set<string>()
  const ids: string[] = []
  const newestFirst = [...entries].sort((a, b) => b.watchedAt - a.watchedAt)
  for (const entry of newestFirst) {
    const id = entry.channelId
    if (id === undefined || seen.has(id)) continue
    seen.add(id)
    ids.push(id)
    if (ids.length >= limit) break
  }
  return ids
}
