import * as v from 'valibot'
import type { Channel } from '../domain/channels'
import {
  PROGRAMME_FLAGS,
  type GuideWindow,
  type Programme,
  type ProgrammeDetails,
  type ProgrammeFlag,
} from '../domain/guide'
import { ratingOf } from '../domain/parental'
import type { ApiLogger } from './logger'
import type { EnvelopeCall } from './envelope'
import type { CallOptions } from './transport'
import { anyList, id, num, parseDocument, parseItems, text } from './validate'

export const channelSchema = v.pipe(
  v.looseObject({
    ID: id,
    Number: num,
    Name: text,
    Logo: text,
    CatchupHours: v.nullish(num, 0),
    // Extra: a genre that is not a text is left out, the channel kept.
    Genre: v.fallback(v.nullish(v.string()), undefined),
  }),
  v.transform(
    (c): Channel => ({
      id: c.ID,
      number: c.Number,
      name: c.Name,
      logo: c.Logo,
      catchupHours: c.CatchupHours,
      ...(c.Genre != null && c.Genre.trim() !== '' ? { genre: c.Genre.trim() } : {}),
    }),
  ),
)

const withRating = (rating: number | undefined): { rating?: number } =>
  rating === undefined ? {} : { rating }
/** "New", "Premiere", "Live" in any case; others (and duplicates) left out. */
const flagsOf = (raw: readonly unknown[] | null | undefined): { flags?: ProgrammeFlag[] } => {
  const flags = PROGRAMME_FLAGS.filter((f) =>
    (raw ?? []).some((x) => typeof x === 'string' && x.toLowerCase() === f),
  )
  return flags.length > 0 ? { flags } : {}
}

/** A programme; `channelId` fills in a ChannelID the item leaves out (it is implied by its guide row). */
export const programmeSchema = (channelId?: string) =>
  v.pipe(
    v.looseObject({
      ID: id,
      ChannelID: v.nullish(id),
      Title: text,
      Start: num,
      End: num,
      Description: v.nullish(v.string()),
      Categories: v.nullish(v.array(v.unknown()), []),
      SeriesID: v.nullish(id),
      Episode: v.nullish(v.union([v.string(), v.pipe(v.number(), v.transform(String))])),
      // Optional: a malformed picture is dropped, the programme kept.
      Image: v.fallback(v.nullish(v.string()), undefined),
      // Optional too: a rating off the scale is no rating (the lock then does not apply).
      Rating: v.fallback(v.nullish(v.unknown()), undefined),
      // Marks only: a list that is not one is dropped, unknown flags are ignored.
      Flags: v.fallback(v.nullish(v.array(v.unknown())), undefined),
    }),
    v.check((p) => p.End > p.Start, 'End must be after Start'),
    v.check((p) => (p.ChannelID ?? channelId) !== undefined, 'ChannelID is missing'),
    v.transform(
      (p): Programme => ({
        id: p.ID,
        channelId: p.ChannelID ?? channelId ?? '',
        title: p.Title,
        start: p.Start,
        end: p.End,
        ...(p.Description != null ? { description: p.Description } : {}),
        categories: p.Categories.filter((c): c is string => typeof c === 'string'),
        ...(p.SeriesID != null ? { seriesId: p.SeriesID } : {}),
        ...(p.Episode != null ? { episode: p.Episode } : {}),
        ...(p.Image != null && p.Image !== '' ? { image: p.Image } : {}),
        ...withRating(ratingOf(p.Rating)),
        ...flagsOf(p.Flags),
      }),
    ),
  )

const rowSchema = v.looseObject({ ChannelID: id, Programmes: v.nullish(anyList, []) })
const windowSchema = v.looseObject({ Start: num, End: num, Channels: anyList })

export interface GuideRequest {
  channelIds: readonly string[]
  start: number
  end: number
}

/** A relative picture would otherwise be read against the app's page, not the API. */
const withImage = (p: Programme, resolveUrl: (url: string) => string): Programme =>
  p.image === undefined ? p : { ...p, image: resolveUrl(p.image) }

const detailsSchema = v.looseObject({ NextAiring: v.fallback(v.nullish(v.unknown()), undefined) })

const readDetails = (content: unknown, resolveUrl: (url: string) => string): ProgrammeDetails => {
  const programme = withImage(parseDocument(programmeSchema(), content, 'GetProgramme Content'), resolveUrl)
  const { NextAiring } = parseDocument(detailsSchema, content, 'GetProgramme Content')
  // The next airing is extra: one that does not read is left out, the programme still shows.
  const next = NextAiring == null ? undefined : v.safeParse(programmeSchema(), NextAiring)
  return next?.success ? { programme, nextAiring: withImage(next.output, resolveUrl) } : { programme }
}

const readWindow = (
  content: unknown,
  logger: ApiLogger,
  resolveUrl: (url: string) => string,
): GuideWindow => {
  const window = parseDocument(windowSchema, content, 'GetGuide Content')
  const rows = parseItems(rowSchema, window.Channels, 'GetGuide channels', logger)
  return {
    start: window.Start,
    end: window.End,
    channels: rows.map((row) => ({
      channelId: row.ChannelID,
      programmes: parseItems(
        programmeSchema(row.ChannelID),
        row.Programmes,
        `GetGuide ${row.ChannelID}`,
        logger,
      ).map((p) => withImage(p, resolveUrl)),
    })),
  }
}

/** GetChannels, GetGuide and GetProgramme (Kanal's own envelope methods; guide windows <= 100 channels x 24 h). */
export const guideMethods = (call: EnvelopeCall, logger: ApiLogger, resolveUrl: (url: string) => string) => ({
  getChannels: (options: CallOptions = {}): Promise<Channel[]> =>
    call(
      'GetChannels',
      {},
      (c) =>
        parseItems(
          channelSchema,
          parseDocument(anyList, c, 'GetChannels Content'),
          'GetChannels',
          logger,
        ).map(
          // A relative logo would otherwise be read against the app's page, not the API.
          (channel) => ({ ...channel, logo: resolveUrl(channel.logo) }),
        ),
      { ...options, idempotent: true },
    ),

  getGuide: (request: GuideRequest, options: CallOptions = {}): Promise<GuideWindow> =>
    call(
      'GetGuide',
      { ChannelIDs: [...request.channelIds], Start: request.start, End: request.end },
      (c) => readWindow(c, logger, resolveUrl),
      { ...options, idempotent: true },
    ),

  /** One programme by id (Kanal's own): 40 NotFound for an id the operator does not have. */
  getProgramme: (id: string, options: CallOptions = {}): Promise<ProgrammeDetails> =>
    call('GetProgramme', { ID: id }, (c) => readDetails(c, resolveUrl), { ...options, idempotent: true }),
})
