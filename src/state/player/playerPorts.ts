import { filter, firstValueFrom, interval, race, timer } from 'rxjs'
import { isApiError } from '../../api'
import { capabilitiesOf, entitlementsAt } from '../../domain/entitlements'
import type { Resume } from '../../domain/resumes'
import type { Logger } from '../../platform/log'
import type { Observable } from 'rxjs'
import type { Api } from '../../api'
import type { ResourceState } from '../cache/stampedResource'
import type { OperatorClock } from '../clock/operatorClock'
import type { LineupStore } from '../lineup/lineupStore'
import type { SessionStore } from '../session/sessionStore'
import type { UserState } from '../user/userState'
import { programmesOf } from '../../domain/guide'
import { nowNextOf, playerLineupOf, type PlayerLineup } from './lineup'
import { createPlayerSession, type PlayerSession } from './playerSession'
import type { FailureReader, PlayerPorts } from './ports'

/** How long the player waits for the user's rights and resume points before it plays anyway. */
const READY_TIMEOUT_MS = 4000

/** The API's error kinds as the player reads them. */
export const apiFailures: FailureReader = {
  kindOf(error) {
    if (!isApiError(error)) return 'other'
    switch (error.kind) {
      case 'auth':
        return 'auth'
      case 'denied':
        return 'denied'
      case 'notFound':
        return 'notFound'
      case 'network':
      case 'timeout':
        return 'network'
      default:
        return 'other'
    }
  },
}

/**
 * The player's ports over the app state: the envelope client for the stream, document 002 for
 * scrubbing, the user's rights and resume points. A resume point is saved through the user's
 * resumes resource, so that it shows at once and settles when the Tags stamp moves.
 */
export interface PlayerDeps {
  api: Pick<Api, 'envelope' | 'subscription'>
  session: Pick<SessionStore, 'authorised' | 'current'>
  clock: Pick<OperatorClock, 'nowMs' | 'nowSeconds'>
  /** Period of the grant renewal (settings' playbackCheckSeconds). */
  heartbeatMs: number
  /** How long a stream may keep reconnecting before the player gives up (settings' streamRetrySeconds). */
  reconnectMs: number
}

export const playerPortsOf = (state: PlayerDeps, user: UserState): PlayerPorts => {
  const { api, session } = state
  const authorised = <T>(call: () => Promise<T>): Promise<T> => session.authorised(call)
  const settled = <T>(resource: { state$: Observable<ResourceState<T>> }): Promise<unknown> =>
    firstValueFrom(
      race(
        resource.state$.pipe(filter((s) => s.data !== undefined || s.status === 'error')),
        timer(READY_TIMEOUT_MS),
      ),
    )
  return {
    async ready() {
      // The first scheduled poll may be minutes away: ask for the stamps now.
      user.check('user-action')
      await Promise.all([settled(user.rights), settled(user.resumes)])
    },
    getPlayback: (kind, id, signal) => authorised(() => api.envelope.getPlayback(kind, id, { signal })),
    nextProgramme: async (channelId, after) => {
      const window = await authorised(() =>
        api.envelope.getGuide({ channelIds: [channelId], start: after - 1, end: after + 4 * 3600 }),
      )
      return nowNextOf(programmesOf(window, channelId), after).now
    },
    keepPlayback: async (playbackId) => {
      await authorised(() => api.envelope.keepPlayback(playbackId))
    },
    scrubSettings: async () => {
      const current = session.current
      const customerId = current.kind === 'user' ? current.user.customerId : undefined
      if (customerId === undefined) return undefined
      return (await authorised(() => api.subscription.getSettings(customerId))).scrub
    },
    capabilities: (channelId) => {
      const rights = user.rights.current.data
      if (!rights) return capabilitiesOf(new Map(), channelId)
      return capabilitiesOf(
        entitlementsAt(rights.licences, rights.products, state.clock.nowSeconds()),
        channelId,
      )
    },
    resumes: () => user.resumes.current.data ?? [],
    saveResume: (contentId, position) =>
      user.resumes.change(
        (list): readonly Resume[] => [
          { contentId, position, updatedAt: state.clock.nowSeconds() },
          ...list.filter((r) => r.contentId !== contentId),
        ],
        () => authorised(() => api.envelope.setResume(contentId, position)),
      ),
  }
}

/**
 * Timings of a session in the app (tests inject their own triggers; the grant renewal's and
 * the reconnecting patience are settings).
 */
export const PLAYER_TIMINGS = { tickMs: 1000, saveMs: 30_000 } as const

/** A playback session wired to the app: the operator clock, real intervals, the API. */
export const createAppPlayerSession = (state: PlayerDeps, user: UserState, log: Logger): PlayerSession =>
  createPlayerSession({
    ports: playerPortsOf(state, user),
    failures: apiFailures,
    nowMs: () => state.clock.nowMs(),
    tick$: interval(PLAYER_TIMINGS.tickMs),
    heartbeat$: interval(state.heartbeatMs),
    save$: interval(PLAYER_TIMINGS.saveMs),
    reconnect$: timer(state.reconnectMs),
    log,
  })

/** What the player screen gets from the app state: the lineup for zapping, and sessions. */
export interface PlayerHub {
  lineup: PlayerLineup
  /** One playback for the signed-in user; the page disposes of it when it closes. */
  session(user: UserState, log: Logger): PlayerSession
}

export const createPlayerHub = (state: PlayerDeps & { lineup: LineupStore }): PlayerHub => ({
  lineup: playerLineupOf({
    lineup: state.lineup,
    getGuide: (query) => state.session.authorised(() => state.api.envelope.getGuide(query)),
  }),
  session: (user, log) => createAppPlayerSession(state, user, log),
})
