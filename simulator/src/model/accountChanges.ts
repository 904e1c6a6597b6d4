import type { Sim } from './context'

/** Document 004's change types. */
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

const TEXTS: Record<AccountChangeType, string> = {
  USER_CREATED: 'User created',
  DEVICE_ADDED: 'Device added',
  DEVICE_RECONFIGURED: 'Device reconfigured',
  DEVICE_REMOVED: 'Device removed',
  SERVICE_ADDED: 'Service added',
  SERVICE_RECONFIGURED: 'Service reconfigured',
  SERVICE_REMOVED: 'Service removed',
  IDENTITY_ADDED: 'Identity added',
  IDENTITY_REMOVED: 'Identity removed',
}

export type ItemAttributes =
  | { deviceId: string; deviceModel: string; deviceName: string }
  | {
      previousDeviceId: string
      previousDeviceName: string
      deviceId: string
      deviceModel: string
      deviceName: string
    }
  | { serviceId: string; serviceName: string }
  | { type: string; identity: string }

export interface AccountChangeItem {
  id: string
  occurrenceTimestamp: number
  type: AccountChangeType
  text: string
  itemAttributes?: ItemAttributes
}

export const recordChange = (
  sim: Sim,
  userId: string,
  type: AccountChangeType,
  attributes?: ItemAttributes,
  at: number = sim.clock.now(),
): void => {
  sim.db
    .prepare(
      'INSERT INTO account_changes (user_id, occurred_at, type, text, attributes) VALUES (?, ?, ?, ?, ?)',
    )
    .run(userId, at, type, TEXTS[type], attributes ? JSON.stringify(attributes) : null)
}

interface Row {
  id: number
  occurred_at: number
  type: AccountChangeType
  text: string
  attributes: string | null
}

/** Newest first, paged; countAll is the user's total. */
export const findAccountChanges = (
  sim: Sim,
  userId: string,
  offset: number,
  count: number,
): { offset: number; count: number; countAll: number; items: AccountChangeItem[] } => {
  const countAll =
    sim.db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM account_changes WHERE user_id = ?')
      .get(userId)?.n ?? 0
  const rows = sim.db
    .prepare<[string, number, number], Row>(
      `SELECT id, occurred_at, type, text, attributes FROM account_changes WHERE user_id = ?
       ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?`,
    )
    .all(userId, count, offset)
  const items = rows.map((r): AccountChangeItem => {
    const item: AccountChangeItem = {
      id: `c${r.id}`,
      occurrenceTimestamp: r.occurred_at,
      type: r.type,
      text: r.text,
    }
    if (r.attributes !== null) item.itemAttributes = JSON.parse(r.attributes) as ItemAttributes
    return item
  })
  return { offset, count: items.length, countAll, items }
}
