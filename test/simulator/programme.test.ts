import { T0, startClient, type Client, type Json } from './harness'

/** GetProgramme (a programme by id, for deep links, with its next airing) and the title cards. */
describe('GetProgramme and the programme pictures', () => {
  let client: Client
  let anna: string

  beforeAll(async () => {
    client = await startClient()
    anna = await client.login('anna')
  })
  afterAll(async () => client.sim.close())

  const guideOf = async (channel: string, start: number, end: number): Promise<Json[]> => {
    const g = await client.content<{ Channels: { Programmes: Json[] }[] }>(
      'GetGuide',
      { ChannelIDs: [channel], Start: start, End: end },
      anna,
    )
    return g.Channels[0]?.Programmes ?? []
  }

  it('answers the programme as GetGuide has it, with the next airing of the same title', async () => {
    const onNow = (await guideOf('ch2', T0, T0 + 60))[0]
    expect(onNow).toBeDefined()
    const p = await client.content<Json>('GetProgramme', { ID: onNow?.ID }, anna)
    const { NextAiring, ...programme } = p
    expect(programme).toEqual(onNow)
    const next = NextAiring as Json | undefined
    if (next !== undefined) {
      expect(next.Title).toBe(onNow?.Title)
      expect(next.Start as number).toBeGreaterThan(onNow?.Start as number)
      expect(next.ID).not.toBe(onNow?.ID)
    }
    // A series on the demo channel repeats within the week: some airing is found.
    const week = await guideOf('ch2', T0, T0 + 24 * 3600)
    const counts = new Map<unknown, number>()
    for (const x of week) counts.set(x.Title, (counts.get(x.Title) ?? 0) + 1)
    const repeated = week.find((x) => (counts.get(x.Title) ?? 0) > 1)
    const withNext = await client.content<Json>('GetProgramme', { ID: repeated?.ID }, anna)
    expect((withNext.NextAiring as Json | undefined)?.Title).toBe(repeated?.Title)
  })

  it("names a past programme's next airing after now, never a repeat that is over too", async () => {
    // A title aired twice on ch2 in the day before now: the first airing's next is not the second.
    const day = (await guideOf('ch2', T0 - 24 * 3600, T0)).filter((x) => (x.End as number) <= T0)
    const first = day.find((x, i) => day.slice(i + 1).some((y) => y.Title === x.Title))
    if (!first) throw new Error('no title aired twice on ch2 in the day before now')
    const p = await client.content<Json>('GetProgramme', { ID: first.ID }, anna)
    const next = p.NextAiring as Json | undefined
    expect(next === undefined || (next.Start as number) > T0).toBe(true)
    if (next) expect(next.Title).toBe(first.Title)
  })

  it('works with an anonymous token; an unknown id is NotFound (40), a missing one 41', async () => {
    const anonymous = await client.content<{ token: string }>('LoginAnonymous', { deviceId: 'kiosk-p' })
    const onNow = (await guideOf('ch1', T0, T0 + 60))[0]
    expect((await client.call('GetProgramme', { ID: onNow?.ID }, anonymous.token)).StatusCode).toBe(0)
    expect(await client.call('GetProgramme', { ID: '4711999' }, anna)).toMatchObject({ StatusCode: 40 })
    expect(await client.call('GetProgramme', { ID: 'not-a-number' }, anna)).toMatchObject({ StatusCode: 40 })
    expect(await client.call('GetProgramme', {}, anna)).toMatchObject({ StatusCode: 41 })
  })

  it('gives each programme a title card: a PNG, public, 404 for an unknown programme', async () => {
    const onNow = (await guideOf('ch1', T0, T0 + 60))[0]
    expect(typeof onNow?.Image).toBe('string')
    const card = await client.get(new URL(String(onNow?.Image), client.url('/')).pathname)
    expect(card.statusCode).toBe(200)
    expect(card.headers['content-type']).toBe('image/png')
    expect(card.rawPayload.subarray(1, 4).toString()).toBe('PNG')
    expect((await client.get('/api/images/programmes/4711999.png')).statusCode).toBe(404)
  })
})
