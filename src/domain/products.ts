import type { Capability } from './channels'

/** Document 003's product types; anything else the operator invents is kept as 'unknown'. */
export type ProductType = 'CHANNEL' | 'PVR' | 'CATCHUP' | 'STARTOVER' | 'CHANNEL_GROUP' | 'unknown'
export const PRODUCT_TYPES: readonly Exclude<ProductType, 'unknown'>[] = [
  'CHANNEL',
  'PVR',
  'CATCHUP',
  'STARTOVER',
  'CHANNEL_GROUP',
]

/** Channel ids per service, as the product's relationships list them. */
export type ProductChannels = Readonly<Record<Capability, readonly string[]>>

export interface Product {
  id: string
  title: string
  description: string
  type: ProductType
  isPremium: boolean
  channels: ProductChannels
}

/**
 * The services a product of this type can grant. A single-service product grants only its
 * service even if its relationships list more; CHANNEL_GROUP is "a mix of all types", so its
 * relationships decide per channel. An unknown type is taken at its relationships' word, which
 * document 003 calls the statement of what is available.
 */
export const servicesOfType = (type: ProductType): readonly Capability[] => {
  switch (type) {
    case 'CHANNEL':
      return ['live']
    case 'PVR':
      return ['npvr']
    case 'CATCHUP':
      return ['catchup']
    case 'STARTOVER':
      return ['startover']
    default:
      return ['live', 'catchup', 'npvr', 'startover']
  }
}
