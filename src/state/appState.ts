import { BehaviorSubject, Observable, SchedulerLike, Subject, distinctUntilChanged, map, merge } from 'rxjs'
import { createApi, isApiError, type Api } from '../api'
import type { Logger } from '../platform/log'
import type { KanalSettings } from '../platform/settings'
import { sessionApiOf } from './session/apiSession'
import { createSessionStore, type SessionStore } from './session/sessionStore'
import type { KeyValueStore } from './storage/keyValueStore'
import { createOperatorClock, type OperatorClock } from './clock/operatorClock'
import type { PollReason } from './timestamps/poller'
import { userPortsOf } from './user/apiPorts'
import { createUserState, type UserState } from './user/userState'
import { createStore, type Store } from './store/store'
import { createAccountState, type AccountState } from './account/accountState'
import { createPreferencesStore, type PreferencesStore } from './account/preferences'
import { createGuideService, type GuideService } from './guide/guideService'

export interface AppStateOptions {
  settings: KanalSettings
  /** Absolute base URL of the operator APIs (settings.apiBaseUrl resolved against the page). */
  apiBaseUrl: string
  storage: KeyValueStore
  scheduler: SchedulerLike
  random: () => number
  nowMs: () => number
  visible$: Observable<boolean>
  networkBack$: Observable<void>
  newDeviceId: () => string
  log: Logger
}

export interface AppState {
  api: Api
  /** The operator's time: what every screen means by "now". */
  clock: OperatorClock
  session: SessionStore
  /** The box's storage (resilient): for small stores the screens build, e.g. channel names. */
  storage: KeyValueStore
  /** The signed-in user's stores; undefined while nobody is signed in (document 000 is per user). */
  user$: Observable<UserState | undefined>
  readonly user: UserState | undefined
  /** The store: catalogue, what the user owns, purchases. */
  store: Store
  /** The guide: lineup, programme windows, rights per channel, recording marks. */
  guide: GuideService
  /** The account: settings, history, PIN change, sign-out and its reasons. */
  account: AccountState
  /** Language and poll period, kept on the box. */
  preferences: PreferencesStore
  /** Signs in (the saved session, else anonymously); failures leave the app usable offline. */
  start(): Promise<void>
  check(reason: PollReason): void
}

const DEVICE_KEY = 'device-id'

/** Wires the API clients, the session and the per-user stores for the app's lifetime. */
export const createAppState = (options: AppStateOptions): AppState => {
  const { log, storage } = options
  const clock = createOperatorClock({ localNowMs: options.nowMs, scheduler: options.scheduler })
  let session: SessionStore | undefined
  const api = createApi({
    baseUrl: options.apiBaseUrl,
    getToken: () => session?.token(),
    random: options.random,
    onServerDate: (operatorMs) => clock.observe(operatorMs, options.nowMs()),
    logger: { warn: (message, data) => log.warn(message, data) },
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
    log,
  })
  const account = createAccountState({
    api,
    user$: user.asObservable(),
    user: () => user.value,
    preferences,
    log,
  })

  const follow = (store: SessionStore): void => {
    store.userId$.pipe(distinctUntilChanged()).subscribe((userId) => {
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
          isUnreachable: (e) => isApiError(e) && (e.kind === 'network' || e.kind === 'timeout'),
          log,
        }),
      )
    })
  }

  // The store's first loads wait for start(): without a token the operator answers 401.
  let markStarted: () => void = () => undefined
  const started = new Promise<void>((resolve) => (markStarted = resolve))
  const store = createStore({
    api,
    authorised: async (call) => {
      await started
      return session ? session.authorised(call) : call()
    },
    user$: user.asObservable(),
    user: () => user.value,
    userId: () => {
      const current = session?.current
      return current?.kind === 'user' ? current.user.id : undefined
    },
    storage,
    scheduler: options.scheduler,
    clock,
    log,
  })

  const guide = createGuideService({
    api,
    // Like the store: the first guide requests wait for the session (no token, no answer).
    authorised: async (call) => {
      await started
      return session ? session.authorised(call) : call()
    },
    clock,
    storage,
    user$: user.asObservable(),
    user: () => user.value,
    log,
  })

  return {
    api,
    clock,
    store,
    account,
    preferences,
    guide,
    get session(): SessionStore {
      if (session === undefined) throw new Error('AppState.session read before start()')
      return session
    },
    storage,
    user$: user.asObservable(),
    get user() {
      return user.value
    },
    async start() {
      try {
        const device = await deviceId()
        // The saved poll period applies from the first poll.
        await preferences.load()
        session = createSessionStore({
          api: sessionApiOf(api),
          storage,
          deviceId: device,
          nowSeconds: clock.nowSeconds,
          isAuthError: (e) => isApiError(e) && e.kind === 'auth',
          log,
        })
        follow(session)
        account.follow(session, device)
        await session.start()
      } catch (error: unknown) {
        log.warn('sign-in failed; showing what is cached', error)
      } finally {
        markStarted()
      }
    },
    check(reason) {
      checks.next(reason)
    },
  }
}
