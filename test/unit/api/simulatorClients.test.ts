/** @jest-environment node */
import { createApi, type Api } from '../../../src/api'
import { isApiError, type ApiError } from '../../../src/api/errors'
import { capabilitiesOf, entitlementsAt } from '../../../src/domain/entitlements'
import { programmeAt, programmesOf } from '../../../src/domain/guide'
import { licenceMeaning } from '../../../src/domain/licences'
import { quotaAt, recordingStateAt } from '../../../src/domain/recordings'
import { purchaseEligibility } from '../../../src/domain/services'
import { SIM_START, startSimulator, type RunningSimulator } from './support/simulator'
import { recordingLogger } from './support/recorder'

/**
 * The clients against the simulator's routes, and the domain rules checked against what the
 * server itself decides (quota, recording states, CanAcquire).
 */
let s: RunningSimulator
const logger = recordingLogger()

beforeAll(async () => {
  s = await startSimulator()
})
afterAll(async () => s.close())

/** A token holder, as the session store will be. */
const holder = (): { token?: string } => ({})

const signedIn = async (username: string): Promise<Api> => {
  const store = holder()
  const api = createApi({ baseUrl: `${s.url}api`, getToken: () => store.token, logger, retries: 0 })
  store.token = (
    await api.envelope.login({ username, password: username, deviceId: `jest-${username}` })
  ).token
  return api
}

const failureOf = async (p: Promise<unknown>): Promise<ApiError> => {
  try {
    await p
  } catch (e) {
    if (isApiError(e)) return e
    throw e
  }
  throw new Error('expected a failure')
}

afterEach(() => {
  // The simulator is strict in what it sends: nothing of it is ever dropped as malformed.
  expect(logger.lines).toEqual([])
})

describe('session', () => {
  test('Login gives a session with the user and its customer', async () => {
    const api = createApi({ baseUrl: `${s.url}api`, getToken: () => undefined })
    const session = await api.envelope.login({ username: 'anna', password: 'anna', deviceId: 'jest-login' })
    expect(session.token).not.toBe('')
    expect(session.expiresAt).toBeGreaterThan(SIM_START)
    expect(session.user).toEqual({ id: '1001', name: 'Anna Berg', role: 'customer', customerId: '5001' })
  })

  test('a wrong password is an auth error', async () => {
    const api = createApi({ baseUrl: `${s.url}api`, getToken: () => undefined })
    const e = await failureOf(api.envelope.login({ username: 'anna', password: 'wrong', deviceId: 'x' }))
    expect(e).toMatchObject({ kind: 'auth', code: 30 })
  })

  test('five wrong passwords lock the name: a typed error says until when', async () => {
    const api = createApi({ baseUrl: `${s.url}api`, getToken: () => undefined })
    // A name of no account: the simulator locks it all the same, and no other test uses it.
    for (let i = 0; i < 4; i++)
      expect(
        await failureOf(api.envelope.login({ username: 'nobody', password: `w${i}`, deviceId: 'x' })),
      ).toMatchObject({ kind: 'auth' })
    const e = await failureOf(api.envelope.login({ username: 'nobody', password: 'w4', deviceId: 'x' }))
    expect(e).toMatchObject({ kind: 'locked', code: 47 })
    expect(e.kind === 'locked' ? e.lockedUntil : 0).toBeGreaterThan(SIM_START)
  })

  test('an anonymous session has no user and may read channels, not stamps', async () => {
    const store = holder()
    const api = createApi({ baseUrl: `${s.url}api`, getToken: () => store.token })
    const session = await api.envelope.loginAnonymous('jest-anon')
    expect(session.user).toBeUndefined()
    store.token = session.token
    expect((await api.envelope.getChannels()).length).toBeGreaterThan(0)
    expect((await failureOf(api.envelope.getUserTimestamps())).kind).toBe('auth')
  })

  test('after Logout the token opens nothing', async () => {
    const api = await signedIn('carl')
    await api.envelope.logout()
    expect((await failureOf(api.envelope.getUserTimestamps())).kind).toBe('auth')
  })
})

describe('envelope methods', () => {
  test('GetUserTimestamps gives the five stamps', async () => {
    const api = await signedIn('anna')
    const stamps = await api.envelope.getUserTimestamps()
    expect(Object.keys(stamps).sort()).toEqual(['pins', 'recordings', 'rights', 'services', 'tags'])
  })

  test('GetChannels in number order, and a guide window with the programme on air', async () => {
    const api = await signedIn('anna')
    const channels = await api.envelope.getChannels()
    const numbers = channels.map((c) => c.number)
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
    const ids = channels.slice(0, 3).map((c) => c.id)
    const window = await api.envelope.getGuide({
      channelIds: ids,
      start: SIM_START,
      end: SIM_START + 6 * 3600,
    })
    expect(window.channels.map((c) => c.channelId)).toEqual(ids)
    for (const id of ids) {
      const programmes = programmesOf(window, id)
      expect(programmes.length).toBeGreaterThan(0)
      expect(programmes.every((p) => p.channelId === id && p.end > SIM_START)).toBe(true)
      expect(programmeAt(programmes, SIM_START)).toBeDefined()
    }
  })

  test('GetGuide with no channel is a validation error (41)', async () => {
    const api = await signedIn('anna')
    const e = await failureOf(
      api.envelope.getGuide({ channelIds: [], start: SIM_START, end: SIM_START + 60 }),
    )
    expect(e).toMatchObject({ kind: 'validation', code: 41 })
  })

  test('GetRecordings: the domain`s states and quota agree with the server`s', async () => {
    const api = await signedIn('anna')
    const list = await api.envelope.getRecordings()
    const states = new Set(list.recordings.map((r) => r.state))
    expect(states).toEqual(new Set(['scheduled', 'ongoing', 'finished', 'failed']))
    for (const r of list.recordings) expect(recordingStateAt(r, SIM_START)).toBe(r.state)
    const quota = quotaAt(list.recordings, list.quota.allowedHours, SIM_START)
    expect(quota.usedHours).toBeCloseTo(list.quota.usedHours, 1)
    expect(quota.scheduledHours).toBeCloseTo(list.quota.scheduledHours, 1)
    expect(list.recordings.filter((r) => r.protected).every((r) => r.expiresAt === null)).toBe(true)
  })

  test('Add, protect, refuse to delete while protected, cancel a recording', async () => {
    const api = await signedIn('anna')
    const [licences, products, channels] = await Promise.all([
      api.catalog.getLicences('1001'),
      api.catalog.getProducts(),
      api.envelope.getChannels(),
    ])
    const rights = entitlementsAt(licences, products, SIM_START)
    const channel = channels.find((c) => capabilitiesOf(rights, c.id).npvr)
    expect(channel).toBeDefined()
    const window = await api.envelope.getGuide({
      channelIds: [channel?.id ?? ''],
      start: SIM_START + 2 * 86400,
      end: SIM_START + 2 * 86400 + 3 * 3600,
    })
    const programme = programmesOf(window, channel?.id ?? '').find((p) => p.start >= SIM_START + 2 * 86400)
    expect(programme).toBeDefined()
    const [added] = await api.envelope.addRecording({ programmeId: programme?.id ?? '' })
    expect(added).toMatchObject({ programmeId: programme?.id, state: 'scheduled', protected: false })
    const id = added?.id ?? ''
    expect((await api.envelope.protectRecording(id, true)).protected).toBe(true)
    expect(await failureOf(api.envelope.deleteRecording(id))).toMatchObject({ kind: 'denied', code: 42 })
    await api.envelope.cancelRecording(id)
    expect((await api.envelope.getRecordings()).recordings.some((r) => r.id === id)).toBe(false)
  })

  test('recording a channel without nPVR rights is denied (42)', async () => {
    const api = await signedIn('anna')
    const [licences, products, channels] = await Promise.all([
      api.catalog.getLicences('1001'),
      api.catalog.getProducts(),
      api.envelope.getChannels(),
    ])
    const rights = entitlementsAt(licences, products, SIM_START)
    const channel = channels.find((c) => !capabilitiesOf(rights, c.id).npvr)
    const window = await api.envelope.getGuide({
      channelIds: [channel?.id ?? ''],
      start: SIM_START + 86400,
      end: SIM_START + 86400 + 3 * 3600,
    })
    const programme = programmesOf(window, channel?.id ?? '')[1]
    expect(await failureOf(api.envelope.addRecording({ programmeId: programme?.id ?? '' }))).toMatchObject({
      kind: 'denied',
      code: 42,
    })
  })

  test('GetServices: the domain`s purchase rule agrees with CanAcquire, and explains the upgrade wait', async () => {
    const api = await signedIn('anna')
    const services = await api.envelope.getServices()
    expect(services.length).toBeGreaterThan(0)
    for (const service of services) {
      expect({ id: service.id, canBuy: purchaseEligibility(service, services, SIM_START).canBuy }).toEqual({
        id: service.id,
        canBuy: service.canAcquire,
      })
    }
    // anna owns nPVR 100 (12) since 10 days; it upgrades into 200 (13) after 30 days.
    const npvr200 = services.find((x) => x.id === 13)
    const owned = services.find((x) => x.id === 12)
    expect(owned?.canWatch.isOwned).toBe(true)
    const verdict = npvr200 && purchaseEligibility(npvr200, services, SIM_START)
    expect(verdict).toEqual({
      canBuy: false,
      reason: 'upgradeTooEarly',
      from: 12,
      availableFrom: (owned?.canWatch.purchaseDate ?? 0) + 30 * 86400,
    })
    // The server refuses the purchase with the same date.
    const e = await failureOf(api.envelope.purchase({ subscriptionId: 13, pin: '1234' }))
    expect(e).toMatchObject({ kind: 'denied', code: 42 })
    expect('availableFrom' in e ? e.availableFrom : undefined).toBe(
      verdict && 'availableFrom' in verdict ? verdict.availableFrom : -1,
    )
    expect(
      purchaseEligibility(services.find((x) => x.id === 11) ?? services[0]!, services, SIM_START),
    ).toMatchObject({
      reason: 'incompatible',
      with: 12,
    })
  })

  test.each(['ben', 'carl', 'dora'])(
    'GetServices for %s: the purchase rule agrees with CanAcquire',
    async (user) => {
      const api = await signedIn(user)
      const services = await api.envelope.getServices()
      const verdicts = services.map((x) => [x.id, purchaseEligibility(x, services, SIM_START).canBuy])
      expect(verdicts).toEqual(services.map((x) => [x.id, x.canAcquire]))
    },
  )

  test('Purchase of a product gives a PROCESSING licence', async () => {
    const api = await signedIn('dora')
    const result = await api.envelope.purchase({ productId: '11', pin: '1234' })
    expect(result).toMatchObject({ kind: 'product', status: 'PROCESSING' })
    const licences = await api.catalog.getLicences('1004')
    const bought = licences.find((l) => result.kind === 'product' && l.id === result.licenceId)
    expect(bought && licenceMeaning(bought, SIM_START)).toBe('pending')
  })

  test('a wrong PIN is denied (45) with the attempts left; the PIN is never in the reason', async () => {
    const api = await signedIn('ben')
    const e = await failureOf(api.envelope.changePin('9999', '4321'))
    expect(e).toMatchObject({ kind: 'denied', code: 45, attemptsLeft: 2 })
    expect(e.reason).not.toContain('9999')
    expect(await api.envelope.getPinState()).toEqual({ enabled: true, failedAttempts: 1, lockedUntil: null })
    await api.envelope.changePin('1234', '1234')
    expect((await api.envelope.getPinState()).failedAttempts).toBe(0)
  })

  test('SetResume then GetResumes', async () => {
    const api = await signedIn('anna')
    expect(await api.envelope.setResume('programme:42', 125.4)).toEqual({
      contentId: 'programme:42',
      position: 125,
      updatedAt: SIM_START,
    })
    expect(await api.envelope.getResumes()).toContainEqual({
      contentId: 'programme:42',
      position: 125,
      updatedAt: SIM_START,
    })
  })
})

describe('subscription settings (REST)', () => {
  test('a customer reads its settings and changes its nPVR storage', async () => {
    const api = await signedIn('anna')
    const before = await api.subscription.getSettings('5001')
    expect(before.nPvr).toMatchObject({ enabled: true, storageHours: 100, autoExpireDays: 90 })
    const after = await api.subscription.updateSettings('5001', {
      nPvr: { override: true, storageHours: 150 },
    })
    expect(after.nPvr).toEqual({ override: true, enabled: true, storageHours: 150, autoExpireDays: 90 })
  })

  test('dora`s settings are document 002`s example customer', async () => {
    const api = await signedIn('dora')
    expect((await api.subscription.getSettings('5004')).id).toBe('1234578901234567890ABCD')
  })

  test('the server`s typed errors: access denied, customer without IPTV, nPVR not available, unknown package', async () => {
    const anna = await signedIn('anna')
    expect(
      await failureOf(anna.subscription.updateSettings('5001', { scrub: { override: true, pause: false } })),
    ).toMatchObject({
      kind: 'denied',
      status: 403,
      code: 'access_denied',
    })
    expect(await failureOf(anna.subscription.getSettings('5002'))).toMatchObject({
      kind: 'denied',
      code: 'access_denied',
    })
    const admin = await signedIn('admin')
    expect(await failureOf(admin.subscription.getSettings('5003'))).toMatchObject({
      kind: 'denied',
      field: 'customer',
    })
    expect(
      await failureOf(admin.subscription.updateSettings('5002', { nPvr: { enabled: true } })),
    ).toMatchObject({
      kind: 'denied',
      field: 'nPvr.override',
    })
    expect(
      await failureOf(admin.subscription.updateSettings('5001', { packages: [{ id: 'nope' }] })),
    ).toMatchObject({
      kind: 'notFound',
      status: 404,
      field: 'packages[]._id',
    })
  })

  test('a patch the table refuses is refused before it is sent', async () => {
    const api = await signedIn('anna')
    expect(
      await failureOf(api.subscription.updateSettings('5001', { nPvr: { storageHours: 1000 } })),
    ).toMatchObject({
      kind: 'validation',
      field: 'nPvr.storage',
    })
  })
})

describe('products and licences (JSON:API)', () => {
  test('anna`s licences: every status read, and entitlements only from ACTIVE ones', async () => {
    const api = await signedIn('anna')
    const [licences, products] = await Promise.all([
      api.catalog.getLicences('1001'),
      api.catalog.getProducts(),
    ])
    expect(new Set(licences.map((l) => l.status))).toEqual(new Set(['ACTIVE', 'EXPIRED', 'SUSPENDED']))
    expect(licences.every((l) => l.product?.id === l.productId)).toBe(true)
    const rights = entitlementsAt(licences, products, SIM_START)
    expect(capabilitiesOf(rights, 'ch1').live).toBe(true)
    const suspended = licences.find((l) => l.status === 'SUSPENDED')
    const onlySuspended = entitlementsAt(suspended ? [suspended] : [], products, SIM_START)
    expect(onlySuspended.size).toBe(0)
  })

  test('one licence by id; another user`s licences are denied; a missing one is not found', async () => {
    const api = await signedIn('anna')
    const [first] = await api.catalog.getLicences('1001')
    expect(await api.catalog.getLicence('1001', first?.id ?? '')).toEqual(first)
    expect((await failureOf(api.catalog.getLicences('1002'))).kind).toBe('denied')
    expect((await failureOf(api.catalog.getLicence('1001', '99999'))).kind).toBe('notFound')
  })
})

describe('account changes (JSON-RPC)', () => {
  test('pages newest first until countAll', async () => {
    const api = await signedIn('anna')
    const first = await api.account.findAccountChanges({ offset: 0, count: 5 })
    expect(first.items).toHaveLength(5)
    expect(first.nextOffset).toBe(5)
    const all = await api.account.findAllAccountChanges({ pageSize: 4 })
    expect(all).toHaveLength(first.countAll)
    expect(all.slice(0, 5)).toEqual(first.items)
    const times = all.map((c) => c.at)
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(
      all.some((c) => c.type === 'DEVICE_RECONFIGURED' && c.device?.previousDeviceId === 'anna-stb-0'),
    ).toBe(true)
  })

  test('max stops the paging early', async () => {
    const api = await signedIn('anna')
    expect(await api.account.findAllAccountChanges({ pageSize: 3, max: 7 })).toHaveLength(7)
  })
})
