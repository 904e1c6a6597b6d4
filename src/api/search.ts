import * as v from 'valibot'
import type { SearchAnswer, SearchResult } from '../domain/search'
import type { ApiLogger } from './logger'
import type { EnvelopeCall } from './envelope'
import type { CallOptions } from './transport'
import { programmeSchema } from './guide'
import { anyList, num, parseDocument, parseItems, text } from './validate'

export interface SearchRequest {
  query: string
  /** Unix seconds; the operator's now when left out. */
  from?: number
  /** Unix seconds; the guide's end when left out. */
  to?: number
  /** 1..200; the operator's default (50) when left out. */
  count?: number
}

const channelPart = v.looseObject({ ChannelNumber: num, ChannelName: text })
const answerSchema = v.looseObject({
  Query: v.string(),
  Results: anyList,
  More: v.nullish(v.boolean(), false),
})

/** A result is a guide programme plus its channel's number and name. */
const resultSchema = v.pipe(
  v.unknown(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const programme = v.safeParse(programmeSchema(), dataset.value)
    const channel = v.safeParse(channelPart, dataset.value)
    if (!programme.success || !channel.success) {
      for (const issue of [...(programme.issues ?? []), ...(channel.issues ?? [])])
        addIssue({ message: issue.message, ...(issue.path ? { path: issue.path } : {}) })
      return NEVER
    }
    return {
      ...programme.output,
      channelNumber: channel.output.ChannelNumber,
      channelName: channel.output.ChannelName,
    } satisfies SearchResult
  }),
)

/** A relative picture would otherwise be read against the app's page, not the API. */
const withImage = (r: SearchResult, resolveUrl: (url: string) => string): SearchResult =>
  r.image === undefined ? r : { ...r, image: resolveUrl(r.image) }

/** SearchGuide (Kanal's own envelope method): programmes whose title or episode title matches. */
export const searchMethods = (
  call: EnvelopeCall,
  logger: ApiLogger,
  resolveUrl: (url: string) => string,
) => ({
  searchGuide: (request: SearchRequest, options: CallOptions = {}): Promise<SearchAnswer> =>
    call(
      'SearchGuide',
      {
        Query: request.query,
        ...(request.from !== undefined ? { From: request.from } : {}),
        ...(request.to !== undefined ? { To: request.to } : {}),
        ...(request.count !== undefined ? { Count: request.count } : {}),
      },
      (c) => {
        const answer = parseDocument(answerSchema, c, 'SearchGuide Content')
        return {
          query: answer.Query,
          results: parseItems(resultSchema, answer.Results, 'SearchGuide results', logger).map((r) =>
            withImage(r, resolveUrl),
          ),
          more: answer.More,
        }
      },
      { ...options, idempotent: true },
    ),
})
