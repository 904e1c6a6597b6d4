import { createAccountClient, type AccountClient } from './account'
import { createCatalogClient, type CatalogClient } from './catalog'
import { createEnvelopeClient, type EnvelopeClient } from './envelopeClient'
import type { ApiLogger } from './logger'
import { createSubscriptionClient, type SubscriptionClient } from './subscription'
import { createTransport, type TransportOptions } from './transport'

export {
  apiError,
  isApiError,
  isRetryable,
  type ApiError,
  type ApiErrorKind,
  type ApiFailure,
} from './errors'
export type { ApiLogger } from './logger'
export type { CallOptions, Transport, TransportOptions, TransportRequest } from './transport'
export { createTransport } from './transport'
export { createEnvelopeClient, type EnvelopeClient } from './envelopeClient'
export { createSubscriptionClient, type SubscriptionClient } from './subscription'
export { createCatalogClient, type CatalogClient } from './catalog'
export { createAccountClient, type AccountClient } from './account'
export type { LoginRequest } from './session'
export type { GuideRequest } from './guide'
export type { SearchRequest } from './search'

/** Every operator client over one transport: what the state layer is given. */
export interface Api {
  envelope: EnvelopeClient
  subscription: SubscriptionClient
  catalog: CatalogClient
  account: AccountClient
}

export const createApi = (options: TransportOptions & { logger?: ApiLogger }): Api => {
  const { logger, ...transportOptions } = options
  const deps = { transport: createTransport(transportOptions), ...(logger ? { logger } : {}) }
  return {
    envelope: createEnvelopeClient(deps),
    subscription: createSubscriptionClient(deps),
    catalog: createCatalogClient(deps),
    account: createAccountClient(deps),
  }
}
