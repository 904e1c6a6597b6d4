/** @jest-environment node */
import { createEnvelopeClient } from '../../../src/api/envelopeClient'
import { createTransport } from '../../../src/api/transport'
import { failureOf, fakeFetch, recordingLogger } from './support/recorder'

const setup = (answer: Parameters<typeof fakeFetch>[0]) => {
  const fetch = fakeFetch(answer)
  const deps = {
    transport: createTransport({ baseUrl: 'http://op.test/api/', getToken: () => 't', fetch, retries: 0 }),
    logger: recordingLogger(),
  }
  return { fetch, client: createEnvelopeClient(deps) }
}
const ok = (content: unknown) => ({
  body: { StatusCode: 0, Severity: 1, StatusMessage: 'OK', Content: content },
})
const programme = (over: Record<string, unknown>) => ({
  ID: 'a',
  ChannelID: 'ch1',
  Title: 'A',
  Start: 0,
  End: 3600,
  ...over,
})

describe('ratings and parental control from the operator', () => {
  test('a Rating on the scale is kept; one off it (or of another type) is no rating, the programme kept', async () => {
    const { client } = setup(() =>
      ok({
        Start: 0,
        End: 7200,
        Channels: [
          {
            ChannelID: 'ch1',
            Programmes: [
              programme({ ID: 'a', Rating: 18 }),
              programme({ ID: 'b', Rating: 15 }),
              programme({ ID: 'c', Rating: '18' }),
              programme({ ID: 'd' }),
            ],
          },
        ],
      }),
    )
    const window = await client.getGuide({ channelIds: ['ch1'], start: 0, end: 7200 })
    expect(window.channels[0]?.programmes.map((p) => [p.id, p.rating])).toEqual([
      ['a', 18],
      ['b', undefined],
      ['c', undefined],
      ['d', undefined],
    ])
  })

  test('GetParentalControl reads the settings; a malformed answer is a protocol error', async () => {
    const good = setup(() => ok({ Enabled: true, MaxRating: 12, PinEnabled: false }))
    expect(await good.client.getParentalControl()).toEqual({
      enabled: true,
      maxRating: 12,
      pinEnabled: false,
    })
    const bad = setup(() => ok({ Enabled: 'yes', MaxRating: 12 }))
    expect(await failureOf(bad.client.getParentalControl())).toMatchObject({ kind: 'protocol' })
  })

  test('UnlockProgramme sends the PIN in the body only and answers when the unlock ends', async () => {
    const { client, fetch } = setup(() => ok({ ProgrammeID: 'p1', UnlockedUntil: 1750001400 }))
    expect(await client.unlockProgramme('p1', '1234')).toBe(1750001400)
    const call = fetch.calls[0]
    expect(call?.url).not.toContain('1234')
    expect(call?.body).toEqual({ ProgrammeID: 'p1', Pin: '1234' })
  })

  test('a wrong PIN is a refusal with the tries left, never retried', async () => {
    const { client, fetch } = setup(() => ({
      body: {
        StatusCode: 45,
        Severity: 3,
        StatusMessage: 'Wrong PIN',
        Content: { FailedAttempts: 1, AttemptsLeft: 2 },
      },
    }))
    expect(await failureOf(client.unlockProgramme('p1', '0000'))).toMatchObject({
      kind: 'denied',
      code: 45,
      attemptsLeft: 2,
    })
    expect(fetch.calls).toHaveLength(1)
  })
})
