import { CAPABILITIES, NO_CAPABILITIES, type Capabilities, type Capability } from './channels'
import { licenceGrantsAt, type Licence } from './licences'
import { servicesOfType, type Product } from './products'
import type { UnixSeconds } from './time'

/** Per channel id, what the user may do with it now; a channel absent from the map gets nothing. */
export type Entitlements = ReadonlyMap<string, Capabilities>

/**
 * Which capabilities each channel has for this user at `now`, from the licences and the
 * products they are for. Only ACTIVE licences within their dates count. The product is the
 * one the licence response included, else the catalogue's; a licence whose product is
 * unknown grants nothing.
 */
export const entitlementsAt = (
  licences: readonly Licence[],
  catalogue: readonly Product[],
  now: UnixSeconds,
): Entitlements => {
  const byId = new Map(catalogue.map((p) => [p.id, p]))
  const out = new Map<string, Record<Capability, boolean>>()
  for (const licence of licences) {
    if (!licenceGrantsAt(licence, now)) continue
    const product = licence.product ?? byId.get(licence.productId)
    if (!product) continue
    for (const service of servicesOfType(product.type)) {
      for (const channelId of product.channels[service]) {
        const caps = out.get(channelId) ?? { ...NO_CAPABILITIES }
        caps[service] = true
        out.set(channelId, caps)
      }
    }
  }
  return out
}

export const capabilitiesOf = (entitlements: Entitlements, channelId: string): Capabilities =>
  entitlements.get(channelId) ?? NO_CAPABILITIES

export const hasCapability = (
  entitlements: Entitlements,
  channelId: string,
  capability: Capability,
): boolean => capabilitiesOf(entitlements, channelId)[capability]

/** The channels on which the user has a capability, e.g. those it may record. */
export const channelsWith = (entitlements: Entitlements, capability: Capability): string[] =>
  [...entitlements].filter(([, caps]) => caps[capability]).map(([id]) => id)

/** The list of capabilities a channel has, in a stable order, for badges. */
export const capabilityList = (caps: Capabilities): Capability[] => CAPABILITIES.filter((c) => caps[c])
