/** @jest-environment node */
import { createCatalogClient } from '../../../src/api/catalog'
import { createTransport } from '../../../src/api/transport'
import { fakeFetch, recordingLogger } from './support/recorder'

/** The price beside document 003's attributes is optional: absent or malformed, the product stays. */
const client = (attributes: Record<string, unknown>) => {
  const fetch = fakeFetch(() => ({
    body: {
      data: [
        {
          id: '3',
          type: 'Product',
          attributes: {
            title: 'Sport',
            description: 'All sport',
            type: 'CHANNEL_GROUP',
            is_premium: true,
            ...attributes,
          },
          relationships: { live: { data: [{ id: 'ch4', type: 'Channel' }] } },
        },
      ],
    },
  }))
  const logger = recordingLogger()
  const transport = createTransport({
    baseUrl: 'http://operator.test/api',
    getToken: () => 't',
    fetch,
    retries: 0,
  })
  return { catalog: createCatalogClient({ transport, logger }), logger }
}

describe('a product’s price (Kanal’s extension to document 003)', () => {
  it('is read with its billing period', async () => {
    const [p] = await client({
      price: { amount: 25, currency: 'EUR' },
      billing_period: 'month',
    }).catalog.getProducts()
    expect(p?.price).toEqual({ amount: 25, currency: 'EUR', period: 'month' })
  })

  it('keeps a billing period it does not know as unknown', async () => {
    const [p] = await client({
      price: { amount: 3, currency: 'DKK' },
      billing_period: 'fortnight',
    }).catalog.getProducts()
    expect(p?.price).toEqual({ amount: 3, currency: 'DKK', period: 'unknown' })
  })

  it('is absent when the operator sends none, and the product is still there', async () => {
    const [p] = await client({}).catalog.getProducts()
    expect(p?.title).toBe('Sport')
    expect(p && 'price' in p).toBe(false)
  })

  it('is dropped, not the product, when it is malformed', async () => {
    const [p] = await client({
      price: { amount: 'lots', currency: 7 },
      billing_period: 'month',
    }).catalog.getProducts()
    expect(p?.title).toBe('Sport')
    expect(p && 'price' in p).toBe(false)
  })
})
