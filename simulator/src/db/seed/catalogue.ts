import type { Db } from '../connection'
import type { SeedChannel } from './guide'
import type { ChannelService, ProductType } from '../../model/products'

interface SeedProduct {
  id: string
  packageId: string
  title: string
  description: string
  type: ProductType
  premium: boolean
  main: boolean
  priceCents: number
  /** How long a licence lasts; 30 days (renewed by the month) unless said. */
  durationDays?: number
  failsOrder?: boolean
  channels: Partial<Record<ChannelService, readonly SeedChannel[]>>
}

/** Package ids look like the MongoDB ObjectIds of document 002; two are the document's own. */
const packageId = (productId: string): string => `64b0c0de00000000000${productId.padStart(5, '0')}`
export const FIXTURE_MAIN_PACKAGE = '1234567890123457890CCCC'
export const FIXTURE_ADDON_PACKAGE = '12345678901234567890DDDD'

export const PRODUCT = {
  basis: '1',
  plus: '2',
  sport: '3',
  cinema: '4',
  kids: '5',
  docs: '6',
  music: '7',
  max: '8',
  recorder: '10',
  catchup: '11',
  startover: '12',
  cinemaChannel: '20',
  extraChannel: '21',
  dramaChannel: '22',
  worldCup: '30',
} as const

const worldCupChannels = (lineup: readonly SeedChannel[], sport: readonly SeedChannel[]): SeedChannel[] => {
  const beyond = lineup.filter((c) => c.genre === 'sport' && c.number > 100).slice(0, 2)
  return beyond.length > 0 ? beyond : sport.slice(0, 2)
}

const products = (lineup: readonly SeedChannel[]): SeedProduct[] => {
  const first = (n: number): SeedChannel[] => lineup.slice(0, n)
  const withCatchup = (cs: readonly SeedChannel[]): SeedChannel[] => cs.filter((c) => c.catchupHours > 0)
  const ofGenre = (g: SeedChannel['genre'], limit = 150): SeedChannel[] =>
    lineup.slice(0, limit).filter((c) => c.genre === g)
  const byNumber = (n: number): SeedChannel[] => lineup.filter((c) => c.number === n)
  const firstOfGenreAfter = (g: SeedChannel['genre'], n: number): SeedChannel[] =>
    lineup.filter((c) => c.genre === g && c.number > n).slice(0, 1)
  const sport = ofGenre('sport')
  return [
    {
      id: PRODUCT.basis,
      packageId: FIXTURE_MAIN_PACKAGE,
      title: 'Kanal Basis',
      description: 'The 40 channels everybody watches, with 7-day catch-up where the channel allows it',
      type: 'CHANNEL_GROUP',
      premium: false,
      main: true,
      priceCents: 1900,
      channels: { live: first(40), catchup: withCatchup(first(40)), startover: first(10) },
    },
    {
      id: PRODUCT.plus,
      packageId: packageId(PRODUCT.plus),
      title: 'Kanal Plus',
      description: '100 channels with catch-up and start-over',
      type: 'CHANNEL_GROUP',
      premium: false,
      main: true,
      priceCents: 3900,
      channels: { live: first(100), catchup: withCatchup(first(100)), startover: first(100) },
    },
    {
      id: PRODUCT.sport,
      packageId: FIXTURE_ADDON_PACKAGE,
      title: 'Sport channels megapack',
      description: 'Complete collection of all sports channels',
      type: 'CHANNEL_GROUP',
      premium: true,
      main: false,
      priceCents: 2500,
      channels: { live: sport, catchup: sport, npvr: sport, startover: sport },
    },
    {
      id: PRODUCT.cinema,
      packageId: packageId(PRODUCT.cinema),
      title: 'Cinema pack',
      description: 'Every movie channel, recordable',
      type: 'CHANNEL_GROUP',
      premium: true,
      main: false,
      priceCents: 1500,
      channels: { live: ofGenre('movies'), npvr: ofGenre('movies') },
    },
    {
      id: PRODUCT.kids,
      packageId: packageId(PRODUCT.kids),
      title: 'Kids pack',
      description: 'Cartoons and learning for the young ones',
      type: 'CHANNEL_GROUP',
      premium: false,
      main: false,
      priceCents: 700,
      channels: { live: ofGenre('kids'), catchup: ofGenre('kids') },
    },
    {
      id: PRODUCT.docs,
      packageId: packageId(PRODUCT.docs),
      title: 'Documentary pack',
      description: 'Nature, history and science',
      type: 'CHANNEL_GROUP',
      premium: false,
      main: false,
      priceCents: 900,
      channels: {
        live: ofGenre('documentary'),
        catchup: ofGenre('documentary'),
        npvr: ofGenre('documentary'),
      },
    },
    {
      id: PRODUCT.music,
      packageId: packageId(PRODUCT.music),
      title: 'Music pack',
      description: 'Hits, concerts and music videos',
      type: 'CHANNEL_GROUP',
      premium: false,
      main: false,
      priceCents: 500,
      channels: { live: ofGenre('music') },
    },
    {
      id: PRODUCT.max,
      packageId: packageId(PRODUCT.max),
      title: 'Kanal Max',
      description: 'Every channel of the lineup with every service',
      type: 'CHANNEL_GROUP',
      premium: true,
      main: true,
      priceCents: 6900,
      channels: { live: lineup, catchup: withCatchup(lineup), npvr: lineup, startover: lineup },
    },
    {
      id: PRODUCT.recorder,
      packageId: packageId(PRODUCT.recorder),
      title: 'Cloud recorder',
      description: 'Record the first 100 channels to your cloud storage',
      type: 'PVR',
      premium: false,
      main: false,
      priceCents: 500,
      channels: { npvr: first(100) },
    },
    {
      id: PRODUCT.catchup,
      packageId: packageId(PRODUCT.catchup),
      title: 'Catch-up plus',
      description: 'Catch-up on the first 100 channels',
      type: 'CATCHUP',
      premium: false,
      main: false,
      priceCents: 400,
      channels: { catchup: withCatchup(first(100)) },
    },
    {
      id: PRODUCT.startover,
      packageId: packageId(PRODUCT.startover),
      title: 'Start-over',
      description: 'Restart the programme on air on the first 100 channels',
      type: 'STARTOVER',
      premium: false,
      main: false,
      priceCents: 300,
      channels: { startover: first(100) },
    },
    {
      id: PRODUCT.cinemaChannel,
      packageId: packageId(PRODUCT.cinemaChannel),
      title: 'Kanal Cinema',
      description: 'The Kanal Cinema channel on its own',
      type: 'CHANNEL',
      premium: true,
      main: false,
      priceCents: 800,
      channels: { live: byNumber(5) },
    },
    {
      id: PRODUCT.extraChannel,
      packageId: packageId(PRODUCT.extraChannel),
      title: lineup[40]?.name ?? 'Extra channel',
      description: 'One more channel, on its own',
      type: 'CHANNEL',
      premium: false,
      main: false,
      priceCents: 300,
      channels: { live: byNumber(41) },
    },
    {
      id: PRODUCT.dramaChannel,
      packageId: packageId(PRODUCT.dramaChannel),
      title: firstOfGenreAfter('drama', 40)[0]?.name ?? 'Drama channel',
      description: 'A drama channel, on its own',
      type: 'CHANNEL',
      premium: false,
      main: false,
      priceCents: 400,
      channels: { live: firstOfGenreAfter('drama', 40) },
    },
    {
      id: PRODUCT.worldCup,
      packageId: packageId(PRODUCT.worldCup),
      title: 'World Cup pass',
      description: 'Every match of the tournament (the order of this product always fails: ORDER_ERROR)',
      type: 'CHANNEL_GROUP',
      premium: true,
      main: false,
      priceCents: 4900,
      // The tournament's weeks, paid once.
      durationDays: 45,
      failsOrder: true,
      // Sport channels beyond the first 100, which no demo user has: the pass is offered to all.
      channels: { live: worldCupChannels(lineup, sport) },
    },
  ]
}

export const insertProducts = (db: Db, lineup: readonly SeedChannel[]): void => {
  const product = db.prepare(
    `INSERT INTO products (id, package_id, title, description, type, is_premium, is_main, price_cents, currency,
       duration_days, fails_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?)`,
  )
  const link = db.prepare('INSERT INTO product_channels (product_id, service, channel_id) VALUES (?, ?, ?)')
  for (const p of products(lineup)) {
    product.run(
      p.id,
      p.packageId,
      p.title,
      p.description,
      p.type,
      p.premium ? 1 : 0,
      p.main ? 1 : 0,
      p.priceCents,
      p.durationDays ?? 30,
      p.failsOrder ? 1 : 0,
    )
    for (const [service, channels] of Object.entries(p.channels)) {
      for (const c of channels ?? []) link.run(p.id, service, c.id)
    }
  }
}

interface SeedService {
  id: number
  title: string
  short: string
  description: string
  purchaseType: 1 | 2 | 3
  requiredDays: number
  upgrade: number[]
  incompatible: number[]
  ott: boolean
  iptv: boolean
  priceCents: number
  /** Commercialisation window relative to now, in days. */
  from: number
  to: number
}

export const SERVICE = {
  npvr50: 11,
  npvr100: 12,
  npvr200: 13,
  restart: 21,
  rpvr: 22,
  catchup7: 31,
  catchup30: 32,
}

/**
 * Document 001's subscriptions: three nPVR sizes that upgrade into each other (and exclude
 * each other and the home recorder), catch-up that upgrades after 14 days, one that is no
 * longer sold and one not yet on sale.
 */
const services: readonly SeedService[] = [
  {
    id: 11,
    title: 'nPVR 50 hours',
    short: 'Record 50 hours in the cloud',
    description: 'Cloud recording with 50 hours of storage.',
    purchaseType: 3,
    requiredDays: 30,
    upgrade: [12, 13],
    incompatible: [12, 13, 22],
    ott: false,
    iptv: true,
    priceCents: 300,
    from: -400,
    to: 365,
  },
  {
    id: 12,
    title: 'nPVR 100 hours',
    short: 'Record 100 hours in the cloud',
    description: 'Cloud recording with 100 hours of storage.',
    purchaseType: 3,
    requiredDays: 30,
    upgrade: [13],
    incompatible: [11, 13, 22],
    ott: false,
    iptv: true,
    priceCents: 500,
    from: -400,
    to: 365,
  },
  {
    id: 13,
    title: 'nPVR 200 hours',
    short: 'Record 200 hours in the cloud',
    description: 'Cloud recording with 200 hours of storage.',
    purchaseType: 3,
    requiredDays: 0,
    upgrade: [],
    incompatible: [11, 12, 22],
    ott: false,
    iptv: true,
    priceCents: 900,
    from: -400,
    to: 365,
  },
  {
    id: 21,
    title: 'RestartTV',
    short: 'Restart what is on air',
    description: 'Start the programme on air from its beginning.',
    purchaseType: 1,
    requiredDays: 0,
    upgrade: [],
    incompatible: [],
    ott: true,
    iptv: true,
    priceCents: 200,
    from: -400,
    to: 365,
  },
  {
    id: 22,
    title: 'rPVR home recorder',
    short: 'Record on the box',
    description: 'Recording on the set-top box disk.',
    purchaseType: 2,
    requiredDays: 0,
    upgrade: [],
    incompatible: [11, 12, 13],
    ott: false,
    iptv: true,
    priceCents: 200,
    from: -400,
    to: 365,
  },
  {
    id: 31,
    title: 'Catch-up 7 days',
    short: 'The last week, any time',
    description: 'Watch programmes of the last 7 days.',
    purchaseType: 3,
    requiredDays: 14,
    upgrade: [32],
    incompatible: [],
    ott: true,
    iptv: false,
    priceCents: 300,
    from: -400,
    to: 365,
  },
  {
    id: 32,
    title: 'Catch-up 30 days',
    short: 'The last month, any time',
    description: 'Watch programmes of the last 30 days.',
    purchaseType: 3,
    requiredDays: 0,
    upgrade: [],
    incompatible: [31],
    ott: true,
    iptv: false,
    priceCents: 600,
    from: -400,
    to: 365,
  },
  {
    id: 41,
    title: 'Multiroom',
    short: 'A second box',
    description: 'Watch on a second set-top box. No longer sold.',
    purchaseType: 1,
    requiredDays: 0,
    upgrade: [],
    incompatible: [],
    ott: false,
    iptv: true,
    priceCents: 400,
    from: -800,
    to: -30,
  },
  {
    id: 51,
    title: 'Kids Safe',
    short: 'Profiles for children',
    description: 'Kid profiles with their own PIN. Coming soon.',
    purchaseType: 3,
    requiredDays: 0,
    upgrade: [],
    incompatible: [],
    ott: true,
    iptv: false,
    priceCents: 100,
    from: 30,
    to: 400,
  },
]

export const insertServices = (db: Db, now: number): void => {
  const service = db.prepare(
    `INSERT INTO services (id, title, description, short_description, date_start, date_end, type, status, purchase_type,
       required_days, child_count, is_ott, is_iptv, price_cents, currency) VALUES (?, ?, ?, ?, ?, ?, 1, 1, ?, ?, 1, ?, ?, ?, 'EUR')`,
  )
  const relation = db.prepare('INSERT INTO service_relations (service_id, related_id, kind) VALUES (?, ?, ?)')
  for (const s of services) {
    service.run(
      s.id,
      s.title,
      s.description,
      s.short,
      now + s.from * 86400,
      now + s.to * 86400,
      s.purchaseType,
      s.requiredDays,
      s.ott ? 1 : 0,
      s.iptv ? 1 : 0,
      s.priceCents,
    )
    for (const id of s.upgrade) relation.run(s.id, id, 'upgrade')
    for (const id of s.incompatible) relation.run(s.id, id, 'incompatible')
  }
}
