import * as v from 'valibot'
import { LICENCE_STATUSES, type Licence } from '../domain/licences'
import { BILLING_PERIODS, type ProductPrice } from '../domain/prices'
import { PRODUCT_TYPES, type Product } from '../domain/products'
import { loggerOf, type ClientDeps } from './envelope'
import { JSON_API_TYPE, readJsonApi, readJsonApiError } from './jsonApi'
import type { ApiLogger } from './logger'
import type { CallOptions } from './transport'
import { bool, enumOrUnknown, id, num, parseDocument, parseItems, text } from './validate'

const channelList = v.pipe(
  v.nullish(v.looseObject({ data: v.nullish(v.array(v.looseObject({ id })), []) }), { data: [] }),
  v.transform((rel): string[] => (rel?.data ?? []).map((c) => c.id)),
)

/**
 * Kanal's price beside document 003's attributes: optional, and a malformed one is dropped
 * rather than the product (it then shows as "price on request").
 */
const priceSchema = v.fallback(
  v.nullish(
    v.looseObject({
      amount: v.pipe(v.number(), v.finite(), v.minValue(0)),
      currency: v.pipe(v.string(), v.regex(/^[A-Za-z]{3}$/)),
    }),
  ),
  undefined,
)

const priceOf = (
  price: v.InferOutput<typeof priceSchema>,
  period: ProductPrice['period'],
): { price?: ProductPrice } =>
  price ? { price: { amount: price.amount, currency: price.currency.toUpperCase(), period } } : {}

/** A product after kitsu-core: attributes flattened (its `type` is the product type), relationships resolved. */
export const productSchema = v.pipe(
  v.looseObject({
    id,
    type: enumOrUnknown(PRODUCT_TYPES),
    title: text,
    description: text,
    is_premium: v.nullish(bool, false),
    live: channelList,
    catchup: channelList,
    npvr: channelList,
    startover: channelList,
    price: priceSchema,
    billing_period: v.fallback(v.nullish(enumOrUnknown(BILLING_PERIODS), 'unknown'), 'unknown'),
  }),
  v.transform(
    (p): Product => ({
      id: p.id,
      title: p.title,
      description: p.description,
      type: p.type,
      isPremium: p.is_premium,
      channels: {
        live: p.live ?? [],
        catchup: p.catchup ?? [],
        npvr: p.npvr ?? [],
        startover: p.startover ?? [],
      },
      ...priceOf(p.price, p.billing_period),
    }),
  ),
)

/**
 * A licence after kitsu-core. Document 003's prose says `end_date`, its example `stop_date`:
 * either is read; absent or null means no end.
 */
const licenceSchema = v.looseObject({
  id,
  status: enumOrUnknown(LICENCE_STATUSES),
  start_date: num,
  stop_date: v.nullish(num),
  end_date: v.nullish(num),
  product: v.looseObject({ data: v.looseObject({ id }) }),
})

/** A linked resource that `included` did not resolve is just {id, type}. */
const isResolved = (resource: object): boolean =>
  Object.keys(resource).some((k) => k !== 'id' && k !== 'type' && k !== 'meta' && k !== 'links')

const toLicence = (l: v.InferOutput<typeof licenceSchema>, logger: ApiLogger): Licence => {
  const productData = l.product.data
  let product: Product | undefined
  if (isResolved(productData)) {
    const p = parseItems(productSchema, [productData], `Licence ${l.id} included product`, logger)[0]
    if (p) product = p
  }
  return {
    id: l.id,
    productId: productData.id,
    status: l.status,
    start: l.start_date,
    end: l.stop_date ?? l.end_date ?? null,
    ...(product ? { product } : {}),
  }
}

const readLicences = (raw: unknown, logger: ApiLogger): Licence[] => {
  const items = parseDocument(v.array(v.unknown()), readJsonApi(raw, 'Licences', logger).data, 'Licences')
  const valid = parseItems(licenceSchema, items, 'Licences', logger)
  return valid.map((l) => toLicence(l, logger))
}

/** Document 003, JSON:API: the product catalogue and the user's licences with their included products. */
export const createCatalogClient = (deps: ClientDeps) => {
  const logger = loggerOf(deps)
  const base = { method: 'GET' as const, accept: JSON_API_TYPE, readError: readJsonApiError }
  const userPath = (userId: string): string => `user/${encodeURIComponent(userId)}/license`

  return {
    getProducts: (options: CallOptions = {}): Promise<Product[]> =>
      deps.transport.request({
        ...options,
        ...base,
        path: 'products',
        read: (raw) => {
          const items = parseDocument(
            v.array(v.unknown()),
            readJsonApi(raw, 'Products', logger).data,
            'Products',
          )
          return parseItems(productSchema, items, 'Products', logger)
        },
      }),

    getLicences: (userId: string, options: CallOptions = {}): Promise<Licence[]> =>
      deps.transport.request({
        ...options,
        ...base,
        path: userPath(userId),
        read: (raw) => readLicences(raw, logger),
      }),

    getLicence: (userId: string, licenceId: string, options: CallOptions = {}): Promise<Licence> =>
      deps.transport.request({
        ...options,
        ...base,
        path: `${userPath(userId)}/${encodeURIComponent(licenceId)}`,
        read: (raw) => {
          const data = readJsonApi(raw, 'Licence', logger).data
          return toLicence(parseDocument(licenceSchema, data, 'Licence'), logger)
        },
      }),
  }
}

export type CatalogClient = ReturnType<typeof createCatalogClient>
