import type { UnixSeconds } from './time'

/** Document 004's change types; an unknown one is kept as 'unknown'. */
export type AccountChangeType =
  | 'USER_CREATED'
  | 'DEVICE_ADDED'
  | 'DEVICE_RECONFIGURED'
  | 'DEVICE_REMOVED'
  | 'SERVICE_ADDED'
  | 'SERVICE_RECONFIGURED'
  | 'SERVICE_REMOVED'
  | 'IDENTITY_ADDED'
  | 'IDENTITY_REMOVED'
  | 'unknown'

export const ACCOUNT_CHANGE_TYPES: readonly Exclude<AccountChangeType, 'unknown'>[] = [
  'USER_CREATED',
  'DEVICE_ADDED',
  'DEVICE_RECONFIGURED',
  'DEVICE_REMOVED',
  'SERVICE_ADDED',
  'SERVICE_RECONFIGURED',
  'SERVICE_REMOVED',
  'IDENTITY_ADDED',
  'IDENTITY_REMOVED',
]

export interface DeviceDetails {
  deviceId: string
  deviceModel?: string
  deviceName?: string
  previousDeviceId?: string
  previousDeviceName?: string
}

export interface ServiceDetails {
  serviceId: string
  serviceName?: string
}

export interface IdentityDetails {
  /** The kind of identity, e.g. "email" or "facebook" (document 004's `type`). */
  identityType: string
  identity: string
}

interface ChangeBase {
  id: string
  at: UnixSeconds
  text: string
}

/** One account event; the details depend on the type (document 004's itemAttributes). */
export type AccountChange =
  | (ChangeBase & { type: 'USER_CREATED' })
  | (ChangeBase & { type: 'DEVICE_ADDED' | 'DEVICE_RECONFIGURED' | 'DEVICE_REMOVED'; device?: DeviceDetails })
  | (ChangeBase & {
      type: 'SERVICE_ADDED' | 'SERVICE_RECONFIGURED' | 'SERVICE_REMOVED'
      service?: ServiceDetails
    })
  | (ChangeBase & { type: 'IDENTITY_ADDED' | 'IDENTITY_REMOVED'; identity?: IdentityDetails })
  | (ChangeBase & { type: 'unknown'; rawType: string })

/** One page of the feed, newest first. */
export interface AccountChangesPage {
  offset: number
  /** Items the server sent in this page, including any dropped as malformed. */
  count: number
  countAll: number
  items: readonly AccountChange[]
  /** The offset of the next page; undefined when this was the last. */
  nextOffset?: number
}
