import type { Db } from '../connection'
import { createPrng, mixSeed, type Prng } from './prng'
import { FLAG_BITS } from '../../model/flags'
import {
  BRANDS,
  CATCHUP_HOURS,
  EPISODE_HOOKS,
  GENRES,
  GENRE_LABELS,
  LIVE_SHOWS,
  MOVIE_ADJECTIVES,
  MOVIE_NOUNS,
  MOVIE_PEOPLE,
  MOVIE_PLACES,
  MOVIE_PLOTS,
  SHOWS,
  type Genre,
  type Show,
} from './shows'

export interface SeedChannel {
  id: string
  number: number
  name: string
  genre: Genre
  catchupHours: number
}

// The head of the lineup, as a viewer would expect it; the rest is brands x genres.
const HEAD: readonly [string, Genre][] = [
  ['Kanal 1', 'general'],
  ['Kanal 2', 'general'],
  ['Kanal News', 'news'],
  ['Kanal Sport', 'sport'],
  ['Kanal Cinema', 'movies'],
  ['Kanal Kids', 'kids'],
  ['Kanal Drama', 'drama'],
  ['Kanal Docs', 'documentary'],
  ['Kanal Music', 'music'],
  ['Kanal Comedy', 'comedy'],
  ['Kanal Life', 'lifestyle'],
  ['Nordic News 24', 'news'],
]

/** A deterministic lineup of `count` channels, numbered from 1. */
export const makeLineup = (count: number, seed: number): SeedChannel[] => {
  const prng = createPrng(mixSeed(seed, 0))
  const used = new Set<string>()
  const out: SeedChannel[] = []
  const add = (name: string, genre: Genre): void => {
    used.add(name)
    const number = out.length + 1
    out.push({ id: `ch${number}`, number, name, genre, catchupHours: CATCHUP_HOURS[genre] })
  }
  for (const [name, genre] of HEAD) if (out.length < count) add(name, genre)
  let i = 0
  while (out.length < count) {
    const genre = GENRES[i % GENRES.length] ?? 'general'
    const base = `${prng.pick(BRANDS)} ${prng.pick(GENRE_LABELS[genre])}`
    let name = base
    for (let n = 2; used.has(name); n += 1) name = `${base} ${n}`
    add(name, genre)
    i += 1
  }
  return out
}

const latinSlug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/** A title in another script has no Latin slug: its code points stand in, in hex. */
const slug = (text: string): string =>
  latinSlug(text) ||
  Array.from(text)
    .map((ch) => ch.codePointAt(0)?.toString(16) ?? '')
    .join('')
    .slice(0, 40)

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

const movieTitle = (prng: Prng): string => {
  switch (prng.int(0, 3)) {
    case 0:
      return `The ${prng.pick(MOVIE_ADJECTIVES)} ${prng.pick(MOVIE_NOUNS)}`
    case 1:
      return `${prng.pick(MOVIE_NOUNS)} of ${prng.pick(MOVIE_PLACES)}`
    case 2:
      return `Return to ${prng.pick(MOVIE_PLACES)}`
    default:
      return `${prng.pick(MOVIE_ADJECTIVES)} ${prng.pick(MOVIE_NOUNS)}s`
  }
}

interface Row {
  channelId: string
  start: number
  end: number
  title: string
  description: string
  categories: string
  seriesId: string | null
  episode: string | null
  flags: number
}

/**
 * New, Premiere and Live for the demo: live shows always; a season's first episode and one
 * movie in five are premieres; one other episode in four is new. Drawn from the programme's
 * own seed, so that the schedule's draws (and so the demo guide) stay as they were.
 */
const flagsFor = (row: Row, kind: Show['kind'], showTitle: string, seed: number, channel: number): number => {
  const draw = createPrng(mixSeed(mixSeed(seed, channel), row.start)).next()
  let bits = LIVE_SHOWS.has(showTitle) ? FLAG_BITS.Live : 0
  if (kind === 'movie' && draw < 0.2) bits |= FLAG_BITS.Premiere
  if (kind === 'series') {
    if (row.episode?.endsWith(' E1') === true) bits |= FLAG_BITS.Premiere
    else if (draw < 0.25) bits |= FLAG_BITS.New
  }
  return bits
}

/** One channel's schedule over [from, to): shows of its genre back to back, 5-minute aligned. */
export function* channelSchedule(
  channel: SeedChannel,
  from: number,
  to: number,
  seed: number,
): Generator<Row> {
  const prng = createPrng(mixSeed(seed, channel.number))
  const shows = SHOWS[channel.genre]
  const categories = new Map<Show, string>(shows.map((show) => [show, JSON.stringify(show.categories)]))
  const episodes = new Map<Show, number>()
  let previous: Show | undefined
  let t = from
  while (t < to) {
    let show = prng.pick(shows)
    if (show === previous && shows.length > 1) show = prng.pick(shows)
    previous = show
    const minutes = prng.pick(show.minutes)
    const end = t + minutes * 60
    const row: Row = {
      channelId: channel.id,
      start: t,
      end,
      title: show.title,
      description: show.synopsis,
      categories: categories.get(show) ?? '[]',
      seriesId: null,
      episode: null,
      flags: 0,
    }
    if (show.kind === 'movie') {
      row.title = movieTitle(prng)
      const kind = (show.categories[1] ?? 'drama').toLowerCase()
      row.description = `${capital(prng.pick(MOVIE_PEOPLE))} ${prng.pick(MOVIE_PLOTS)} in this ${kind} set in ${prng.pick(MOVIE_PLACES)}.`
    } else if (show.kind === 'series') {
      const n = episodes.get(show) ?? prng.int(0, 30)
      episodes.set(show, n + 1)
      row.seriesId = `${channel.id}-${slug(show.title)}`
      row.episode = `S${Math.floor(n / 12) + 1} E${(n % 12) + 1}`
      row.description = `${show.synopsis} ${prng.pick(EPISODE_HOOKS)}`
    }
    row.flags = flagsFor(row, show.kind, show.title, seed, channel.number)
    yield row
    t = end
  }
}

export const insertChannels = (db: Db, channels: readonly SeedChannel[]): void => {
  const stmt = db.prepare(
    'INSERT INTO channels (id, number, name, genre, catchup_hours) VALUES (?, ?, ?, ?, ?)',
  )
  for (const c of channels) stmt.run(c.id, c.number, c.name, c.genre, c.catchupHours)
}

/** Fills [from, to) for every channel; the caller holds the transaction. Returns the row count. */
export const insertProgrammes = (
  db: Db,
  channels: readonly SeedChannel[],
  from: number,
  to: number,
  seed: number,
): number => {
  const stmt = db.prepare(
    `INSERT INTO programmes (channel_id, start, end, title, description, categories, series_id, episode, flags)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  let count = 0
  for (const channel of channels) {
    for (const r of channelSchedule(channel, from, to, seed)) {
      stmt.run(
        r.channelId,
        r.start,
        r.end,
        r.title,
        r.description,
        r.categories,
        r.seriesId,
        r.episode,
        r.flags,
      )
      count += 1
    }
  }
  return count
}
