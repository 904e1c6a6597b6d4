import type { AccountChange } from './accountChanges'

/** The picture beside an account event: one per family of document 004's types. */
export type HistoryIcon = 'user' | 'device' | 'service' | 'identity' | 'other'

/**
 * A readable sentence for one event, as a translation key and its values (the UI translates):
 * built from the event's attributes, never from the server's English `text` unless nothing
 * better is known.
 */
export interface HistorySentence {
  icon: HistoryIcon
  /** Added, removed or changed: the UI colours the icon by it. */
  tone: 'added' | 'removed' | 'changed'
  key: string
  values: Record<string, string>
}

/**
 * Shows enough of an identity to recognise it and no more: an e-mail keeps its first letter
 * and its domain ("a•••@example.com"), a phone number its last three digits, anything else
 * its first two and last two characters. Short values are masked completely.
 */
export const maskIdentity = (identityType: string, identity: string): string => {
  const value = identity.trim()
  const dots = (n: number): string => '•'.repeat(Math.max(3, Math.min(n, 6)))
  const at = value.lastIndexOf('@')
  if (at > 0 && (identityType.toLowerCase() === 'email' || /^[^@\s]+@[^@\s]+$/.test(value))) {
    const local = value.slice(0, at)
    return `${local.slice(0, 1)}${dots(local.length - 1)}${value.slice(at)}`
  }
  const digits = value.replace(/[\s()+-]/g, '')
  if (identityType.toLowerCase() === 'phone' || /^\d{6,}$/.test(digits)) {
    return `${dots(digits.length - 3)}${digits.slice(-3)}`
  }
  if (value.length <= 4) return dots(value.length)
  return `${value.slice(0, 2)}${dots(value.length - 4)}${value.slice(-2)}`
}

const deviceLabel = (name: string | undefined, model: string | undefined, id: string): string =>
  name !== undefined && name !== '' ? name : model !== undefined && model !== '' ? model : id

export const historySentence = (change: AccountChange): HistorySentence => {
  switch (change.type) {
    case 'USER_CREATED':
      return { icon: 'user', tone: 'added', key: 'account.history.event.userCreated', values: {} }
    case 'DEVICE_ADDED':
    case 'DEVICE_REMOVED': {
      const tone = change.type === 'DEVICE_ADDED' ? 'added' : 'removed'
      const d = change.device
      if (!d) return { icon: 'device', tone, key: `account.history.event.device.${tone}.unknown`, values: {} }
      const name = deviceLabel(d.deviceName, d.deviceModel, d.deviceId)
      const model = d.deviceModel !== undefined && d.deviceModel !== '' && d.deviceModel !== name
      return {
        icon: 'device',
        tone,
        key: `account.history.event.device.${tone}${model ? '.model' : ''}`,
        values: { name, ...(model ? { model: d.deviceModel ?? '' } : {}) },
      }
    }
    case 'DEVICE_RECONFIGURED': {
      const d = change.device
      if (!d)
        return {
          icon: 'device',
          tone: 'changed',
          key: 'account.history.event.device.reconfigured.unknown',
          values: {},
        }
      const name = deviceLabel(d.deviceName, d.deviceModel, d.deviceId)
      const previous = d.previousDeviceName ?? d.previousDeviceId
      return {
        icon: 'device',
        tone: 'changed',
        key:
          previous !== undefined && previous !== name
            ? 'account.history.event.device.reconfigured.previous'
            : 'account.history.event.device.reconfigured',
        values: { name, ...(previous !== undefined ? { previous } : {}) },
      }
    }
    case 'SERVICE_ADDED':
    case 'SERVICE_RECONFIGURED':
    case 'SERVICE_REMOVED': {
      const tone =
        change.type === 'SERVICE_ADDED' ? 'added' : change.type === 'SERVICE_REMOVED' ? 'removed' : 'changed'
      const s = change.service
      const name = s
        ? s.serviceName !== undefined && s.serviceName !== ''
          ? s.serviceName
          : s.serviceId
        : undefined
      return {
        icon: 'service',
        tone,
        key: `account.history.event.service.${tone}${name === undefined ? '.unknown' : ''}`,
        values: name === undefined ? {} : { name },
      }
    }
    case 'IDENTITY_ADDED':
    case 'IDENTITY_REMOVED': {
      const tone = change.type === 'IDENTITY_ADDED' ? 'added' : 'removed'
      const i = change.identity
      return {
        icon: 'identity',
        tone,
        key: `account.history.event.identity.${tone}${i ? '' : '.unknown'}`,
        values: i ? { kind: i.identityType, identity: maskIdentity(i.identityType, i.identity) } : {},
      }
    }
    case 'unknown':
      return {
        icon: 'other',
        tone: 'changed',
        key: 'account.history.event.other',
        values: { text: change.text },
      }
  }
}

/**
 * Whether the history says this device is currently removed: the newest event about it (the
 * feed is newest first) is a removal. A device added again after a removal is not removed.
 */
export const isDeviceRemoved = (changes: readonly AccountChange[], deviceId: string): boolean => {
  for (const c of changes) {
    if (c.type !== 'DEVICE_ADDED' && c.type !== 'DEVICE_REMOVED' && c.type !== 'DEVICE_RECONFIGURED') continue
    if (c.device?.deviceId === deviceId) return c.type === 'DEVICE_REMOVED'
    if (c.type === 'DEVICE_RECONFIGURED' && c.device?.previousDeviceId === deviceId) return true
  }
  return false
}

/**
 * The events newer than the one seen last (newest first), or all of them when it is not in
 * the page (more happened than a page holds, or it is the first look).
 */
export const changesSince = (
  changes: readonly AccountChange[],
  lastSeenId: string | undefined,
): readonly AccountChange[] => {
  if (lastSeenId === undefined) return changes
  const index = changes.findIndex((c) => c.id === lastSeenId)
  return index < 0 ? changes : changes.slice(0, index)
}

/** A service was added, changed or removed: what the user may watch may have moved with it. */
export const touchesServices = (changes: readonly AccountChange[]): boolean =>
  changes.some(
    (c) => c.type === 'SERVICE_ADDED' || c.type === 'SERVICE_RECONFIGURED' || c.type === 'SERVICE_REMOVED',
  )
