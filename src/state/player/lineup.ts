import type { Channel } from '../../domain/channels'
import { programmeAt, programmesOf, type GuideWindow, type Programme } from '../../domain/guide'
import type { LineupStore } from '../lineup/lineupStore'

export interface NowNext {
  now?: Programme
  next?: Programme
}

/** The lineup and the now/next the player needs for zapping and its mini guide. */
export interface PlayerLineup {
  channels(): Promise<readonly Channel[]>
  nowNext(channelIds: readonly string[], at: number): Promise<ReadonlyMap<string, NowNext>>
}

const HOUR = 3600

/** now/next of each channel from a window of programmes starting before `at`. */
export const nowNextOf = (programmes: readonly Programme[], at: number): NowNext => {
  const sorted = [...programmes].sort((a, b) => a.start - b.start)
  const now = programmeAt(sorted, at)
  const next = sorted.find((p) => p.start >= (now?.end ?? at))
  return { ...(now ? { now } : {}), ...(next ? { next } : {}) }
}

export interface PlayerLineupOptions {
  /** The app's one lineup (state/lineup). */
  lineup: LineupStore
  getGuide: (query: { channelIds: readonly string[]; start: number; end: number }) => Promise<GuideWindow>
}

/**
 * The lineup the player uses is the app's (one GetChannels for every screen, saved for offline
 * starts); now/next asks GetGuide for just the channels of the mini guide.
 */
export const playerLineupOf = (options: PlayerLineupOptions): PlayerLineup => ({
  channels() {
    // Zapping is a screen using the lineup: the refresh rule may fetch it again meanwhile.
    void options.lineup.open()
    return options.lineup.channels()
  },
  async nowNext(channelIds, at) {
    const out = new Map<string, NowNext>()
    if (channelIds.length === 0) return out
    const window = await options.getGuide({ channelIds, start: at - 1, end: at + 4 * HOUR })
    for (const id of channelIds) out.set(id, nowNextOf(programmesOf(window, id), at))
    return out
  },
})
