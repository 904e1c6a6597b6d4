import { startClient, type Client, type Json } from './harness'

/**
 * Document 003's products carry no price; the simulator adds `price` and `billing_period` beside
 * its attributes (docs/API.md, "Kanal's extensions to document 003"), so that a viewer sees what
 * a pack costs before the PIN.
 */
describe('the catalogue’s prices', () => {
  let client: Client
  let anna: string

  beforeAll(async () => {
    client = await startClient()
    anna = await client.login('anna')
  })
  afterAll(async () => client.sim.close())

  it('gives every demo product a price in a currency and a billing period', async () => {
    const body = (await client.get('/api/products', anna)).json<{
      data: { id: string; attributes: Json }[]
    }>()
    expect(body.data.length).toBeGreaterThan(10)
    expect.hasAssertions()
    for (const p of body.data) {
      expect([p.id, p.attributes.price]).toEqual([p.id, { amount: expect.any(Number), currency: 'EUR' }])
      expect((p.attributes.price as { amount: number }).amount).toBeGreaterThan(0)
      expect(['month', 'once']).toContain(p.attributes.billing_period)
    }
  })

  it('sells the World Cup pass once and the packs by the month', async () => {
    const body = (await client.get('/api/products', anna)).json<{
      data: { id: string; attributes: Json }[]
    }>()
    const byId = new Map(body.data.map((p) => [p.id, p.attributes]))
    expect(byId.get('30')).toMatchObject({ price: { amount: 49, currency: 'EUR' }, billing_period: 'once' })
    expect(byId.get('1')).toMatchObject({ price: { amount: 19, currency: 'EUR' }, billing_period: 'month' })
  })

  it('includes the price with a licence’s product too', async () => {
    const body = (await client.get('/api/user/1001/license', anna)).json<{
      included: { attributes: Json }[]
    }>()
    expect(body.included.length).toBeGreaterThan(0)
    expect.hasAssertions()
    for (const p of body.included)
      expect(p.attributes.price).toEqual({ amount: expect.any(Number), currency: 'EUR' })
  })
})
