import fs from 'node:fs'
import path from 'node:path'
import { T0, startClient, type Client, type Json } from './harness'

interface ErrorRow {
  status: number
  code: string
  message: string
}

const ROWS = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'specs', '002-errors.json'), 'utf8'),
) as ErrorRow[]

const MAIN = '1234567890123457890CCCC'
const ADDON = '12345678901234567890DDDD'
/** Product 2 (Kanal Plus), another main package. */
const OTHER_MAIN = '64b0c0de0000000000000002'
const iso = (unix: number): string => new Date(unix * 1000).toISOString()

describe('subscription settings update (document 002)', () => {
  let client: Client
  let admin: string
  let reseller: string
  let anna: string

  beforeAll(async () => {
    client = await startClient()
    admin = await client.login('admin')
    reseller = await client.login('reseller')
    anna = await client.login('anna')
  })
  afterAll(async () => client.sim.close())
  beforeEach(async () => {
    await client.qa('POST', '/reset', { scenario: 'demo' })
    admin = await client.login('admin')
    reseller = await client.login('reseller')
    anna = await client.login('anna')
  })

  const update = (customerId: string, body: unknown, token: string | undefined) =>
    client.post(`/api/iptv/subscription/${customerId}`, body, token)

  /** The row of the document's table with this status, code and message. */
  const row = (status: number, code: string, message: string): ErrorRow => {
    const found = ROWS.find((r) => r.status === status && r.code === code && r.message === message)
    if (!found) throw new Error(`no such row: ${status} ${code} ${message}`)
    return found
  }

  const expectRow = async (
    r: ErrorRow,
    customerId: string,
    body: unknown,
    token: string | undefined,
    method: 'GET' | 'POST' = 'POST',
  ): Promise<void> => {
    const res =
      method === 'POST'
        ? await update(customerId, body, token)
        : await client.get(`/api/iptv/subscription/${customerId}`, token)
    expect({ status: res.statusCode, body: res.json() }).toEqual({
      status: r.status,
      body: { code: r.code, message: r.message },
    })
  }

  describe('every error row of the table, with its status, code and message', () => {
    const covered = new Set<ErrorRow>()
    const check = async (r: ErrorRow, customerId: string, body: unknown, token: () => string | undefined) => {
      covered.add(r)
      await expectRow(r, customerId, body, token())
    }

    it('403 customer: the customer has no IPTV (carl)', async () => {
      await check(
        row(403, 'customer', 'Customer does not have the IPTV'),
        '5003',
        { nPvr: { storage: 10 } },
        () => admin,
      )
    })

    it('403 nPvr.override: the reseller has no nPVR (ben)', async () => {
      await check(
        row(403, 'nPvr.override', 'nPvr is not available'),
        '5002',
        { nPvr: { override: true } },
        () => admin,
      )
    })

    it.each([0, 1000, 12.5, -3])('422 nPvr.storage: %p is outside 1..999', async (storage) => {
      await check(
        row(422, 'nPvr.storage', 'Storage size must be between 1 and 999'),
        '5001',
        { nPvr: { override: true, storage } },
        () => admin,
      )
    })

    it.each([0, 366])('422 nPvr.autoExpireDays: %p is outside 1..365', async (autoExpireDays) => {
      await check(
        row(422, 'nPvr.autoExpireDays', 'Number of days must be between 1 and 365'),
        '5001',
        { nPvr: { override: true, autoExpireDays } },
        () => admin,
      )
    })

    it('404 packages[]._id: a package that does not exist', async () => {
      await check(
        row(404, 'packages[]._id', 'Package not found'),
        '5001',
        { packages: [{ _id: 'nope' }] },
        () => admin,
      )
    })

    it('409 packages[]._id: a package twice', async () => {
      await check(
        row(409, 'packages[]._id', 'Package can only be included once'),
        '5001',
        { packages: [{ _id: ADDON }, { _id: ADDON }] },
        () => admin,
      )
    })

    it('409 packages[]._id: two main packages', async () => {
      await check(
        row(409, 'packages[]._id', 'Only 1 main package is allowed'),
        '5001',
        { packages: [{ _id: MAIN }, { _id: OTHER_MAIN }] },
        () => admin,
      )
    })

    it('409 packages[].end: more than 12 months ahead', async () => {
      await check(
        row(409, 'packages[].end', 'Date is too far into the future - max 12 months'),
        '5001',
        { packages: [{ _id: MAIN, end: iso(T0 + 370 * 86400) }] },
        () => admin,
      )
    })

    it('422 packages[].end: before the start', async () => {
      await check(
        row(422, 'packages[].end', 'End date cannot be before start date'),
        '5001',
        { packages: [{ _id: MAIN, start: iso(T0 + 10 * 86400), end: iso(T0 + 5 * 86400) }] },
        () => admin,
      )
    })

    it('422 packages[].end: before now when no start is given (start defaults to now)', async () => {
      await check(
        row(422, 'packages[].end', 'End date cannot be before start date'),
        '5001',
        { packages: [{ _id: MAIN, end: iso(T0 - 86400) }] },
        () => admin,
      )
    })

    it('403 access_denied: a customer, another reseller’s customer, no token', async () => {
      const r = row(403, 'access_denied', 'Insufficient access level')
      covered.add(r)
      const ben = await client.login('ben')
      await expectRow(r, '5001', { nPvr: { storage: 10 } }, ben)
      await expectRow(r, '5001', { scrub: { forward: false } }, anna)
      await expectRow(r, '5001', { packages: [{ _id: MAIN }] }, anna)
      await expectRow(r, '5002', { scrub: { forward: false } }, reseller)
      await expectRow(r, '5002', undefined, reseller, 'GET')
      await expectRow(r, '5001', { nPvr: { storage: 10 } }, undefined)
      await expectRow(r, '5001', undefined, 'not-a-token', 'GET')
      const anonymous = await client.content<{ token: string }>('LoginAnonymous', { deviceId: 'x' })
      await expectRow(r, '5001', undefined, anonymous.token, 'GET')
    })

    it('500 internal_error: settings that break the table’s own rules', async () => {
      const r = row(500, 'internal_error', '<Unspecified>')
      covered.add(r)
      await client.qa('POST', '/corrupt-settings', { customerId: '5001' })
      await expectRow(r, '5001', undefined, admin, 'GET')
      await expectRow(r, '5001', { scrub: { forward: true } }, admin)
    })

    afterAll(() => {
      // Every row of the document's table has a test above.
      expect(ROWS.filter((r) => !covered.has(r))).toEqual([])
    })
  })

  describe('the order of the table', () => {
    it('access is checked before anything else', async () => {
      const ben = await client.login('ben')
      await expectRow(
        row(403, 'access_denied', 'Insufficient access level'),
        '5001',
        { nPvr: { storage: 0 } },
        ben,
      )
    })

    it('no IPTV comes before a range error', async () => {
      await expectRow(
        row(403, 'customer', 'Customer does not have the IPTV'),
        '5003',
        { nPvr: { storage: 0 } },
        admin,
      )
    })

    it('nPvr not available comes before a range error', async () => {
      await expectRow(
        row(403, 'nPvr.override', 'nPvr is not available'),
        '5002',
        { nPvr: { storage: 0 } },
        admin,
      )
    })
  })

  describe('partial bodies and complete arrays', () => {
    const read = async (customerId: string): Promise<Json> =>
      (await client.get(`/api/iptv/subscription/${customerId}`, admin)).json()

    it('a single property changes only that property', async () => {
      const before = await read('5001')
      const res = await update('5001', { scrub: { forward: false } }, reseller)
      expect(res.statusCode).toBe(200)
      const after = res.json<Json>()
      expect(after).toEqual({ ...before, scrub: { override: true, forward: false } })
      expect(await read('5001')).toEqual(after)
      const again = await update('5001', { nPvr: { override: true, storage: 999, autoExpireDays: 1 } }, admin)
      expect(again.json()).toEqual({
        ...after,
        nPvr: { override: true, enabled: true, storage: 999, autoExpireDays: 1 },
      })
    })

    it('override false goes back to the reseller’s values', async () => {
      await update('5001', { nPvr: { override: true, storage: 5 } }, admin)
      const res = await update('5001', { nPvr: { override: false } }, admin)
      expect(res.json<Json>().nPvr).toEqual({
        override: false,
        enabled: true,
        storage: 100,
        autoExpireDays: 90,
      })
    })

    it('accepts the document’s "backwars" but always sends "backward"', async () => {
      const res = await update('5001', { scrub: { override: true, backwars: false } }, admin)
      expect(res.json<Json>().scrub).toEqual({ override: true, backward: false })
    })

    it('packages replace the whole list, and the licences follow', async () => {
      const res = await update('5001', { packages: [{ _id: ADDON, end: iso(T0 + 30 * 86400) }] }, admin)
      expect(res.statusCode).toBe(200)
      expect(res.json<Json>().packages).toEqual([{ _id: ADDON, end: iso(T0 + 30 * 86400) }])
      const licences = (await client.get('/api/user/1001/license', anna)).json<{ data: Json[] }>().data
      const of = (productId: string) =>
        licences
          .filter((l) => ((l.relationships as Json).product as { data: Json }).data.id === productId)
          .map((l) => (l.attributes as Json).status)
      expect(of('1')).toEqual(['EXPIRED'])
      expect(of('3')).toEqual(expect.arrayContaining(['ACTIVE']))
    })

    it('a customer may change its own nPvr values when its reseller allows it', async () => {
      const res = await update('5001', { nPvr: { override: true, storage: 50 } }, anna)
      expect(res.statusCode).toBe(200)
      expect(res.json<Json>().nPvr).toMatchObject({ override: true, storage: 50 })
    })

    it('a customer without nPVR gets nPvr with only override and enabled', async () => {
      const res = await client.get('/api/iptv/subscription/5002', admin)
      expect(res.json<Json>().nPvr).toEqual({ override: false, enabled: false })
    })

    it('a body member of the wrong type is a 422 naming the field', async () => {
      const res = await update('5001', { scrub: { pause: 'yes' } }, admin)
      expect(res.statusCode).toBe(422)
      expect(res.json()).toEqual({ code: 'scrub.pause', message: 'Must be a boolean' })
    })

    it('a body that is not JSON is a 400 in the same style', async () => {
      const res = await client.request({
        method: 'POST',
        url: '/api/iptv/subscription/5001',
        payload: '{"nPvr":',
        token: admin,
      })
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({ code: 'bad_json' })
    })
  })
})
