import {
  BehaviorSubject,
  Observable,
  SchedulerLike,
  Subject,
  Subscription,
  combineLatest,
  distinctUntilChanged,
  map,
  merge,
  of,
} from 'rxjs'
import { createApi, isApiError } from '../api'
import type { Logger } from '../platform/log'
import type { KanalSettings } from '../platform/settings'
import { sessionApiOf } from './session/apiSession'
import { createSessionStore, type SessionStore } from './session/sessionStore'
import type { KeyValueStore } from './storage/keyValueStore'
import { createOperatorClock, type OperatorClock } from './clock/operatorClock'
import type { PollReason } from './timestamps/poller'
import { isOperatorUnreachable } from './timestamps/unreachable'
import { userPortsOf } from './user/apiPorts'
import { createUserState, type UserState } from './user/userState'
import { createStore, type Store } from './store/store'
import { createAccountState, type AccountState } from './account/accountState'
import { createPreferencesStore, type PreferencesStore } from './account/preferences'
import { createGuideService, type GuideService } from './guide/guideService'
import { createLineupStore, type LineupStore } from './lineup/lineupStore'
import { createPlayerHub, type PlayerHub } from './player/playerPorts'
import { createSleepTimer, type SleepTimer } from './player/sleepTimer'
import { createAnnouncer, type Announcer, type SpeechPort } from './voice/announcer'
import { voiceGuidanceOn } from '../domain/preferences'
import { createReminders, type Reminders } from './reminders/reminders'
import { DEFAULT_REMINDER_TIMINGS } from './reminders/reminderScheduler'
import { createGuideSearch, type GuideSearch } from './search/guideSearch'

export interface AppStateOptions {
  settings: KanalSettings
  /** Absolute base URL of the operator APIs (settings.apiBaseUrl resolved against the page). */
  apiBaseUrl: string
  /** The box's storage; a resilient one also says when it has fallen back to memory. */
  storage: KeyValueStore & { degraded$?: Observable<boolean> }
  scheduler: SchedulerLike
  random: () => number
  nowMs: () => number
  visible$: Observable<boolean>
  networkBack$: Observable<void>
  newDeviceId: () => string
  /** The platform's name for this box (Firebolt's Device), sent at sign-in; a default without. */
  deviceName?: () => Promise<string | undefined>
  /** The platform's interface language (Firebolt's Localization), before the settings' locale. */
  platformLanguage?: () => Promise<string | undefined>
  log: Logger
  /** The network, for tests; the browser's fetch otherwise. */
  fetch?: typeof fetch
  /** The text-to-speech of voice guidance (platform/speech.ts); none: the box stays silent. */
  speech?: SpeechPort
  /** The platform's accessibility setting for voice guidance (platform/accessibility.ts). */
  platformVoiceGuidance$?: Observable<boolean | undefined>
}

/**
 * What the screens reach: views and intents. The API clients and the box's storage stay inside
 * state/ (ESLint fails a `.api` or `.storage` on the app state in ui/).
 */
export interface AppState {
  /** The operator's time: what every screen means by "now". */
  clock: OperatorClock
  session: SessionStore
  /** The signed-in user's stores; undefined while nobody is signed in (document 000 is per user). */
  user$: Observable<UserState | undefined>
  readonly user: UserState | undefined
  /** The store: catalogue, what the user owns, purchases. */
  store: Store
  /** The guide: lineup, programme windows, rights per channel, recording marks. */
  guide: GuideService
  /** The account: settings, history, PIN change, sign-out and its reasons. */
  account: AccountState
  /** Language, poll period and voice guidance, kept on the box. */
  preferences: PreferencesStore
  /** Voice guidance: on or off, and what is said when. */
  voice: Announcer
  /** The channel lineup every screen shares (guide rows, store and recordings names, zapping). */
  lineup: LineupStore
  /** The player's lineup and playback sessions. */
  player: PlayerHub
  /** The sleep timer: it outlives a zap and counts on the operator clock. */
  sleepTimer: SleepTimer
  /** Guide search as the viewer types (SearchGuide). */
  search: GuideSearch
  /** Reminders kept on the box, and the notices they give by the operator clock. */
  reminders: Reminders
  /** Whether the app is in front (page and platform lifecycle): the player stops while it is not. */
  visible$: Observable<boolean>
  /**
   * True once the box's storage refused a write (full, unavailable): what is shown stays, but
   * what is fetched from now on is kept only until the app closes.
   */
  storageDegraded$: Observable<boolean>
  /** Signs in (the saved session, else anonymously); failures leave the app usable offline. */
  start(): Promise<void>
  check(reason: PollReason): void
  /**
   * The app closes: the user's hub (poller, timers, caches' subscriptions) and every store
   * are disposed and the streams complete. Nothing runs afterwards; start() no longer signs in.
   */
  close(): void
}

const DEVICE_KEY = 'device-id'

/** Wires the API clients, the session and the per-user stores for the app's lifetime. */
export const createAppState = (options: AppStateOptions): AppState => {
  const { log, storage } = options
  const clock = createOperatorClock({ localNowMs: options.nowMs, scheduler: options.scheduler })
  // Reminders judge what was missed while the box was off by the operator's clock: they wait
  // for its first word (any answer's Date), or a while when it does not answer.
  let clockHeard: () => void = () => undefined
  const clockReady = new Promise<void>((resolve) => (clockHeard = resolve))
  let session: SessionStore | undefined
  const api = createApi({
    baseUrl: options.apiBaseUrl,
    getToken: () => session?.token(),
    random: options.random,
    onServerDate: (operatorMs) => {
      clock.observe(operatorMs, options.nowMs())
      clockHeard()
    },
    logger: { warn: (message, data) => log.warn(message, data) },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })
  const user = new BehaviorSubject<UserState | undefined>(undefined)
  const checks = new Subject<PollReason>()
  const triggers$ = merge(checks, options.networkBack$.pipe(map((): PollReason => 'network-back')))

  const deviceId = async (): Promise<string> => {
    const saved = await storage.getItem(DEVICE_KEY).catch(() => null)
    if (typeof saved === 'string' && saved !== '') return saved
    const fresh = options.newDeviceId()
    await storage.setItem(DEVICE_KEY, fresh).catch(() => undefined)
    return fresh
  }

  const preferences = createPreferencesStore({
    storage,
    defaults: { language: options.settings.locale, pollPeriodSeconds: options.settings.pollPeriodSeconds },
    ...(options.platformLanguage ? { platformLanguage: options.platformLanguage } : {}),
    log,
  })
  const voice = createAnnouncer({
    speech: options.speech ?? { speak: () => undefined, cancel: () => undefined },
    enabled$: combineLatest([
      preferences.voiceGuidance$,
      options.platformVoiceGuidance$ ?? of(undefined),
    ]).pipe(map(([viewer, platform]) => voiceGuidanceOn(viewer, platform, options.settings.voiceGuidance))),
    delayMs: options.settings.voiceGuidanceDelayMs,
    scheduler: options.scheduler,
  })
  const account = createAccountState({
    api,
    user$: user.asObservable(),
    user: () => user.value,
    preferences,
    log,
  })

  const follow = (store: SessionStore): Subscription =>
    store.userId$.pipe(distinctUntilChanged()).subscribe((userId) => {
      // A new user (or none): the old hub's poller, timers and subscriptions end here.
      user.value?.dispose()
      if (userId === undefined) {
        user.next(undefined)
        return
      }
      user.next(
        createUserState({
          ports: userPortsOf(
            api,
            (call) => store.authorised(call),
            () => userId,
          ),
          userKey: `user-${userId}`,
          storage,
          scheduler: options.scheduler,
          random: options.random,
          nowMs: clock.nowMs,
          periodSeconds: preferences.pollPeriodSeconds(),
          periodSeconds$: preferences.pollPeriodSeconds$,
          jitter: options.settings.pollJitter,
          collapseSeconds: options.settings.pollCollapseSeconds,
          visible$: options.visible$,
          triggers$,
          isUnreachable: isOperatorUnreachable,
          parentalMaxAgeSeconds: options.settings.parentalMaxAgeSeconds,
          log,
        }),
      )
    })

  // The store's, the guide's and the lineup's first loads wait for start(): without a token
  // the operator answers 401.
  let markStarted: () => void = () => undefined
  const started = new Promise<void>((resolve) => (markStarted = resolve))
  const authorised = async <T>(call: () => Promise<T>): Promise<T> => {
    await started
    return session ? session.authorised(call) : call()
  }
  const lineup = createLineupStore({
    load: (signal) => authorised(() => api.envelope.getChannels({ signal })),
    storage,
    nowMs: clock.nowMs,
    log,
  })
  const store = createStore({
    api,
    authorised,
    user$: user.asObservable(),
    user: () => user.value,
    userId: () => {
      const current = session?.current
      return current?.kind === 'user' ? current.user.id : undefined
    },
    lineup,
    storage,
    scheduler: options.scheduler,
    clock,
    log,
  })

  const guide = createGuideService({
    api,
    lineup,
    authorised,
    clock,
    storage,
    user$: user.asObservable(),
    user: () => user.value,
    locale: () => preferences.current.language ?? options.settings.locale,
    log,
  })

  const sessionOrThrow = (): SessionStore => {
    if (session === undefined) throw new Error('AppState.session read before start()')
    return session
  }
  const player = createPlayerHub({
    api,
    get session() {
      return sessionOrThrow()
    },
    clock,
    lineup,
    heartbeatMs: options.settings.playbackCheckSeconds * 1000,
    reconnectMs: options.settings.streamRetrySeconds * 1000,
  })

  const sleepTimer = createSleepTimer({ clock, tickMs: 1000 })
  const search = createGuideSearch({
    search: (query, signal) => authorised(() => api.envelope.searchGuide({ query }, { signal })),
    scheduler: options.scheduler,
    debounceMs: options.settings.searchDebounceMs,
    log,
  })
  const reminders = createReminders({
    storage,
    clock,
    lookUp: (id) => guide.lookUpProgramme(id),
    clockReady,
    scheduler: options.scheduler,
    timings: {
      ...DEFAULT_REMINDER_TIMINGS,
      checkAheadSeconds: options.settings.reminderCheckAheadSeconds,
      checkEverySeconds: options.settings.reminderCheckEverySeconds,
    },
    log,
  })

  let following: Subscription | undefined
  let closed = false

  return {
    clock,
    store,
    account,
    preferences,
    voice,
    guide,
    lineup,
    player,
    sleepTimer,
    search,
    reminders,
    visible$: options.visible$,
    storageDegraded$: (storage.degraded$ ?? of(false)).pipe(distinctUntilChanged()),
    get session(): SessionStore {
      return sessionOrThrow()
    },
    user$: user.asObservable(),
    get user() {
      return user.value
    },
    async start() {
      try {
        const device = await deviceId()
        // The saved poll period applies from the first poll.
        await preferences.load()
        if (closed) return
        session = createSessionStore({
          api: sessionApiOf(api, options.deviceName),
          storage,
          deviceId: device,
          nowSeconds: clock.nowSeconds,
          isAuthError: (e) => isApiError(e) && e.kind === 'auth',
          log,
        })
        following = follow(session)
        account.follow(session, device)
        await session.start()
      } catch (error: unknown) {
        log.warn('sign-in failed; showing what is cached', error)
      } finally {
        markStarted()
        // Reminders start with or without the operator: what they say comes from the box.
        if (!closed) reminders.start()
      }
    },
    check(reason) {
      checks.next(reason)
    },
    close() {
      if (closed) return
      closed = true
      following?.unsubscribe()
      user.value?.dispose()
      user.complete()
      checks.complete()
      account.dispose()
      store.dispose()
      guide.dispose()
      search.dispose()
      reminders.dispose()
      lineup.dispose()
      voice.dispose()
      sleepTimer.dispose()
      preferences.dispose()
      session?.dispose()
    },
  }
}
