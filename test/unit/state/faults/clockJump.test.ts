/** @jest-environment node */
import { filter, firstValueFrom } from 'rxjs'
import type { SignOutReason } from '../../../../src/state/account/accountState'
import { createMemoryStore, type KeyValueStore } from '../../../../src/state/storage/keyValueStore'
import type { UserState } from '../../../../src/state/user/userState'
import { SIM_START, requestsTo, startSimulator, type RunningSimulator } from '../../api/support/simulator'
import { bootApp, closeApps, signInAnna, type App } from './support/app'
import { until } from './support/operator'

/**
 * Clock jumps under the whole app state: the box's own clock stepped (a wrong real-time clock at
 * boot, an NTP correction) and the operator's moved (QA). "Now" is the operator's; what the box
 * saved is judged by stamps and by the operator, never by the box's clock alone.
 */
let s: RunningSimulator
const DAY_MS = 86_400_000

beforeAll(async () => {
  s = await startSimulator()
})
afterAll(async () => s.close())
afterEach(async () => {
  closeApps()
  await s.qa('POST', 'clock', { set: SIM_START })
})

const answered = (user: UserState): Promise<unknown> =>
  firstValueFrom(user.events$.pipe(filter((e) => e.type === 'value')))

/** Yesterday anna signed in on this box and it saved her session and data. */
const yesterday = async (): Promise<KeyValueStore> => {
  const disk = createMemoryStore()
  const app = bootApp(s, disk)
  await app.state.start()
  await signInAnna(app)
  await app.state.lineup.open()
  app.state.close()
  return disk
}

const started = async (app: App): Promise<SignOutReason[]> => {
  const reasons: SignOutReason[] = []
  app.state.account.signedOut$.subscribe((r) => reasons.push(r))
  await app.state.start()
  return reasons
}

describe('a clock jump', () => {
  it('the box boots with its clock 40 days ahead: anna stays signed in, her saved data shows, now is the operator’s', async () => {
    const disk = await yesterday()
    const app = bootApp(s, disk, 'box-faults', 40 * DAY_MS)
    const reasons = await started(app)
    // The saved token looks 40 days old to the box; the operator is the judge of that.
    expect(app.state.session.current).toMatchObject({ kind: 'user', user: { id: '1001' } })
    await until('the saved list', () => app.state.user?.recordings.current.data !== undefined)
    expect(app.user().recordings.current.source).toBe('cache')
    await answered(app.user())
    expect(Math.abs(app.state.clock.nowSeconds() - SIM_START)).toBeLessThan(5)
    expect(app.state.session.current.kind).toBe('user')
    expect(reasons).toEqual([])
  })

  it('the box’s clock steps back 2 hours mid-run: now stays the operator’s, nothing is fetched again or dropped', async () => {
    const disk = await yesterday()
    const app = bootApp(s, disk)
    await app.state.start()
    await answered(app.user())
    const before = { list: app.user().recordings.current, fetches: await requestsTo(s, '/api/GetRecordings') }

    app.setBoxClock(-2 * 3_600_000)
    const next = answered(app.user())
    app.state.check('recordings-opened')
    await next
    expect(Math.abs(app.state.clock.nowSeconds() - SIM_START)).toBeLessThan(5)
    expect(app.user().recordings.current).toMatchObject({
      data: before.list.data,
      fetchedAt: before.list.fetchedAt,
      source: 'cache',
      offline: false,
    })
    expect(await requestsTo(s, '/api/GetRecordings')).toBe(before.fetches)
  })

  it('the operator’s clock jumps a day back: the lineup, fetched “in the future”, is fetched again', async () => {
    const app = bootApp(s, createMemoryStore())
    await app.state.start()
    await signInAnna(app)
    await app.state.lineup.open()
    const channels = app.state.lineup.current.channels
    const fetches = await requestsTo(s, '/api/GetChannels')

    await s.qa('POST', 'clock', { advance: -86_400 })
    const next = answered(app.user())
    app.state.check('guide-opened')
    await next
    // The answer brought the operator's time: the lineup's fetch time is now a day ahead of it.
    expect(Math.abs(app.state.clock.nowSeconds() - (SIM_START - 86_400))).toBeLessThan(5)
    await app.state.lineup.open()
    expect(await requestsTo(s, '/api/GetChannels')).toBe(fetches + 1)
    expect(app.state.lineup.current).toMatchObject({ status: 'ready', stale: false, channels })
  })
})
