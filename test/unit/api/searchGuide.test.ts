/** @jest-environment node */
import { createEnvelopeClient } from '../../../src/api/envelopeClient'
import { createTransport } from '../../../src/api/transport'
import { failureOf, fakeFetch, recordingLogger } from './support/recorder'

const setup = (answer: Parameters<typeof fakeFetch>[0]) => {
  const fetch = fakeFetch(answer)
  const logger = recordingLogger()
  const transport = createTransport({
    baseUrl: 'http://op.test/api/',
    getToken: () => 't',
    fetch,
    retries: 0,
  })
  return { fetch, logger, client: createEnvelopeClient({ transport, logger }) }
}
const ok = (content: unknown) => ({
  body: { StatusCode: 0, Severity: 1, StatusMessage: 'OK', Content: content },
})

/** The wire contract's example: a GetGuide programme plus ChannelNumber and ChannelName. */
const contractExample = {
  Query: 'cafe',
  Results: [
    {
      ID: '153',
      ChannelID: 'ch3',
      Title: 'Café Society',
      Start: 1750003200,
      End: 1750006800,
      Description: 'Talk over coffee',
      Categories: ['Entertainment'],
      SeriesID: 's9',
      Episode: 'Le petit café',
      Image: '/images/153.jpg',
      Flags: ['New'],
      ChannelNumber: 3,
      ChannelName: 'Kanal 3',
    },
    {
      ID: '154',
      ChannelID: 'ch7',
      Title: 'مقهى الصباح',
      Start: 1750090000,
      End: 1750093600,
      ChannelNumber: 7,
      ChannelName: 'Kanal 7',
    },
  ],
  More: true,
}

describe('SearchGuide', () => {
  test('reads the contract example: programmes with their channel, in the order sent', async () => {
    const { client, fetch } = setup(() => ok(contractExample))
    const answer = await client.searchGuide({ query: 'cafe', count: 20 })
    expect(fetch.calls[0]?.url).toBe('http://op.test/api/SearchGuide')
    expect(fetch.calls[0]?.body).toEqual({ Query: 'cafe', Count: 20 })
    expect(answer.query).toBe('cafe')
    expect(answer.more).toBe(true)
    expect(answer.results).toEqual([
      {
        id: '153',
        channelId: 'ch3',
        title: 'Café Society',
        start: 1750003200,
        end: 1750006800,
        description: 'Talk over coffee',
        categories: ['Entertainment'],
        seriesId: 's9',
        episode: 'Le petit café',
        image: 'http://op.test/images/153.jpg',
        flags: ['new'],
        channelNumber: 3,
        channelName: 'Kanal 3',
      },
      {
        id: '154',
        channelId: 'ch7',
        title: 'مقهى الصباح',
        start: 1750090000,
        end: 1750093600,
        categories: [],
        channelNumber: 7,
        channelName: 'Kanal 7',
      },
    ])
  })

  test('sends From and To only when given', async () => {
    const { client, fetch } = setup(() => ok({ Query: 'news', Results: [] }))
    const answer = await client.searchGuide({ query: 'news', from: 10, to: 20 })
    expect(fetch.calls[0]?.body).toEqual({ Query: 'news', From: 10, To: 20 })
    expect(answer).toEqual({ query: 'news', results: [], more: false })
  })

  test('a result without its channel is dropped and reported, the others kept', async () => {
    const { client, logger } = setup(() =>
      ok({
        ...contractExample,
        Results: [{ ...contractExample.Results[1], ChannelNumber: undefined }, contractExample.Results[0]],
      }),
    )
    const answer = await client.searchGuide({ query: 'cafe' })
    expect(answer.results.map((r) => r.id)).toEqual(['153'])
    expect(JSON.stringify(logger.lines)).toMatch(/ChannelNumber/)
  })

  test('a malformed answer is a protocol error naming what is wrong', async () => {
    const { client } = setup(() => ok({ Query: 'x', Results: 'none' }))
    const e = await failureOf(client.searchGuide({ query: 'xx' }))
    expect(e.kind).toBe('protocol')
    expect(e.reason).toMatch(/SearchGuide Content is malformed: Results/)
  })

  test("the operator's refusal of a query (41) is a validation error", async () => {
    const { client } = setup(() => ({
      body: {
        StatusCode: 41,
        Severity: 2,
        StatusMessage: 'Query needs at least 2 letters or digits',
        Content: null,
      },
    }))
    const e = await failureOf(client.searchGuide({ query: '!!' }))
    expect(e.kind).toBe('validation')
  })
})
