/** @jest-environment node */
import { createAccountClient } from '../../../src/api/account'
import { createCatalogClient } from '../../../src/api/catalog'
import { createEnvelopeClient } from '../../../src/api/envelopeClient'
import { createSubscriptionClient } from '../../../src/api/subscription'
import { createTransport } from '../../../src/api/transport'
import { entitlementsAt } from '../../../src/domain/entitlements'
import { expiresSoon } from '../../../src/domain/licences'
import { trickPlayRules } from '../../../src/domain/scrub'
import { purchaseEligibility } from '../../../src/domain/services'
import { specFixture } from './support/fixtures'
import { failureOf, fakeFetch, recordingLogger } from './support/recorder'

/** Every example of the five documents, served by a fake server, read through the real clients. */
const deps = (answer: Parameters<typeof fakeFetch>[0]) => {
  const fetch = fakeFetch(answer)
  const logger = recordingLogger()
  return {
    fetch,
    logger,
    deps: {
      transport: createTransport({
        baseUrl: 'http://operator.test/api',
        getToken: () => 'tok',
        fetch,
        retries: 0,
      }),
      logger,
    },
  }
}
const envelope = (content: unknown) => ({
  body: { StatusCode: 0, Severity: 1, StatusMessage: 'OK', Content: content },
})

describe('document 000: GetUserTimestamps', () => {
  test('the example parses into Stamps, each stamp on its own', async () => {
    const { deps: d, fetch } = deps(() => ({ body: specFixture('000-timestamps.json') }))
    const stamps = await createEnvelopeClient(d).getUserTimestamps()
    expect(stamps).toEqual({
      pins: 1574415643,
      recordings: 1574674243,
      rights: 1609459206,
      services: 1574415643,
      tags: 1574415643,
    })
    expect(fetch.calls[0]?.url).toBe('http://operator.test/api/GetUserTimestamps')
    expect(fetch.calls[0]?.init.method).toBe('POST')
  })
})

describe('document 001: Service', () => {
  const example = {
    id: 51,
    title: 'GVP2.0_RFA_SG_TSA',
    description: 'Description for GVP2.0_RFA_SG_TSA\r\nUsed for GVP2.0 RFA tets cases',
    shortDescription: 'Short description about this purchase',
    dateStart: 1339538400,
    dateEnd: 1434751200,
    type: 1,
    status: 1,
    purchaseType: 'both',
    canWatch: { isOwned: false },
    canAcquire: true,
    childCount: 1,
    upgrade: [13, 14],
    incompatible: [12, 32, 43, 54, 55],
    requiredDays: 45,
  }

  test('the example parses into a Service (PurchaseType 3 is Both)', async () => {
    const { deps: d } = deps(() => envelope([specFixture('001-service.json')]))
    expect(await createEnvelopeClient(d).getServices()).toEqual([example])
  })

  test('without its deprecated members and PurchaseType it still parses', async () => {
    const raw = specFixture('001-service.json') as Record<string, unknown>
    for (const key of ['TrialDays', 'Images', 'IsOtt', 'IsIptv', 'IsHybrid', 'HaveVoDAccess', 'PurchaseType'])
      delete raw[key]
    const { deps: d } = deps(() => envelope([raw]))
    expect(await createEnvelopeClient(d).getServices()).toEqual([{ ...example, purchaseType: 'unknown' }])
  })

  test('its commercialisation dates decide whether it can be bought', () => {
    const service = { ...example, purchaseType: 'both' as const }
    expect(purchaseEligibility(service, [service], 1400000000)).toEqual({ canBuy: true })
    expect(purchaseEligibility(service, [service], 1767225600)).toMatchObject({
      canBuy: false,
      reason: 'notOnSale',
    })
  })
})

describe('document 002: subscription settings', () => {
  const expected = {
    id: '1234578901234567890ABCD',
    nPvr: { override: true, enabled: true, storageHours: 25, autoExpireDays: 180 },
    scrub: { override: true, forward: true, backward: true, pause: true },
    packages: [
      { id: '1234567890123457890CCCC', start: 1451606400, end: 1451606400 },
      { id: '12345678901234567890DDDD' },
    ],
  }

  test('the response example parses into SubscriptionSettings, and allows every trick-play action', async () => {
    const { deps: d, fetch } = deps(() => ({ body: specFixture('002-response.json') }))
    const settings = await createSubscriptionClient(d).getSettings('5004')
    expect(settings).toEqual(expected)
    expect(fetch.calls[0]?.url).toBe('http://operator.test/api/iptv/subscription/5004')
    expect(trickPlayRules(settings.scrub)).toEqual({
      pause: { allowed: true },
      forward: { allowed: true },
      backward: { allowed: true },
    })
  })

  test('the query example is what the client sends for the same patch (spelling backward, not "backwars")', async () => {
    const { deps: d, fetch } = deps(() => ({ body: specFixture('002-response.json') }))
    await createSubscriptionClient(d).updateSettings('5004', {
      nPvr: { override: true, enabled: true, storageHours: 25, autoExpireDays: 180 },
      scrub: { override: true, forward: true, backward: true, pause: true },
      packages: [
        { id: '1234567890123457890CCCC', start: 1451606400, end: 1451606400 },
        { id: '12345678901234567890DDDD' },
      ],
    })
    const request = specFixture('002-request.json') as { scrub: Record<string, unknown> }
    request.scrub = { override: true, forward: true, backward: true, pause: true }
    expect(fetch.calls[0]?.init.method).toBe('POST')
    expect(fetch.calls[0]?.body).toEqual(request)
  })

  test('the query example, read as settings, takes "backwars" for backward', async () => {
    const { deps: d } = deps(() => ({ body: specFixture('002-request.json') }))
    const settings = await createSubscriptionClient(d).getSettings('5004')
    expect(settings.scrub.backward).toBe(true)
    expect(settings.nPvr.storageHours).toBe(25)
  })

  const rows = specFixture('002-errors.json') as { status: number; code: string; message: string }[]
  const kinds: Record<string, { kind: string; field?: string }> = {
    '403 customer': { kind: 'denied', field: 'customer' },
    '403 nPvr.override': { kind: 'denied', field: 'nPvr.override' },
    '422 nPvr.storage': { kind: 'validation', field: 'nPvr.storage' },
    '422 nPvr.autoExpireDays': { kind: 'validation', field: 'nPvr.autoExpireDays' },
    '404 packages[]._id': { kind: 'notFound', field: 'packages[]._id' },
    '409 packages[]._id': { kind: 'conflict', field: 'packages[]._id' },
    '409 packages[].end': { kind: 'conflict', field: 'packages[].end' },
    '422 packages[].end': { kind: 'validation', field: 'packages[].end' },
    '403 access_denied': { kind: 'denied' },
    '500 internal_error': { kind: 'server' },
  }
  test.each(rows)('error $status $code ($message) is a typed error', async (row) => {
    const { deps: d } = deps(() => ({ status: row.status, body: { code: row.code, message: row.message } }))
    const e = await failureOf(createSubscriptionClient(d).updateSettings('5004', { nPvr: { enabled: true } }))
    const want = kinds[`${row.status} ${row.code}`]
    expect(want).toBeDefined()
    expect(e.kind).toBe(want?.kind)
    expect(e.status).toBe(row.status)
    expect(e.code).toBe(row.code)
    expect(e.reason).toBe(row.message)
    expect('field' in e ? e.field : undefined).toBe(want?.field)
  })
})

describe('document 003: products and licences (JSON:API)', () => {
  const product = {
    id: '41',
    title: 'Sport channels meagpack',
    description: 'Complete collection for all sports channels',
    type: 'CHANNEL_GROUP',
    isPremium: true,
    channels: { live: ['42'], catchup: ['42'], npvr: ['42'], startover: ['42'] },
  }

  test('the products example parses into a Product', async () => {
    const { deps: d, fetch } = deps(() => ({ body: specFixture('003-products.json') }))
    expect(await createCatalogClient(d).getProducts()).toEqual([product])
    expect(new Headers(fetch.calls[0]?.init.headers).get('accept')).toBe('application/vnd.api+json')
  })

  test('the licences example parses into a Licence with its included product (stop_date read as the end)', async () => {
    const { deps: d, fetch } = deps(() => ({ body: specFixture('003-licenses.json') }))
    const licences = await createCatalogClient(d).getLicences('41')
    expect(licences).toEqual([
      {
        id: '42',
        productId: '41',
        status: 'ACTIVE',
        start: 1523268666,
        end: 1523268698,
        product: { ...product, description: 'Complete collection fo all sports channels' },
      },
    ])
    expect(fetch.calls[0]?.url).toBe('http://operator.test/api/user/41/license')
  })

  test('the example licence grants every service of channel 42 within its dates, and nothing outside them', async () => {
    const { deps: d } = deps(() => ({ body: specFixture('003-licenses.json') }))
    const licences = await createCatalogClient(d).getLicences('41')
    expect(entitlementsAt(licences, [], 1523268670).get('42')).toEqual({
      live: true,
      catchup: true,
      npvr: true,
      startover: true,
    })
    expect(entitlementsAt(licences, [], 1523268698).get('42')).toBeUndefined()
    expect(entitlementsAt(licences, [], 1523268600).size).toBe(0)
    const first = licences[0]
    expect(first && expiresSoon(first, 1523268670)).toBe(true)
  })

  test('with end_date (the prose) instead of stop_date (the example), the end is read all the same', async () => {
    const raw = specFixture('003-licenses.json') as { data: { attributes: Record<string, unknown> }[] }
    const attributes = raw.data[0]?.attributes ?? {}
    attributes.end_date = attributes.stop_date
    delete attributes.stop_date
    const { deps: d } = deps(() => ({ body: raw }))
    const [licence] = await createCatalogClient(d).getLicences('41')
    expect(licence?.end).toBe(1523268698)
  })
})

describe('document 004: findAccountChanges (JSON-RPC 2.0)', () => {
  test('the request is the example (jsonrpc sent as the string "2.0")', async () => {
    const { deps: d, fetch } = deps(() => ({ body: specFixture('004-response.json') }))
    await createAccountClient(d).findAccountChanges({ offset: 0, count: 5 })
    const example = specFixture('004-request.json') as Record<string, unknown>
    expect(fetch.calls[0]?.url).toBe('http://operator.test/api/rpc')
    expect(fetch.calls[0]?.body).toEqual({ ...example, jsonrpc: '2.0' })
  })

  test('the response example (jsonrpc as a number) parses into one change of each type, newest first', async () => {
    const { deps: d, logger } = deps(() => ({ body: specFixture('004-response.json') }))
    const page = await createAccountClient(d).findAccountChanges({ offset: 0, count: 9 })
    expect(logger.lines).toEqual([])
    expect(page).toEqual({
      offset: 0,
      count: 9,
      countAll: 9,
      items: [
        {
          id: 'c9',
          at: 1700000900,
          type: 'IDENTITY_REMOVED',
          text: 'Identity removed',
          identity: { identityType: 'facebook', identity: 'anna.example' },
        },
        {
          id: 'c8',
          at: 1700000800,
          type: 'IDENTITY_ADDED',
          text: 'Identity added',
          identity: { identityType: 'email', identity: 'anna@example.com' },
        },
        {
          id: 'c7',
          at: 1700000700,
          type: 'SERVICE_REMOVED',
          text: 'Service removed',
          service: { serviceId: 's2', serviceName: 'Catch-up' },
        },
        {
          id: 'c6',
          at: 1700000600,
          type: 'SERVICE_RECONFIGURED',
          text: 'Service reconfigured',
          service: { serviceId: 's1', serviceName: 'Cloud recording' },
        },
        {
          id: 'c5',
          at: 1700000500,
          type: 'SERVICE_ADDED',
          text: 'Service added',
          service: { serviceId: 's1', serviceName: 'Cloud recording' },
        },
        {
          id: 'c4',
          at: 1700000400,
          type: 'DEVICE_REMOVED',
          text: 'Device removed',
          device: { deviceId: 'd1', deviceModel: 'STB-100', deviceName: 'Kitchen' },
        },
        {
          id: 'c3',
          at: 1700000300,
          type: 'DEVICE_RECONFIGURED',
          text: 'Device reconfigured',
          device: {
            previousDeviceId: 'd1',
            previousDeviceName: 'Kitchen',
            deviceId: 'd2',
            deviceModel: 'STB-200',
            deviceName: 'Living room',
          },
        },
        {
          id: 'c2',
          at: 1700000200,
          type: 'DEVICE_ADDED',
          text: 'Device added',
          device: { deviceId: 'd1', deviceModel: 'STB-100', deviceName: 'Kitchen' },
        },
        { id: 'c1', at: 1700000100, type: 'USER_CREATED', text: 'User created' },
      ],
    })
  })
})
