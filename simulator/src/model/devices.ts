import type { Sim } from './context'
import { SimError } from './context'
import { recordChange } from './accountChanges'

interface DeviceRow {
  device_id: string
  name: string
  model: string
}

const getDevice = (sim: Sim, userId: string, deviceId: string): DeviceRow | undefined =>
  sim.db
    .prepare<
      [string, string],
      DeviceRow
    >('SELECT device_id, name, model FROM devices WHERE user_id = ? AND device_id = ?')
    .get(userId, deviceId)

export interface DeviceInfo {
  deviceId: string
  deviceName: string
  deviceModel: string
  /** The device's identity before a factory reset or re-installation, when the app kept it. */
  previousDeviceId?: string
}

/**
 * A login from a device the user has not used adds it (DEVICE_ADDED); one that names the id it
 * had before a reset replaces that device (DEVICE_RECONFIGURED). A known device changes nothing.
 */
export const registerDevice = (sim: Sim, userId: string, d: DeviceInfo): void => {
  if (getDevice(sim, userId, d.deviceId)) return
  const now = sim.clock.now()
  const previous = d.previousDeviceId !== undefined ? getDevice(sim, userId, d.previousDeviceId) : undefined
  if (previous) {
    sim.db.prepare('DELETE FROM devices WHERE user_id = ? AND device_id = ?').run(userId, previous.device_id)
  }
  sim.db
    .prepare('INSERT INTO devices (user_id, device_id, name, model, added_at) VALUES (?, ?, ?, ?, ?)')
    .run(userId, d.deviceId, d.deviceName, d.deviceModel, now)
  if (previous) {
    recordChange(sim, userId, 'DEVICE_RECONFIGURED', {
      previousDeviceId: previous.device_id,
      previousDeviceName: previous.name,
      deviceId: d.deviceId,
      deviceModel: d.deviceModel,
      deviceName: d.deviceName,
    })
  } else {
    recordChange(sim, userId, 'DEVICE_ADDED', {
      deviceId: d.deviceId,
      deviceModel: d.deviceModel,
      deviceName: d.deviceName,
    })
  }
}

export const removeDevice = (sim: Sim, userId: string, deviceId: string): void => {
  const device = getDevice(sim, userId, deviceId)
  if (!device) throw new SimError('notFound', `No device ${deviceId}`)
  sim.db.prepare('DELETE FROM devices WHERE user_id = ? AND device_id = ?').run(userId, deviceId)
  sim.db.prepare('DELETE FROM sessions WHERE user_id = ? AND device_id = ?').run(userId, deviceId)
  recordChange(sim, userId, 'DEVICE_REMOVED', {
    deviceId: device.device_id,
    deviceModel: device.model,
    deviceName: device.name,
  })
}

export const addIdentity = (sim: Sim, userId: string, type: string, identity: string): void => {
  const r = sim.db
    .prepare('INSERT INTO identities (user_id, type, identity) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
    .run(userId, type, identity)
  if (r.changes > 0) recordChange(sim, userId, 'IDENTITY_ADDED', { type, identity })
}

export const removeIdentity = (sim: Sim, userId: string, type: string, identity: string): void => {
  const r = sim.db
    .prepare('DELETE FROM identities WHERE user_id = ? AND type = ? AND identity = ?')
    .run(userId, type, identity)
  if (r.changes === 0) throw new SimError('notFound', `No identity ${type}:${identity}`)
  recordChange(sim, userId, 'IDENTITY_REMOVED', { type, identity })
}
