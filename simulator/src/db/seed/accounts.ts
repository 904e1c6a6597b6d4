import type { Sim } from '../../model/context'
import { createUser } from '../../model/users'

/** The demo accounts; docs/API.md lists them with their passwords and PINs. */
export const USERS = {
  anna: { id: '1001', customerId: '5001', password: 'anna', pin: '1234' },
  ben: { id: '1002', customerId: '5002', password: 'ben', pin: '1234' },
  carl: { id: '1003', customerId: '5003', password: 'carl', pin: '1234' },
  dora: { id: '1004', customerId: '5004', password: 'dora', pin: '1234' },
  reseller: { id: '2001', password: 'reseller', pin: '0000' },
  admin: { id: '9001', password: 'admin', pin: '0000' },
} as const

/** Document 002's example response carries this _id: dora's settings are that example. */
export const FIXTURE_SETTINGS_ID = '1234578901234567890ABCD'

/** Resellers, customers and users: the part every scenario has, even the empty one. */
export const insertAccounts = (sim: Sim): void => {
  const now = sim.clock.now()
  const day = 86400
  const reseller = sim.db.prepare(
    `INSERT INTO resellers (id, name, npvr_available, npvr_enabled, npvr_storage, npvr_auto_expire_days, customer_may_override)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  reseller.run('r1', 'Kanal Telecom', 1, 1, 100, 90, 1)
  reseller.run('r2', 'BudgetNet', 0, 0, 10, 30, 0)
  const customer = sim.db.prepare(
    'INSERT INTO customers (id, settings_id, reseller_id, has_iptv) VALUES (?, ?, ?, ?)',
  )
  customer.run(USERS.anna.customerId, '64a1f0c2e4b0a1b2c3d45001', 'r1', 1)
  customer.run(USERS.ben.customerId, '64a1f0c2e4b0a1b2c3d45002', 'r2', 1)
  customer.run(USERS.carl.customerId, '64a1f0c2e4b0a1b2c3d45003', 'r1', 0)
  customer.run(USERS.dora.customerId, FIXTURE_SETTINGS_ID, 'r1', 1)

  const { anna, ben, carl, dora } = USERS
  createUser(sim, {
    ...anna,
    username: 'anna',
    name: 'Anna Berg',
    role: 'customer',
    resellerId: 'r1',
    createdAt: now - 400 * day,
  })
  createUser(sim, {
    ...ben,
    username: 'ben',
    name: 'Ben Olsen',
    role: 'customer',
    resellerId: 'r2',
    createdAt: now - 120 * day,
  })
  createUser(sim, {
    ...carl,
    username: 'carl',
    name: 'Carl Lind',
    role: 'customer',
    resellerId: 'r1',
    createdAt: now - 30 * day,
  })
  createUser(sim, {
    ...dora,
    username: 'dora',
    name: 'Dora Vik',
    role: 'customer',
    resellerId: 'r1',
    createdAt: now - 10 * day,
  })
  createUser(sim, {
    ...USERS.reseller,
    username: 'reseller',
    name: 'Kanal Telecom support',
    role: 'reseller',
    resellerId: 'r1',
    createdAt: now - 800 * day,
  })
  createUser(sim, {
    ...USERS.admin,
    username: 'admin',
    name: 'Operator admin',
    role: 'admin',
    createdAt: now - 900 * day,
  })
}
