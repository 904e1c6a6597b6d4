import fc from 'fast-check'
import { CAPABILITIES } from '../../../src/domain/channels'
import { LICENCE_STATUSES, type Licence } from '../../../src/domain/licences'
import { PRODUCT_TYPES, type Product, type ProductType } from '../../../src/domain/products'
import type { Recording, RecordingState } from '../../../src/domain/recordings'

/** Generators of domain values for the property tests: small id spaces so that things collide. */
export const channelIds = ['ch1', 'ch2', 'ch3', 'ch4', 'ch5']
export const productIds = ['p1', 'p2', 'p3', 'p4']

const channelSubset = fc.subarray(channelIds)

export const productArb = (id: string): fc.Arbitrary<Product> =>
  fc.record({
    id: fc.constant(id),
    title: fc.string(),
    description: fc.constant(''),
    type: fc.constantFrom<ProductType>(...PRODUCT_TYPES, 'unknown'),
    isPremium: fc.boolean(),
    channels: fc.record({
      live: channelSubset,
      catchup: channelSubset,
      npvr: channelSubset,
      startover: channelSubset,
    }),
  })

export const catalogueArb: fc.Arbitrary<Product[]> = fc
  .tuple(...productIds.map((id) => fc.option(productArb(id), { nil: undefined })))
  .map((ps) => ps.filter((p): p is Product => p !== undefined))

export const licenceArb = (catalogue: readonly Product[]): fc.Arbitrary<Licence> =>
  fc
    .record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      productId: fc.constantFrom(...productIds, 'p-missing'),
      status: fc.constantFrom(...LICENCE_STATUSES, 'unknown' as const),
      start: fc.integer({ min: 0, max: 2000 }),
      length: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
      embed: fc.boolean(),
    })
    .map(({ length, embed, ...l }) => {
      const product = catalogue.find((p) => p.id === l.productId)
      return {
        ...l,
        end: length === null ? null : l.start + length,
        ...(embed && product ? { product } : {}),
      }
    })

export const rightsCase = catalogueArb.chain((catalogue) =>
  fc.record({
    catalogue: fc.constant(catalogue),
    licences: fc.array(licenceArb(catalogue), { maxLength: 8 }),
    now: fc.integer({ min: 0, max: 4000 }),
  }),
)

export const capabilityArb = fc.constantFrom(...CAPABILITIES)

export const recordingArb: fc.Arbitrary<Recording> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    start: fc.integer({ min: 0, max: 100_000 }),
    length: fc.integer({ min: 0, max: 20_000 }),
    state: fc.constantFrom<RecordingState>('scheduled', 'ongoing', 'finished', 'failed', 'unknown'),
    protected: fc.boolean(),
  })
  .map(({ length, ...r }) => ({
    ...r,
    programmeId: `p${r.id}`,
    channelId: 'ch1',
    title: 'T',
    end: r.start + length,
    expiresAt: null,
  }))
