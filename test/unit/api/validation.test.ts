/** @jest-environment node */
import { createAccountClient } from '../../../src/api/account'
import { createCatalogClient } from '../../../src/api/catalog'
import { createEnvelopeClient } from '../../../src/api/envelopeClient'
import { createSubscriptionClient } from '../../../src/api/subscription'
import { createTransport } from '../../../src/api/transport'
import { specFixture } from './support/fixtures'
import { failureOf, fakeFetch, recordingLogger } from './support/recorder'

/** Bad input from a server: a malformed document fails whole, a malformed item is dropped and reported. */
const setup = (answer: Parameters<typeof fakeFetch>[0]) => {
  const fetch = fakeFetch(answer)
  const logger = recordingLogger()
  const deps = {
    transport: createTransport({ baseUrl: 'http://op.test/api/', getToken: () => 't', fetch, retries: 0 }),
    logger,
  }
  return { fetch, logger, deps }
}
const ok = (content: unknown) => ({
  body: { StatusCode: 0, Severity: 1, StatusMessage: 'OK', Content: content },
})

const recording = (over: Record<string, unknown> = {}) => ({
  ID: '1',
  ChannelID: 'ch1',
  ProgrammeID: 'p1',
  Title: 'News',
  Start: 1000,
  End: 4600,
  State: 'Finished',
  Protected: false,
  ExpiresAt: 90000,
  CreatedAt: 500,
  ...over,
})

describe('a malformed document', () => {
  test('is a protocol error whose reason says where and what', async () => {
    const { deps } = setup(() => ok({ Pins: 1, Recordings: 'soon', Rights: 1, Services: 1, Tags: 1 }))
    const e = await failureOf(createEnvelopeClient(deps).getUserTimestamps())
    expect(e.kind).toBe('protocol')
    expect(e.reason).toMatch(/^GetUserTimestamps Content is malformed: Recordings: /)
  })

  test('a reason never quotes a member that may hold a secret', async () => {
    const { deps } = setup(() => ok({ token: 987654321, expiresAt: 1 }))
    const e = await failureOf(
      createEnvelopeClient(deps).login({ username: 'a', password: 'b', deviceId: 'c' }),
    )
    expect(e.reason).toBe('Login is malformed: token: Invalid type (value hidden)')
  })

  test('an envelope without StatusCode is a protocol error', async () => {
    const { deps } = setup(() => ({ body: { Content: {} } }))
    const e = await failureOf(createEnvelopeClient(deps).getChannels())
    expect(e).toMatchObject({ kind: 'protocol', reason: expect.stringMatching(/StatusCode/) })
  })

  test('a list that is not a list is a protocol error', async () => {
    const { deps } = setup(() =>
      ok({ Recordings: 'none', Quota: { AllowedHours: 1, UsedHours: 0 }, AutoExpireDays: 1 }),
    )
    expect((await failureOf(createEnvelopeClient(deps).getRecordings())).reason).toMatch(/Recordings/)
  })

  test('a JSON:API document without data is a protocol error', async () => {
    const { deps } = setup(() => ({ body: { errors: [] } }))
    expect((await failureOf(createCatalogClient(deps).getProducts())).kind).toBe('protocol')
  })
})

describe('inside a list, a malformed item is dropped and reported, the rest kept', () => {
  test('recordings', async () => {
    const { deps, logger } = setup(() =>
      ok({
        Recordings: [recording(), recording({ ID: '2', Start: 'yesterday' }), recording({ ID: '3' }), 'junk'],
        Quota: { AllowedHours: 10, UsedHours: 2, ScheduledHours: 0 },
        AutoExpireDays: 30,
      }),
    )
    const list = await createEnvelopeClient(deps).getRecordings()
    expect(list.recordings.map((r) => r.id)).toEqual(['1', '3'])
    expect(logger.lines).toHaveLength(1)
    expect(logger.lines[0]?.message).toBe('GetRecordings: dropped 2 of 4 malformed items')
    expect(logger.lines[0]?.data).toMatchObject({ dropped: 2, total: 4, first: [{ index: 1 }, { index: 3 }] })
  })

  test('programmes of a guide row, and a row without a channel id', async () => {
    const { deps, logger } = setup(() =>
      ok({
        Start: 0,
        End: 7200,
        Channels: [
          {
            ChannelID: 'ch1',
            Programmes: [
              { ID: 'a', Title: 'A', Start: 0, End: 3600 },
              { ID: 'b', Title: 'B', Start: 3600, End: 3600 },
            ],
          },
          { Programmes: [] },
        ],
      }),
    )
    const window = await createEnvelopeClient(deps).getGuide({ channelIds: ['ch1'], start: 0, end: 7200 })
    expect(window.channels).toEqual([
      {
        channelId: 'ch1',
        programmes: [{ id: 'a', channelId: 'ch1', title: 'A', start: 0, end: 3600, categories: [] }],
      },
    ])
    expect(logger.lines.map((l) => l.message)).toEqual([
      'GetGuide channels: dropped 1 of 2 malformed items',
      'GetGuide ch1: dropped 1 of 2 malformed items',
    ])
  })

  test('JSON:API resources without an id, and a licence without a product', async () => {
    const raw = specFixture('003-licenses.json') as { data: unknown[] }
    raw.data.push({ type: 'License', attributes: { status: 'ACTIVE' } })
    raw.data.push({ id: '43', type: 'License', attributes: { status: 'ACTIVE', start_date: 1 } })
    const { deps, logger } = setup(() => ({ body: raw }))
    const licences = await createCatalogClient(deps).getLicences('41')
    expect(licences.map((l) => l.id)).toEqual(['42'])
    expect(logger.lines.map((l) => l.message)).toEqual([
      'Licences: dropped 1 of 3 malformed items',
      'Licences: dropped 1 of 2 malformed items',
    ])
  })

  test('a malformed included product leaves the licence without it, reported', async () => {
    const raw = specFixture('003-licenses.json') as { included: { attributes: Record<string, unknown> }[] }
    const included = raw.included[0]
    if (included) included.attributes.title = 42
    const { deps, logger } = setup(() => ({ body: raw }))
    const [licence] = await createCatalogClient(deps).getLicences('41')
    expect(licence).toMatchObject({ id: '42', productId: '41' })
    expect(licence?.product).toBeUndefined()
    expect(logger.lines[0]?.message).toBe('Licence 42 included product: dropped 1 of 1 malformed items')
  })

  test('account changes, with paging counted on what the server sent', async () => {
    const raw = specFixture('004-response.json') as { result: { items: unknown[]; countAll: number } }
    raw.result.items[1] = { id: 'c8', type: 'IDENTITY_ADDED' }
    raw.result.countAll = 20
    const { deps, logger } = setup(() => ({ body: raw }))
    const page = await createAccountClient(deps).findAccountChanges({ offset: 0, count: 9 })
    expect(page.items).toHaveLength(8)
    expect(page.count).toBe(9)
    expect(page.nextOffset).toBe(9)
    expect(logger.lines).toHaveLength(1)
  })

  test('subscription packages', async () => {
    const raw = specFixture('002-response.json') as { packages: unknown[] }
    raw.packages.push({ _id: 'x', start: 'not a date' })
    const { deps, logger } = setup(() => ({ body: raw }))
    expect((await createSubscriptionClient(deps).getSettings('1')).packages).toHaveLength(2)
    expect(logger.lines[0]?.message).toBe('Subscription packages: dropped 1 of 3 malformed items')
  })
})

describe('unknown enum values are kept as "unknown"', () => {
  test('a recording state', async () => {
    const { deps } = setup(() =>
      ok({
        Recordings: [recording({ State: 'Archived' }), recording({ ID: '2', State: 'ONGOING' })],
        Quota: { AllowedHours: 1, UsedHours: 0 },
        AutoExpireDays: 1,
      }),
    )
    const list = await createEnvelopeClient(deps).getRecordings()
    expect(list.recordings.map((r) => r.state)).toEqual(['unknown', 'ongoing'])
  })

  test('a licence status and a product type', async () => {
    const raw = specFixture('003-licenses.json') as {
      data: { attributes: Record<string, unknown> }[]
      included: { attributes: Record<string, unknown> }[]
    }
    const data = raw.data[0]
    const included = raw.included[0]
    if (data) data.attributes.status = 'GRACE_PERIOD'
    if (included) included.attributes.type = 'BUNDLE'
    const { deps } = setup(() => ({ body: raw }))
    const [licence] = await createCatalogClient(deps).getLicences('41')
    expect(licence?.status).toBe('unknown')
    expect(licence?.product?.type).toBe('unknown')
  })

  test('an account change type, kept with its name', async () => {
    const raw = specFixture('004-response.json') as { result: { items: Record<string, unknown>[] } }
    const first = raw.result.items[0]
    if (first) first.type = 'PROFILE_ADDED'
    const { deps } = setup(() => ({ body: raw }))
    const page = await createAccountClient(deps).findAccountChanges()
    expect(page.items[0]).toEqual({
      id: 'c9',
      at: 1700000900,
      text: 'Identity removed',
      type: 'unknown',
      rawType: 'PROFILE_ADDED',
    })
  })

  test('a purchase type by name or an unknown code', async () => {
    const raw = specFixture('001-service.json') as Record<string, unknown>
    const { deps } = setup(() =>
      ok([
        { ...raw, PurchaseType: 'TD' },
        { ...raw, ID: 52, PurchaseType: 9 },
      ]),
    )
    expect((await createEnvelopeClient(deps).getServices()).map((x) => x.purchaseType)).toEqual([
      'topDown',
      'unknown',
    ])
  })
})

describe('liberal reading', () => {
  test('ids as numbers and numbers as strings', async () => {
    const { deps } = setup(() => ok([{ ID: 7, Number: '7', Name: 'Seven', Logo: 'http://x/7.png' }]))
    expect(await createEnvelopeClient(deps).getChannels()).toEqual([
      { id: '7', number: 7, name: 'Seven', logo: 'http://x/7.png', catchupHours: 0 },
    ])
  })

  test('a relative logo URL is read against the API base, not the app page', async () => {
    const { deps } = setup(() => ok([{ ID: 'ch1', Number: 1, Name: 'One', Logo: '/api/logos/ch1.png' }]))
    const [channel] = await createEnvelopeClient(deps).getChannels()
    expect(channel?.logo).toBe('http://op.test/api/logos/ch1.png')
  })

  test('an ExpiresAt left out is computed from AutoExpireDays, never for a protected recording', async () => {
    const { deps } = setup(() =>
      ok({
        Recordings: [
          recording({ ExpiresAt: undefined }),
          recording({ ID: '2', Protected: true, ExpiresAt: undefined }),
        ],
        Quota: { AllowedHours: 1, UsedHours: 0 },
        AutoExpireDays: 2,
      }),
    )
    const list = await createEnvelopeClient(deps).getRecordings()
    expect(list.recordings.map((r) => r.expiresAt)).toEqual([4600 + 2 * 86400, null])
  })

  test('JSON-RPC: an error answer is typed; an answer to another request is a protocol error', async () => {
    const auth = setup(() => ({
      body: { jsonrpc: '2.0', id: 1, error: { code: -32001, message: 'Authentication required' } },
    }))
    expect(await failureOf(createAccountClient(auth.deps).findAccountChanges())).toMatchObject({
      kind: 'auth',
      code: -32001,
    })
    const other = setup(() => ({ body: { jsonrpc: '2.0', id: 99, result: { countAll: 0, items: [] } } }))
    expect((await failureOf(createAccountClient(other.deps).findAccountChanges())).kind).toBe('protocol')
    const invalid = setup(() => ({
      body: { jsonrpc: '2.0', id: 1, error: { code: -32602, message: 'bad params' } },
    }))
    expect((await failureOf(createAccountClient(invalid.deps).findAccountChanges())).kind).toBe('validation')
  })

  test('JSON-RPC: a wrong protocol version is a protocol error', async () => {
    const { deps } = setup(() => ({ body: { jsonrpc: '1.0', id: 1, result: { countAll: 0, items: [] } } }))
    expect((await failureOf(createAccountClient(deps).findAccountChanges())).reason).toMatch(/jsonrpc/)
  })

  test('an envelope refusal carries its details (PIN lock)', async () => {
    const { deps } = setup(() => ({
      body: {
        StatusCode: 46,
        Severity: 3,
        StatusMessage: 'The PIN is locked',
        Content: { LockedUntil: 5000 },
      },
    }))
    expect(await failureOf(createEnvelopeClient(deps).changePin('1111', '2222'))).toMatchObject({
      kind: 'denied',
      code: 46,
      lockedUntil: 5000,
    })
  })
})
