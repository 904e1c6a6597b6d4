import type { Sim } from '../../model/context'
import { recordChange } from '../../model/accountChanges'
import { FAILURE_CODE, stateAt, type FailureReason } from '../../model/recordings'
import { FIXTURE_MAIN_PACKAGE, PRODUCT, SERVICE } from './catalogue'
import { USERS } from './accounts'
import { ADULT_NOW_CHANNEL } from './ratings'

const DAY = 86400

/**
 * What the demo users own and did: anna has the base pack, a recorder, a licence that ends
 * within a week, one EXPIRED and one SUSPENDED, recordings in every state, a series rule,
 * resume points and an account history; ben has no nPVR and odd licence states; carl has no
 * IPTV; dora is document 002's example customer.
 */
export const insertDemoAccounts = (sim: Sim): void => {
  const now = sim.clock.now()
  const { anna, ben, dora } = USERS

  const pkg = sim.db.prepare(
    'INSERT INTO subscription_packages (customer_id, position, package_id, start_ms, end_ms, added_at) VALUES (?, 0, ?, ?, NULL, ?)',
  )
  pkg.run(anna.customerId, FIXTURE_MAIN_PACKAGE, (now - 400 * DAY) * 1000, (now - 400 * DAY) * 1000)
  pkg.run(ben.customerId, FIXTURE_MAIN_PACKAGE, null, (now - 120 * DAY) * 1000)
  pkg.run(dora.customerId, FIXTURE_MAIN_PACKAGE, null, (now - 10 * DAY) * 1000)

  const licence = sim.db.prepare(
    `INSERT INTO licences (user_id, product_id, status, start_date, stop_date, created_at, source) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  licence.run(anna.id, PRODUCT.basis, 'ACTIVE', now - 400 * DAY, null, now - 400 * DAY, 'package')
  licence.run(
    anna.id,
    PRODUCT.recorder,
    'ACTIVE',
    now - 100 * DAY,
    now + 200 * DAY,
    now - 100 * DAY,
    'purchase',
  )
  licence.run(anna.id, PRODUCT.startover, 'ACTIVE', now - 25 * DAY, now + 5 * DAY, now - 25 * DAY, 'purchase')
  licence.run(anna.id, PRODUCT.sport, 'EXPIRED', now - 60 * DAY, now - 30 * DAY, now - 60 * DAY, 'purchase')
  licence.run(
    anna.id,
    PRODUCT.cinema,
    'SUSPENDED',
    now - 20 * DAY,
    now + 10 * DAY,
    now - 20 * DAY,
    'purchase',
  )
  licence.run(ben.id, PRODUCT.basis, 'ACTIVE', now - 120 * DAY, null, now - 120 * DAY, 'package')
  licence.run(ben.id, PRODUCT.kids, 'CHECK_INVALID', now - 3 * DAY, now + 27 * DAY, now - 3 * DAY, 'purchase')
  licence.run(
    ben.id,
    PRODUCT.docs,
    'SUSPENDEDADMIN',
    now - 50 * DAY,
    now + 10 * DAY,
    now - 50 * DAY,
    'purchase',
  )
  licence.run(dora.id, PRODUCT.basis, 'ACTIVE', now - 10 * DAY, null, now - 10 * DAY, 'package')
  licence.run(dora.id, PRODUCT.recorder, 'ACTIVE', now - 10 * DAY, now + 20 * DAY, now - 10 * DAY, 'purchase')

  const owns = sim.db.prepare(
    'INSERT INTO user_services (user_id, service_id, purchased_at) VALUES (?, ?, ?)',
  )
  owns.run(anna.id, SERVICE.npvr100, now - 10 * DAY)
  owns.run(anna.id, SERVICE.restart, now - 200 * DAY)

  const device = sim.db.prepare(
    'INSERT INTO devices (user_id, device_id, name, model, added_at) VALUES (?, ?, ?, ?, ?)',
  )
  device.run(anna.id, 'anna-stb-1', 'Living room', 'STB-200', now - 399 * DAY)
  device.run(anna.id, 'anna-tv-2', 'Bedroom', 'SmartTV-55', now - 50 * DAY)
  sim.db
    .prepare('INSERT INTO identities (user_id, type, identity) VALUES (?, ?, ?)')
    .run(anna.id, 'email', 'anna@example.com')

  const history: [number, Parameters<typeof recordChange>[2], Parameters<typeof recordChange>[3]][] = [
    [-400, 'IDENTITY_ADDED', { type: 'email', identity: 'anna@example.com' }],
    [-400, 'SERVICE_ADDED', { serviceId: `product-${PRODUCT.basis}`, serviceName: 'Kanal Basis' }],
    [-399, 'DEVICE_ADDED', { deviceId: 'anna-stb-0', deviceModel: 'STB-100', deviceName: 'Living room' }],
    [
      -399,
      'DEVICE_RECONFIGURED',
      {
        previousDeviceId: 'anna-stb-0',
        previousDeviceName: 'Living room',
        deviceId: 'anna-stb-1',
        deviceModel: 'STB-200',
        deviceName: 'Living room',
      },
    ],
    [-200, 'SERVICE_ADDED', { serviceId: `service-${SERVICE.restart}`, serviceName: 'RestartTV' }],
    [-150, 'IDENTITY_ADDED', { type: 'facebook', identity: 'anna.berg' }],
    [-140, 'IDENTITY_REMOVED', { type: 'facebook', identity: 'anna.berg' }],
    [-100, 'SERVICE_ADDED', { serviceId: `product-${PRODUCT.recorder}`, serviceName: 'Cloud recorder' }],
    [-80, 'DEVICE_ADDED', { deviceId: 'anna-phone', deviceModel: 'Phone', deviceName: 'Phone' }],
    [-60, 'SERVICE_ADDED', { serviceId: `product-${PRODUCT.sport}`, serviceName: 'Sport channels megapack' }],
    [-50, 'DEVICE_ADDED', { deviceId: 'anna-tv-2', deviceModel: 'SmartTV-55', deviceName: 'Bedroom' }],
    [-45, 'DEVICE_REMOVED', { deviceId: 'anna-phone', deviceModel: 'Phone', deviceName: 'Phone' }],
    [
      -30,
      'SERVICE_REMOVED',
      { serviceId: `product-${PRODUCT.sport}`, serviceName: 'Sport channels megapack' },
    ],
    [-25, 'SERVICE_ADDED', { serviceId: `product-${PRODUCT.startover}`, serviceName: 'Start-over' }],
    [-20, 'SERVICE_ADDED', { serviceId: `product-${PRODUCT.cinema}`, serviceName: 'Cinema pack' }],
    [-10, 'SERVICE_ADDED', { serviceId: `service-${SERVICE.npvr100}`, serviceName: 'nPVR 100 hours' }],
    [-2, 'SERVICE_RECONFIGURED', { serviceId: 'npvr', serviceName: 'Cloud recording (nPVR)' }],
  ]
  history.forEach(([days, type, attributes], i) =>
    recordChange(sim, anna.id, type, attributes, now + days * DAY + i * 60),
  )

  insertRecordings(sim, now)

  const resume = sim.db.prepare(
    'INSERT INTO resumes (user_id, content_id, position, updated_at) VALUES (?, ?, ?, ?)',
  )
  const firstRecording = sim.db
    .prepare<[string], { id: number }>('SELECT id FROM recordings WHERE user_id = ? ORDER BY start LIMIT 1')
    .get(anna.id)
  if (firstRecording) resume.run(anna.id, `recording:${firstRecording.id}`, 1260, now - 2 * DAY)
  resume.run(anna.id, 'programme:1', 300, now - DAY)

  // anna's box locks what is rated above 16; on one channel of her pack an 18+ programme is on
  // air when the demo starts (and the one after it), so the lock can be seen at once.
  sim.db.prepare('UPDATE users SET parental_enabled = 1, parental_max_rating = 16 WHERE id = ?').run(anna.id)
  sim.db
    .prepare(
      `UPDATE programmes SET rating = 18 WHERE id IN (
         SELECT id FROM programmes WHERE channel_id = ? AND end > ? ORDER BY start LIMIT 2)`,
    )
    .run(ADULT_NOW_CHANNEL, now)
}

interface Prog {
  id: number
  channel_id: string
  start: number
  end: number
  title: string
  series_id: string | null
}

const insertRecordings = (sim: Sim, now: number): void => {
  const userId = USERS.anna.id
  const at = sim.db.prepare<[string, number, number], Prog>(
    'SELECT id, channel_id, start, end, title, series_id FROM programmes WHERE channel_id = ? AND start <= ? AND end > ?',
  )
  const insert = sim.db.prepare(
    `INSERT OR IGNORE INTO recordings (user_id, programme_id, channel_id, title, start, end, series_id, protected, failed,
       seen_state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const record = (
    p: Prog | undefined,
    opts: { protect?: boolean; failed?: FailureReason; series?: boolean } = {},
  ): void => {
    if (!p) return
    const failed = opts.failed ? FAILURE_CODE[opts.failed] : 0
    insert.run(
      userId,
      String(p.id),
      p.channel_id,
      p.title,
      p.start,
      p.end,
      p.series_id,
      opts.protect ? 1 : 0,
      failed,
      stateAt({ start: p.start, end: p.end, failed }, now),
      Math.min(now, p.start) - DAY,
    )
  }
  const day = Math.floor(now / DAY) * DAY
  const prog = (channel: string, t: number): Prog | undefined => at.get(channel, t, t)
  record(prog('ch1', day - 2 * DAY + 20 * 3600))
  record(prog('ch5', day - DAY + 21 * 3600), { protect: true })
  record(prog('ch8', day - 3 * DAY + 19 * 3600))
  record(prog('ch2', day - DAY + 10 * 3600), { failed: 'ChannelUnavailable' })
  // Something recording now, outside any series folder: the news channel's programme on air, or
  // the first other channel's when that one is an episode.
  record(
    ['ch3', 'ch1', 'ch2', 'ch4']
      .map((c) => prog(c, now))
      .find((p) => p !== undefined && p.series_id === null),
  )
  record(prog('ch5', day + DAY + 21 * 3600))
  record(prog('ch4', day + 2 * DAY + 18 * 3600))
  // A series rule on the drama channel: its episodes from two days ago to the end of the guide.
  const episode = prog('ch7', day + DAY + 20 * 3600)
  if (episode?.series_id) {
    const episodes = sim.db
      .prepare<
        [string, string, number],
        Prog
      >('SELECT id, channel_id, start, end, title, series_id FROM programmes WHERE series_id = ? AND channel_id = ? AND start >= ? ORDER BY start')
      .all(episode.series_id, 'ch7', now - 2 * DAY)
    for (const p of episodes.slice(0, 8)) record(p, { series: true })
  }
}
