/** @jest-environment node */
import { createEnvelopeClient } from '../../../src/api/envelopeClient'
import { createTransport } from '../../../src/api/transport'
import { failureOf, fakeFetch, recordingLogger } from './support/recorder'

/** The tags, watch history, channel genre and programme flags of the wire contracts, by their examples. */
const setup = (content: unknown, status = 0) => {
  const fetch = fakeFetch(() => ({
    body: {
      StatusCode: status,
      Severity: status === 0 ? 1 : 3,
      StatusMessage: status === 0 ? 'OK' : 'refused',
      Content: content,
    },
  }))
  const logger = recordingLogger()
  const client = createEnvelopeClient({
    transport: createTransport({ baseUrl: 'http://op.test/api/', getToken: () => 't', fetch, retries: 0 }),
    logger,
  })
  return { client, fetch, logger }
}

describe('GetUserTags', () => {
  test('reads the contract example', async () => {
    const { client, fetch } = setup({
      Tags: [{ ItemType: 'Channel', ItemID: 'ch3', Tag: 'favourite', AddedAt: 1750003200 }],
    })
    await expect(client.getUserTags()).resolves.toEqual([
      { itemType: 'Channel', itemId: 'ch3', tag: 'favourite', addedAt: 1750003200 },
    ])
    expect(fetch.calls[0]).toMatchObject({ url: 'http://op.test/api/GetUserTags', body: {} })
  })

  test('drops a tag of another item type and reports it, keeping the rest', async () => {
    const { client, logger } = setup({
      Tags: [
        { ItemType: 'Programme', ItemID: '9', Tag: 'favourite', AddedAt: 1 },
        { ItemType: 'Channel', ItemID: 4, Tag: 'favourite' },
      ],
    })
    await expect(client.getUserTags()).resolves.toEqual([
      { itemType: 'Channel', itemId: '4', tag: 'favourite', addedAt: null },
    ])
    expect(logger.lines[0]?.message).toMatch(/GetUserTags: dropped 1 of 2/)
  })

  test('a Content without Tags is a protocol error', async () => {
    const { client } = setup({ Items: [] })
    const e = await failureOf(client.getUserTags())
    expect(e).toMatchObject({
      kind: 'protocol',
      reason: expect.stringMatching(/GetUserTags Content is malformed: Tags/),
    })
  })
})

describe('TagItem', () => {
  test('sends Remove only when removing and reads the answer', async () => {
    const { client, fetch } = setup({
      ItemType: 'Channel',
      ItemID: 'ch3',
      Tag: 'favourite',
      Tagged: false,
      AddedAt: null,
    })
    await expect(client.tagItem({ itemId: 'ch3', tag: 'favourite', remove: true })).resolves.toEqual({
      itemId: 'ch3',
      tag: 'favourite',
      tagged: false,
      addedAt: null,
    })
    expect(fetch.calls[0]?.body).toEqual({
      ItemType: 'Channel',
      ItemID: 'ch3',
      Tag: 'favourite',
      Remove: true,
    })
    await client.tagItem({ itemId: 'ch3', tag: 'favourite', remove: false })
    expect(fetch.calls[1]?.body).toEqual({ ItemType: 'Channel', ItemID: 'ch3', Tag: 'favourite' })
  })

  test('an unknown channel (40) is a not-found error with the operator message', async () => {
    const { client } = setup(null, 40)
    const e = await failureOf(client.tagItem({ itemId: 'nope', tag: 'favourite', remove: false }))
    expect(e).toMatchObject({ kind: 'notFound', code: 40 })
  })
})

describe('watch history', () => {
  test('GetUserWatchHistory reads the contract example, newest first as sent', async () => {
    const { client, fetch } = setup({
      Entries: [
        {
          ID: '17',
          Kind: 'live',
          ChannelID: 'ch3',
          ProgrammeID: '153',
          Title: 'Evening News',
          WatchedAt: 1750003300,
        },
        {
          ID: '16',
          Kind: 'recording',
          ChannelID: 'ch1',
          RecordingID: '4',
          Title: 'Film',
          WatchedAt: 1750003000,
        },
        { ID: '15', Kind: 'hologram', ChannelID: 'ch2', Title: 'Odd', WatchedAt: 1750002000 },
      ],
    })
    await expect(client.getUserWatchHistory(20)).resolves.toEqual([
      {
        id: '17',
        kind: 'live',
        channelId: 'ch3',
        programmeId: '153',
        title: 'Evening News',
        watchedAt: 1750003300,
      },
      {
        id: '16',
        kind: 'recording',
        channelId: 'ch1',
        recordingId: '4',
        title: 'Film',
        watchedAt: 1750003000,
      },
      { id: '15', kind: 'unknown', channelId: 'ch2', title: 'Odd', watchedAt: 1750002000 },
    ])
    expect(fetch.calls[0]?.body).toEqual({ Count: 20 })
  })

  test('an entry without WatchedAt is dropped, not the list', async () => {
    const { client } = setup({
      Entries: [
        { ID: '1', Kind: 'live', Title: 'x' },
        { ID: '2', Kind: 'live', Title: 'y', WatchedAt: 5 },
      ],
    })
    await expect(client.getUserWatchHistory()).resolves.toHaveLength(1)
  })

  test('RemoveUserWatchHistory: one by ID or all without, answering how many', async () => {
    const { client, fetch } = setup({ Removed: 3 })
    await expect(client.removeUserWatchHistory()).resolves.toBe(3)
    await client.removeUserWatchHistory('17')
    expect(fetch.calls.map((c) => c.body)).toEqual([{}, { ID: '17' }])
  })
})

describe('genres and flags', () => {
  test('GetChannels keeps a Genre, leaves out an empty or malformed one', async () => {
    const { client } = setup([
      { ID: 'ch1', Number: 1, Name: 'Kanal 1', Logo: '/l/1.png', Genre: 'News' },
      { ID: 'ch2', Number: 2, Name: 'Kanal 2', Logo: '/l/2.png', Genre: 7 },
      { ID: 'ch3', Number: 3, Name: 'Kanal 3', Logo: '/l/3.png' },
    ])
    const channels = await client.getChannels()
    expect(channels.map((c) => c.genre)).toEqual(['News', undefined, undefined])
    expect(channels[1]).not.toHaveProperty('genre')
  })

  test('GetGuide programmes carry their Flags in Kanal spelling, unknown ones ignored', async () => {
    const { client } = setup({
      Start: 0,
      End: 7200,
      Channels: [
        {
          ChannelID: 'ch1',
          Programmes: [
            {
              ID: '1',
              Title: 'Final',
              Start: 0,
              End: 3600,
              Categories: ['Sport'],
              Flags: ['Live', 'New', 'Encore'],
            },
            { ID: '2', Title: 'Rerun', Start: 3600, End: 7200, Flags: 'New' },
          ],
        },
      ],
    })
    const window = await client.getGuide({ channelIds: ['ch1'], start: 0, end: 7200 })
    const [first, second] = window.channels[0]?.programmes ?? []
    expect(first?.flags).toEqual(['new', 'live'])
    expect(second).toBeDefined()
    expect(second).not.toHaveProperty('flags')
  })
})
