import { T0, startClient, type Client, type Json } from './harness'

interface Entry {
  ID: string
  Kind: string
  ChannelID: string
  ProgrammeID?: string
  RecordingID?: string
  Title: string
  WatchedAt: number
}
interface Programme {
  ID: string
  Title: string
  Start: number
  End: number
}

describe('watch history: GetPlayback adds, GetUserWatchHistory lists, RemoveUserWatchHistory clears', () => {
  let client: Client
  let anna: string

  const play = async (Kind: string, ID: string, token = anna): Promise<Json> => {
    const out = await client.call('GetPlayback', { Kind, ID }, token)
    return out
  }
  const history = async (body: Json = {}, token = anna): Promise<Entry[]> =>
    (await client.content<{ Entries: Entry[] }>('GetUserWatchHistory', body, token)).Entries
  const programmes = async (channel: string, from: number, to: number): Promise<Programme[]> =>
    (
      await client.content<{ Channels: { Programmes: Programme[] }[] }>(
        'GetGuide',
        { ChannelIDs: [channel], Start: from, End: to },
        anna,
      )
    ).Channels[0]?.Programmes ?? []

  beforeAll(async () => {
    client = await startClient()
  })
  afterAll(async () => client.sim.close())
  beforeEach(async () => {
    await client.qa('POST', '/clock', { set: T0 })
    await client.qa('POST', '/reset', { scenario: 'demo' })
    anna = await client.login('anna')
  })

  it('adds live, start-over, catch-up and recording playbacks, newest first, with their titles', async () => {
    expect(await history()).toEqual([])
    const onNow = (await programmes('ch1', T0, T0 + 60)).find((p) => p.Start <= T0 && p.End > T0)
    const past = (await programmes('ch2', T0 - 6 * 3600, T0 - 3 * 3600)).find((p) => p.End <= T0)
    const onNow2 = (await programmes('ch2', T0, T0 + 60)).find((p) => p.Start <= T0 && p.End > T0)
    const recordings = await client.content<{ Recordings: Json[] }>('GetRecordings', {}, anna)
    const finished = recordings.Recordings.find((r) => r.State === 'Finished')
    if (!onNow || !past || !onNow2 || !finished) throw new Error('demo data missing')

    expect(await play('live', 'ch1')).toMatchObject({ StatusCode: 0 })
    await client.advance(10)
    expect(await play('catchup', past.ID)).toMatchObject({ StatusCode: 0 })
    await client.advance(10)
    expect(await play('startover', onNow2.ID)).toMatchObject({ StatusCode: 0 })
    await client.advance(10)
    expect(await play('recording', String(finished.ID))).toMatchObject({ StatusCode: 0 })

    const list = await history()
    expect(list.map((e) => [e.Kind, e.WatchedAt])).toEqual([
      ['recording', T0 + 30],
      ['startover', T0 + 20],
      ['catchup', T0 + 10],
      ['live', T0],
    ])
    expect(list[3]).toEqual({
      ID: expect.stringMatching(/^\d+$/),
      Kind: 'live',
      ChannelID: 'ch1',
      ProgrammeID: onNow.ID,
      Title: onNow.Title,
      WatchedAt: T0,
    })
    expect(list[2]).toMatchObject({ ChannelID: 'ch2', ProgrammeID: past.ID, Title: past.Title })
    expect(list[0]).toMatchObject({ RecordingID: String(finished.ID), Title: finished.Title })
    expect(new Set(list.map((e) => e.ID)).size).toBe(4)
  })

  it('moves an item watched again to the top instead of doubling it, and keeps at most 100', async () => {
    await play('live', 'ch1')
    await client.advance(5)
    await play('live', 'ch2')
    await client.advance(5)
    await play('live', 'ch1')
    expect((await history()).map((e) => [e.ChannelID, e.WatchedAt])).toEqual([
      ['ch1', T0 + 10],
      ['ch2', T0 + 5],
    ])

    const db = client.sim.sim.db
    const user = db.prepare<[], { id: string }>("SELECT id FROM users WHERE username = 'anna'").get()
    if (!user) throw new Error('no anna')
    db.transaction(() => {
      for (let i = 0; i < 120; i += 1)
        db.prepare(
          `INSERT INTO watch_history (user_id, item_key, kind, channel_id, title, watched_at)
           VALUES (?, ?, 'live', 'ch9', 'Old', ?)`,
        ).run(user.id, `live:old${i}`, T0 - 10_000 + i)
    })()
    await client.advance(5)
    await play('live', 'ch3')
    const all = await history({ Count: 100 })
    expect(all).toHaveLength(100)
    expect(all[0]).toMatchObject({ ChannelID: 'ch3', WatchedAt: T0 + 15 })
    expect(all.at(-1)?.WatchedAt).toBeGreaterThan(T0 - 10_000 + 20)
    expect(await history()).toHaveLength(50)
    expect(await history({ Count: 2 })).toHaveLength(2)
  })

  it('adds nothing for a refused playback', async () => {
    expect(await play('live', 'ch150')).toMatchObject({ StatusCode: 42 })
    expect(await play('live', 'nope')).toMatchObject({ StatusCode: 40 })
    expect(await history()).toEqual([])
  })

  it('moves the Tags stamp on a new or moved entry and on a removal', async () => {
    const s0 = await client.stamps(anna)
    await client.advance(1)
    await play('live', 'ch1')
    const s1 = await client.stamps(anna)
    expect(s1.Tags).toBeGreaterThan(s0.Tags)
    expect(s1.Recordings).toBe(s0.Recordings)
    await play('live', 'ch1')
    const s2 = await client.stamps(anna)
    expect(s2.Tags).toBeGreaterThan(s1.Tags)
    const [entry] = await history()
    await client.content('RemoveUserWatchHistory', { ID: entry?.ID }, anna)
    expect((await client.stamps(anna)).Tags).toBeGreaterThan(s2.Tags)
  })

  it('removes one entry by ID, or all (resume points too), and refuses an unknown ID', async () => {
    await play('live', 'ch1')
    await play('live', 'ch2')
    const [top, second] = await history()
    if (!top || !second) throw new Error('no history')
    expect(await client.content('RemoveUserWatchHistory', { ID: top.ID }, anna)).toEqual({ Removed: 1 })
    expect((await history()).map((e) => e.ID)).toEqual([second.ID])

    const unknown = await client.call('RemoveUserWatchHistory', { ID: top.ID }, anna)
    expect(unknown).toMatchObject({ StatusCode: 40 })
    expect(String(unknown.StatusMessage)).toMatch(/No watch-history entry/)
    for (const ID of ['abc', '99999999'])
      expect((await client.call('RemoveUserWatchHistory', { ID }, anna)).StatusCode).toBe(40)
    for (const ID of [true, '', 'x'.repeat(65), { a: 1 }])
      expect((await client.call('RemoveUserWatchHistory', { ID }, anna)).StatusCode).toBe(41)
    // Another user's entry is not this user's.
    const carl = await client.login('carl')
    expect((await client.call('RemoveUserWatchHistory', { ID: second.ID }, carl)).StatusCode).toBe(40)
    expect((await history()).map((e) => e.ID)).toEqual([second.ID])

    await client.content('SetResume', { ContentID: 'programme:1', Position: 60 }, anna)
    const resumes = await client.content<Json[]>('GetResumes', {}, anna)
    expect(resumes.length).toBeGreaterThanOrEqual(1)
    expect(await client.content('RemoveUserWatchHistory', {}, anna)).toEqual({ Removed: 1 + resumes.length })
    expect(await history()).toEqual([])
    expect(await client.content('GetResumes', {}, anna)).toEqual([])
    const s = await client.stamps(anna)
    expect(await client.content('RemoveUserWatchHistory', {}, anna)).toEqual({ Removed: 0 })
    expect(await client.stamps(anna)).toEqual(s)
  })

  it('lets QA clear the history as another device, all of it or one entry, moving the Tags stamp', async () => {
    await play('live', 'ch1')
    await play('live', 'ch2')
    const [top] = await history()
    const another = (extra: Json = {}) =>
      client.qa<{ result: Json; moved: string[] }>('POST', '/another-device', {
        userId: 'anna',
        action: 'removeWatchHistory',
        ...extra,
      })
    const one = await another({ entryId: top?.ID })
    expect(one.result).toEqual({ removed: 1 })
    expect(one.moved).toContain('Tags')
    expect(await history()).toHaveLength(1)
    const all = await another()
    expect(all.moved).toContain('Tags')
    expect(await history()).toEqual([])
    const unknown = await client.request({
      method: 'POST',
      url: '/qa/another-device',
      payload: { userId: 'anna', action: 'removeWatchHistory', entryId: '999999' },
    })
    expect(unknown.statusCode).toBe(404)
  })

  it('refuses a bad Count and an anonymous caller', async () => {
    for (const Count of [0, 101, 1.5, '10', null]) {
      const out = await client.call('GetUserWatchHistory', { Count }, anna)
      if (Count === null) expect(out.StatusCode).toBe(0)
      else
        expect(out).toMatchObject({ StatusCode: 41, StatusMessage: 'Count must be a whole number in 1..100' })
    }
    const anon = (await client.content<{ token: string }>('LoginAnonymous', { deviceId: 'kiosk' })).token
    expect((await client.call('GetUserWatchHistory', {}, anon)).StatusCode).toBe(30)
    expect((await client.call('RemoveUserWatchHistory', {}, anon)).StatusCode).toBe(30)
  })
})
