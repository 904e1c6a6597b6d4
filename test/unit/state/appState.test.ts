/** @jest-environment node */
import { BehaviorSubject, NEVER, asyncScheduler } from 'rxjs'
import { DEFAULT_SETTINGS } from '../../../src/platform/settings'
import type { Logger } from '../../../src/platform/log'
import { createAppState, type AppState } from '../../../src/state/appState'
import { createMemoryStore } from '../../../src/state/storage/keyValueStore'
import type { UserState } from '../../../src/state/user/userState'

const quiet: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
const T0 = 1_800_000_000_000

/** Promise callbacks only: the fake timers hold setImmediate and nextTick too. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 50; i++) await Promise.resolve()
}

/** Kanal's own session methods answer; every other request stays in flight until aborted. */
const SESSION_ANSWERS: Record<string, unknown> = {
  Logout: {},
  LoginAnonymous: { token: 'anonymous-1', expiresAt: T0 / 1000 + 86_400 },
}

const silentNetwork = () => {
  const signals: AbortSignal[] = []
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      const method = String(input).split('/').pop() ?? ''
      const answer = SESSION_ANSWERS[method]
      if (answer !== undefined) {
        resolve(new Response(JSON.stringify({ StatusCode: 0, StatusMessage: '', Content: answer })))
        return
      }
      const signal = init?.signal
      if (signal) {
        signals.push(signal)
        signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true })
      }
    })
  return { fetch: fetch as typeof globalThis.fetch, signals }
}

/** A box whose saved session is a signed-in user's: start() brings the user's hub without a call. */
const signedInBox = async () => {
  const storage = createMemoryStore()
  await storage.setItem('session', {
    kind: 'user',
    token: 'token-1',
    expiresAt: T0 / 1000 + 86_400,
    user: { id: '1001', name: 'Anna', customerId: '5001' },
    renewKey: 'renew-1',
  })
  const network = silentNetwork()
  const state = createAppState({
    settings: DEFAULT_SETTINGS,
    apiBaseUrl: 'http://operator.test/api/',
    storage,
    scheduler: asyncScheduler,
    random: () => 0.5,
    nowMs: () => jest.now(),
    visible$: new BehaviorSubject(true),
    networkBack$: NEVER,
    newDeviceId: () => 'box-1',
    log: quiet,
    fetch: network.fetch,
  })
  return { state, network }
}

const userOf = (state: AppState): UserState => {
  const user = state.user
  if (user === undefined) throw new Error('nobody signed in')
  return user
}

describe('the app state', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: T0 })
  })
  afterEach(() => {
    jest.useRealTimers()
  })

  it('leaves no timer, request or open stream behind once closed', async () => {
    const { state, network } = await signedInBox()
    await state.start()
    await settle()
    const user = userOf(state)
    // The first poll is scheduled; a check and the lineup put requests (and their timeouts) in flight.
    state.check('user-action')
    void state.lineup.open()
    void state.guide.loadChannels()
    state.store.open()
    await settle()
    expect(jest.getTimerCount()).toBeGreaterThan(0)
    expect(network.signals.length).toBeGreaterThan(0)

    const completed: string[] = []
    const watch = (name: string, stream: { subscribe(o: { complete(): void }): unknown }) =>
      stream.subscribe({ complete: () => completed.push(name) })
    watch('user$', state.user$)
    watch('session$', state.session.session$)
    watch('lineup', state.lineup.state$)
    watch('preferences', state.preferences.state$)
    watch('recordings', user.recordings.state$)
    watch('rights', user.rights.state$)
    watch('purchase', state.store.purchase.state$)

    state.close()
    await settle()
    expect(jest.getTimerCount()).toBe(0)
    expect(network.signals.filter((s) => s.aborted).length).toBeGreaterThan(0)
    expect(completed.sort()).toEqual(
      ['lineup', 'preferences', 'purchase', 'recordings', 'rights', 'session$', 'user$'].sort(),
    )

    // Nothing wakes up later either.
    const requests = network.signals.length
    jest.advanceTimersByTime(24 * 3600 * 1000)
    state.check('user-action')
    await settle()
    expect(jest.getTimerCount()).toBe(0)
    expect(network.signals.length).toBe(requests)
  })

  it("disposes of the user's hub when the viewer signs out", async () => {
    const { state } = await signedInBox()
    await state.start()
    await settle()
    const before = userOf(state)
    let ended = false
    before.recordings.state$.subscribe({ complete: () => (ended = true) })
    const polls = jest.getTimerCount()
    expect(polls).toBeGreaterThan(0)

    await state.account.signOut()
    await settle()
    expect(state.session.current.kind).toBe('anonymous')
    expect(state.user).toBeUndefined()
    expect(ended).toBe(true)
    // Anonymous: no poller (document 000 is per user), so no timer is left running.
    expect(jest.getTimerCount()).toBe(0)
    state.close()
  })
})
