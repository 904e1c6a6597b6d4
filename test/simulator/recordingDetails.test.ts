import { startClient, type Client, type Json } from './harness'

/**
 * GetRecordings says which episode a recording is (the programme's Episode) and why a failed one
 * failed (FailureReason), so that a series folder is not eight rows of the same title and a
 * failure is not a dead end.
 */
describe('GetRecordings: episodes and failure reasons', () => {
  let client: Client
  let anna: string

  beforeAll(async () => {
    client = await startClient()
    anna = await client.login('anna')
  })
  afterAll(async () => client.sim.close())

  const recordings = async (): Promise<Json[]> =>
    (await client.content<{ Recordings: Json[] }>('GetRecordings', {}, anna)).Recordings

  it('gives the series’ episodes their season and episode', async () => {
    const episodes = (await recordings()).filter((r) => r.SeriesID !== undefined)
    expect(episodes.length).toBeGreaterThan(2)
    expect.hasAssertions()
    for (const r of episodes) expect(r.Episode).toMatch(/^S\d+ E\d+$/)
    expect(new Set(episodes.map((r) => r.Episode)).size).toBe(episodes.length)
  })

  it('says why a failed recording failed, and only for a failed one', async () => {
    const all = await recordings()
    const failed = all.filter((r) => r.State === 'Failed')
    expect(failed.length).toBeGreaterThan(0)
    expect.hasAssertions()
    for (const r of failed)
      expect(['NoSpace', 'ChannelUnavailable', 'OperatorError']).toContain(r.FailureReason)
    for (const r of all.filter((x) => x.State !== 'Failed')) expect(r.FailureReason).toBeUndefined()
  })
})
