import type { Channel } from '../../domain/channels'
import { programmeAt, programmesOf, type Programme } from '../../domain/guide'
import type { AppState } from '../appState'

export interface NowNext {
  now?: Programme
  next?: Programme
}

/**
 * The lineup and the now/next the player needs for zapping and its mini guide. The guide's own
 * store (state/guide) is being built beside the player; until the app state exposes it, this
 * reads the envelope API directly, behind this small interface, so that switching to the
 * guide's store is one line in `playerLineupOf`.
 */
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

export const apiLineup = (state: Pick<AppState, 'api'>): PlayerLineup => {
  let channels: Promise<readonly Channel[]> | undefined
  return {
    channels() {
      // One lineup per player page; a failure is not kept, the next zap asks again.
      channels ??= state.api.envelope.getChannels().catch((error: unknown) => {
        channels = undefined
        throw error
      })
      return channels
    },
    async nowNext(channelIds, at) {
      const out = new Map<string, NowNext>()
      if (channelIds.length === 0) return out
      const window = await state.api.envelope.getGuide({
        channelIds,
        start: at - 1,
        end: at + 4 * HOUR,
      })
      for (const id of channelIds) out.set(id, nowNextOf(programmesOf(window, id), at))
      return out
    },
  }
}

/**
 * The lineup the player uses: the guide's (one GetChannels for both screens, cached for offline
 * starts); now/next still asks GetGuide for just the channels of the mini guide.
 */
export const playerLineupOf = (state: Pick<AppState, 'api' | 'guide'>): PlayerLineup => {
  const api = apiLineup(state)
  return {
    async channels() {
      if (state.guide.lineup.channels.length === 0) await state.guide.loadChannels()
      const lineup = state.guide.lineup
      if (lineup.channels.length === 0) throw new Error('no lineup')
      return lineup.channels
    },
    nowNext: (ids, at) => api.nowNext(ids, at),
  }
}
