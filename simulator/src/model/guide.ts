import type { Sim } from './context'
import { SimError } from './context'
import { getMeta } from '../db/connection'
import { flagsOf, type FlagName } from './flags'
import { genreName } from './genres'

export interface ChannelWire {
  ID: string
  Number: number
  Name: string
  Logo: string
  CatchupHours: number
  /** News, Sport, Kids, Movies, Documentary, Music, Entertainment...; left out when unknown. */
  Genre?: string
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
  /** The programme's picture (a title card drawn by the simulator). */
  Image?: string
  /** Minimum age (0, 6, 12, 16, 18); left out when the guide does not say. */
  Rating?: number
  /** New, Premiere, Live; left out when none applies. */
  Flags?: FlagName[]
}

/** A programme with the next airing of the same title (GetProgramme). */
export interface ProgrammeDetailsWire extends ProgrammeWire {
  NextAiring?: ProgrammeWire
}

export const MAX_GUIDE_CHANNELS = 100
export const MAX_GUIDE_SECONDS = 24 * 3600
/** Used when the meta table does not say how long the longest programme is. */
const DEFAULT_MAX_PROGRAMME_SECONDS = 24 * 3600

export const logoPath = (channelId: string): string => `/api/logos/${encodeURIComponent(channelId)}.png`
export const imagePath = (programmeId: string): string =>
  `/api/images/programmes/${encodeURIComponent(programmeId)}.png`

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
    .prepare<[], { id: string; number: number; name: string; genre: string | null; catchup_hours: number }>(
      'SELECT id, number, name, genre, catchup_hours FROM channels ORDER BY number',
    )
    .all()
    .map((c) => {
      const genre = genreName(c.genre)
      return {
        ID: c.id,
        Number: c.number,
        Name: c.name,
        Logo: baseUrl + logoPath(c.id),
        CatchupHours: c.catchup_hours,
        ...(genre !== undefined ? { Genre: genre } : {}),
        Products: products.get(c.id) ?? [],
      }
    })
}

export interface ProgrammeRow {
  id: number
  channel_id: string
  start: number
  end: number
  title: string
  description: string | null
  categories: string | null
  series_id: string | null
  episode: string | null
  rating: number | null
  flags: number
}

/** The one serializer of a programme: GetGuide, GetProgramme and SearchGuide all use it. */
export const toWire = (p: ProgrammeRow, baseUrl: string): ProgrammeWire => {
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
  if (p.rating !== null) w.Rating = p.rating
  w.Image = baseUrl + imagePath(String(p.id))
  const flags = flagsOf(p.flags)
  if (flags.length > 0) w.Flags = flags
  return w
}

export const PROGRAMME_COLUMNS =
  'id, channel_id, start, end, title, description, categories, series_id, episode, rating, flags'
/** How far ahead the next airing is looked for: the guide's own reach. */
const NEXT_AIRING_SECONDS = 14 * 24 * 3600

/** A programme's title, by id (the title cards), or undefined. */
export const programmeTitle = (sim: Sim, id: string): string | undefined =>
  /^\d{1,15}$/.test(id)
    ? sim.db.prepare<[number], { title: string }>('SELECT title FROM programmes WHERE id = ?').get(Number(id))
        ?.title
    : undefined

/**
 * One programme by id (a deep link, a recording's programme) with the next airing of the same
 * title on any channel; NotFound for an id the guide does not have.
 */
export const programmeById = (sim: Sim, id: string, baseUrl: string): ProgrammeDetailsWire => {
  const row = /^\d{1,15}$/.test(id)
    ? sim.db
        .prepare<[number], ProgrammeRow>(`SELECT ${PROGRAMME_COLUMNS} FROM programmes WHERE id = ?`)
        .get(Number(id))
    : undefined
  if (!row) throw new SimError('notFound', `No programme ${id}`, { ID: id })
  // The next time a viewer can watch it: after this airing and after now (a past programme's
  // details must not name a repeat that is over too). A series has an index; a title alone is a
  // scan of the guide's fortnight.
  const after = Math.max(row.start, sim.clock.now())
  const next =
    row.series_id !== null
      ? sim.db
          .prepare<[string, string, number, number], ProgrammeRow>(
            `SELECT ${PROGRAMME_COLUMNS} FROM programmes WHERE series_id = ? AND title = ? AND start > ? AND id != ?
             ORDER BY start LIMIT 1`,
          )
          .get(row.series_id, row.title, after, row.id)
      : sim.db
          .prepare<[string, number, number, number], ProgrammeRow>(
            `SELECT ${PROGRAMME_COLUMNS} FROM programmes WHERE title = ? AND start > ? AND start < ? AND id != ?
             ORDER BY start LIMIT 1`,
          )
          .get(row.title, after, after + NEXT_AIRING_SECONDS, row.id)
  const out: ProgrammeDetailsWire = toWire(row, baseUrl)
  if (next) out.NextAiring = toWire(next, baseUrl)
  return out
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
  baseUrl = '',
): { Start: number; End: number; Channels: { ChannelID: string; Programmes: ProgrammeWire[] }[] } => {
  const known = sim.db.prepare<[string], { id: string }>('SELECT id FROM channels WHERE id = ?')
  const unknown = channelIds.filter((id) => known.get(id) === undefined)
  if (unknown.length > 0)
    throw new SimError('invalid', `Unknown channels: ${unknown.join(', ')}`, { ChannelIDs: unknown })
  const longest = Number(getMeta(sim.db, 'max_programme_seconds') ?? DEFAULT_MAX_PROGRAMME_SECONDS)
  const stmt = sim.db.prepare<[string, number, number, number], ProgrammeRow>(
    `SELECT ${PROGRAMME_COLUMNS} FROM programmes
     WHERE channel_id = ? AND start > ? AND start < ? AND end > ? ORDER BY start`,
  )
  return {
    Start: start,
    End: end,
    Channels: channelIds.map((id) => ({
      ChannelID: id,
      Programmes: stmt.all(id, start - longest - 1, end, start).map((p) => toWire(p, baseUrl)),
    })),
  }
}

/**
 * Remembers the longest programme, so that guide windows can use the index as a range, and the
 * last start, where a search stops.
 */
export const refreshGuideStats = (sim: Pick<Sim, 'db'>): void => {
  const row = sim.db
    .prepare<
      [],
      { m: number | null; last: number | null }
    >('SELECT max(end - start) AS m, max(start) AS last FROM programmes')
    .get()
  const set = sim.db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  )
  set.run('max_programme_seconds', String(row?.m ?? 0))
  if (row?.last !== null && row?.last !== undefined) set.run('last_programme_start', String(row.last))
  else sim.db.prepare("DELETE FROM meta WHERE key = 'last_programme_start'").run()
}

/** The start of the guide's last programme; undefined when the guide is empty. */
export const lastProgrammeStart = (sim: Pick<Sim, 'db'>): number | undefined => {
  let value = getMeta(sim.db, 'last_programme_start')
  // A database from before it was remembered learns it once.
  if (value === undefined && getMeta(sim.db, 'max_programme_seconds') !== undefined) {
    refreshGuideStats(sim)
    value = getMeta(sim.db, 'last_programme_start')
  }
  return value === undefined ? undefined : Number(value)
}
