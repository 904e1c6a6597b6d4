import type { Sim } from './context'
import { SimError } from './context'
import { getMeta } from '../db/connection'

export interface ChannelWire {
  ID: string
  Number: number
  Name: string
  Logo: string
  CatchupHours: number
  /** Products (document 003 ids) that carry the channel for any service; empty when none does. */
  Products: string[]
}

export interface ProgrammeWire {
  ID: string
  ChannelID: string
  Title: string
  Start: number
  End: number
  Description?: string
  Categories?: string[]
  SeriesID?: string
  Episode?: string
}

export const MAX_GUIDE_CHANNELS = 100
export const MAX_GUIDE_SECONDS = 24 * 3600
/** Used when the meta table does not say how long the longest programme is. */
const DEFAULT_MAX_PROGRAMME_SECONDS = 24 * 3600

export const logoPath = (channelId: string): string => `/api/logos/${encodeURIComponent(channelId)}.png`

export const listChannels = (sim: Sim, baseUrl: string): ChannelWire[] => {
  const products = new Map<string, string[]>()
  const rows = sim.db
    .prepare<
      [],
      { channel_id: string; product_id: string }
    >('SELECT DISTINCT channel_id, product_id FROM product_channels ORDER BY CAST(product_id AS INTEGER), product_id')
    .all()
  for (const r of rows) {
    const list = products.get(r.channel_id)
    if (list) list.push(r.product_id)
    else products.set(r.channel_id, [r.product_id])
  }
  return sim.db
    .prepare<[], { id: string; number: number; name: string; catchup_hours: number }>(
      'SELECT id, number, name, catchup_hours FROM channels ORDER BY number',
    )
    .all()
    .map((c) => ({
      ID: c.id,
      Number: c.number,
      Name: c.name,
      Logo: baseUrl + logoPath(c.id),
      CatchupHours: c.catchup_hours,
      Products: products.get(c.id) ?? [],
    }))
}

interface ProgrammeRow {
  id: number
  channel_id: string
  start: number
  end: number
  title: string
  description: string | null
  categories: string | null
  series_id: string | null
  episode: string | null
}

const toWire = (p: ProgrammeRow): ProgrammeWire => {
  const w: ProgrammeWire = {
    ID: String(p.id),
    ChannelID: p.channel_id,
    Title: p.title,
    Start: p.start,
    End: p.end,
  }
  if (p.description !== null) w.Description = p.description
  if (p.categories !== null) w.Categories = JSON.parse(p.categories) as string[]
  if (p.series_id !== null) w.SeriesID = p.series_id
  if (p.episode !== null) w.Episode = p.episode
  return w
}

/**
 * Programmes of each channel overlapping [start, end). The (channel_id, start) index is used as
 * a range: a programme overlapping the window started after start - the longest programme.
 */
export const guideWindow = (
  sim: Sim,
  channelIds: readonly string[],
  start: number,
  end: number,
): { Start: number; End: number; Channels: { ChannelID: string; Programmes: ProgrammeWire[] }[] } => {
  const known = sim.db.prepare<[string], { id: string }>('SELECT id FROM channels WHERE id = ?')
  const unknown = channelIds.filter((id) => known.get(id) === undefined)
  if (unknown.length > 0)
    throw new SimError('invalid', `Unknown channels: ${unknown.join(', ')}`, { ChannelIDs: unknown })
  const longest = Number(getMeta(sim.db, 'max_programme_seconds') ?? DEFAULT_MAX_PROGRAMME_SECONDS)
  const stmt = sim.db.prepare<[string, number, number, number], ProgrammeRow>(
    `SELECT id, channel_id, start, end, title, description, categories, series_id, episode FROM programmes
     WHERE channel_id = ? AND start > ? AND start < ? AND end > ? ORDER BY start`,
  )
  return {
    Start: start,
    End: end,
    Channels: channelIds.map((id) => ({
      ChannelID: id,
      Programmes: stmt.all(id, start - longest - 1, end, start).map(toWire),
    })),
  }
}

/** Remembers the longest programme so that guide windows can use the index as a range. */
export const refreshGuideStats = (sim: Pick<Sim, 'db'>): void => {
  const row = sim.db.prepare<[], { m: number | null }>('SELECT max(end - start) AS m FROM programmes').get()
  sim.db
    .prepare(
      "INSERT INTO meta (key, value) VALUES ('max_programme_seconds', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )
    .run(String(row?.m ?? 0))
}
