import { T0, clockPasses, startClient, type Client, type Json, type Stamps } from './harness'

type Moved = 'recordings' | 'user' | 'both' | 'none'

/** Which stamps moved: Pins, Rights, Services and Tags move together with the user-wide stamp (document 000). */
const whatMoved = (before: Stamps, after: Stamps): Moved => {
  const user = ['Pins', 'Rights', 'Services', 'Tags'] as const
  const movedUser = user.map((k) => after[k] > before[k])
  for (const k of [...user, 'Recordings'] as const) expect(after[k]).toBeGreaterThanOrEqual(before[k])
  // The four user-wide stamps move all or none.
  expect(new Set(movedUser).size).toBe(1)
  const rec = after.Recordings > before.Recordings
  return rec && movedUser[0] ? 'both' : rec ? 'recordings' : movedUser[0] ? 'user' : 'none'
}

describe('GetUserTimestamps: each stamp moves on the events of document 000, and only then', () => {
  let client: Client
  let dora: string

  const programmeAt = async (channel: string, at: number, token = dora): Promise<Json> => {
    const g = await client.content<{ Channels: { Programmes: Json[] }[] }>(
      'GetGuide',
      { ChannelIDs: [channel], Start: at, End: at + 3 * 3600 },
      token,
    )
    const p = g.Channels[0]?.Programmes.find((x) => (x.Start as number) >= at)
    if (!p) throw new Error('no programme')
    return p
  }

  /** Runs `event` and says which stamps it moved. */
  const moves = async (event: () => Promise<unknown>, token = dora): Promise<Moved> => {
    const before = await client.stamps(token)
    await event()
    return whatMoved(before, await client.stamps(token))
  }

  const another = (action: string, extra: Json = {}, user = 'dora'): Promise<Json> =>
    client.qa('POST', '/another-device', { userId: user, action, ...extra })

  const record = async (hoursAhead: number, channel = 'ch1'): Promise<Json> => {
    const p = await programmeAt(channel, T0 + hoursAhead * 3600)
    const out = await client.content<{ Recordings: Json[] }>('AddRecording', { ProgrammeID: p.ID }, dora)
    return out.Recordings[0] as Json
  }

  beforeAll(async () => {
    client = await startClient()
  })
  afterAll(async () => client.sim.close())
  beforeEach(async () => {
    await client.qa('POST', '/reset', { scenario: 'demo' })
    await client.qa('POST', '/clock', { set: T0 })
    await client.qa('POST', '/config', { maxCacheSeconds: 86400 })
    dora = await client.login('dora')
  })

  describe('Recordings', () => {
    it('moves when a recording is added, and not for a read', async () => {
      const p = await programmeAt('ch1', T0 + 5 * 3600)
      expect(await moves(() => client.content('AddRecording', { ProgrammeID: p.ID }, dora))).toBe(
        'recordings',
      )
      expect(await moves(() => client.content('GetRecordings', {}, dora))).toBe('none')
    })

    it('moves when a recording is cancelled', async () => {
      const rec = await record(5)
      expect(await moves(() => client.content('CancelRecording', { RecordingID: rec.ID }, dora))).toBe(
        'recordings',
      )
    })

    it('moves when a recording is deleted', async () => {
      const rec = await record(1)
      await client.advance(6 * 3600)
      await client.stamps(dora)
      expect(await moves(() => client.content('DeleteRecording', { RecordingID: rec.ID }, dora))).toBe(
        'recordings',
      )
    })

    it('moves when a recording is protected or unprotected, and not when nothing changes', async () => {
      const rec = await record(5)
      const protect = (value: boolean) => () =>
        client.content('ProtectRecording', { RecordingID: rec.ID, Protected: value }, dora)
      expect(await moves(protect(true))).toBe('recordings')
      expect(await moves(protect(true))).toBe('none')
      expect(await moves(protect(false))).toBe('recordings')
    })

    it('moves at a recording’s start and at its end as the clock runs across them, and not in between', async () => {
      const rec = await record(3)
      const start = rec.Start as number
      const end = rec.End as number
      let last = await client.stamps(dora)
      const step = async (to: number): Promise<Moved> => {
        await client.qa('POST', '/clock', { set: to })
        const now = await client.stamps(dora)
        const moved = whatMoved(last, now)
        last = now
        return moved
      }
      expect(await step(start - 60)).toBe('none')
      expect(await step(start)).toBe('recordings')
      expect(await step(start + 60)).toBe('none')
      expect(await step(end - 1)).toBe('none')
      expect(await step(end)).toBe('recordings')
      expect(await step(end + 3600)).toBe('none')
      const list = await client.content<{ Recordings: Json[] }>('GetRecordings', {}, dora)
      expect(list.Recordings.find((r) => r.ID === rec.ID)?.State).toBe('Finished')
    })

    it('moves when the clock is sped up across a start (QA speed)', async () => {
      const rec = await record(1)
      const before = await client.stamps(dora)
      await client.qa('POST', '/clock', { set: (rec.Start as number) - 1, speed: 1000 })
      await clockPasses(client, rec.Start as number)
      await client.qa('POST', '/clock', { speed: 0 })
      expect(whatMoved(before, await client.stamps(dora))).toBe('recordings')
    })

    it('moves when the maximum cache time expires, and not before', async () => {
      await client.qa('POST', '/config', { maxCacheSeconds: 7200 })
      const start = await client.stamps(dora)
      await client.qa('POST', '/clock', { set: start.Recordings + 7199 })
      expect(whatMoved(start, await client.stamps(dora))).toBe('none')
      await client.qa('POST', '/clock', { set: start.Recordings + 7200 })
      const expired = await client.stamps(dora)
      expect(whatMoved(start, expired)).toBe('recordings')
      expect(expired.Recordings).toBe(start.Recordings + 7200)
      await client.advance(7199)
      expect(whatMoved(expired, await client.stamps(dora))).toBe('none')
    })

    it('moves when the maximum cache time is reconfigured', async () => {
      expect(await moves(() => client.qa('POST', '/config', { maxCacheSeconds: 3600 }))).toBe('recordings')
      expect(await moves(() => client.qa('POST', '/config', { maxCacheSeconds: 3600 }))).toBe('none')
    })

    it('moves when an unprotected recording expires after autoExpireDays, not for a protected one', async () => {
      const admin = await client.login('admin')
      await client.post('/api/iptv/subscription/5004', { nPvr: { override: true, autoExpireDays: 1 } }, admin)
      const kept = await record(1)
      const gone = await record(1, 'ch2')
      await client.content('ProtectRecording', { RecordingID: kept.ID, Protected: true }, dora)
      await client.qa('POST', '/clock', { set: Math.max(kept.End as number, gone.End as number) + 60 })
      await client.stamps(dora)
      expect(await moves(() => client.qa('POST', '/clock', { set: (gone.End as number) + 86400 - 1 }))).toBe(
        'none',
      )
      expect(await moves(() => client.qa('POST', '/clock', { set: (gone.End as number) + 86400 + 1 }))).toBe(
        'recordings',
      )
      const ids = (await client.content<{ Recordings: Json[] }>('GetRecordings', {}, dora)).Recordings.map(
        (r) => r.ID,
      )
      expect(ids).toContain(kept.ID)
      expect(ids).not.toContain(gone.ID)
    })

    it('does not move for series rules, which the document says live elsewhere', async () => {
      const g = await client.content<{ Channels: { Programmes: Json[] }[] }>(
        'GetGuide',
        { ChannelIDs: ['ch2'], Start: T0 + 3600, End: T0 + 20 * 3600 },
        dora,
      )
      const episode = g.Channels[0]?.Programmes.find(
        (p) => typeof p.SeriesID === 'string' && (p.Start as number) > T0,
      )
      expect(episode).toBeDefined()
      expect(
        await moves(() => client.content('AddRecording', { ProgrammeID: episode?.ID, Series: true }, dora)),
      ).toBe('none')
      expect(await moves(() => client.content('CancelSeries', { SeriesID: episode?.SeriesID }, dora))).toBe(
        'none',
      )
    })

    it('moves for recordings changed from another device', async () => {
      const p = await programmeAt('ch1', T0 + 5 * 3600)
      const added = await another('addRecording', { programmeId: p.ID })
      const rec = (added.result as Json[])[0] as Json
      expect(await moves(() => another('protectRecording', { recordingId: rec.ID }))).toBe('recordings')
      expect(await moves(() => another('protectRecording', { recordingId: rec.ID, protected: false }))).toBe(
        'recordings',
      )
      expect(await moves(() => another('cancelRecording', { recordingId: rec.ID }))).toBe('recordings')
      const old = await record(1)
      await client.advance(5 * 3600)
      await client.stamps(dora)
      expect(await moves(() => another('deleteRecording', { recordingId: old.ID }))).toBe('recordings')
    })
  })

  describe('the user-wide stamp (Pins, Rights, Services, Tags)', () => {
    it('moves when a purchase is made, and again when its status changes by the clock', async () => {
      expect(await moves(() => client.content('Purchase', { ProductID: '7', Pin: '1234' }, dora))).toBe(
        'user',
      )
      expect(await moves(() => client.advance(4))).toBe('none')
      expect(await moves(() => client.advance(1))).toBe('user')
      expect(await moves(() => client.advance(60))).toBe('none')
    })

    it('moves when a purchase is made or cancelled from another device', async () => {
      const bought = await another('buyProduct', { productId: '7' })
      const id = (bought.result as Json).id
      await client.advance(10)
      await client.stamps(dora)
      expect(await moves(() => another('expireLicence', { licenseId: id }))).toBe('user')
      expect(await moves(() => another('buyProduct', { productId: '5' }))).toBe('user')
    })

    it('moves when a licence reaches its stop date', async () => {
      // dora's recorder licence ends 20 days after T0.
      await client.advance(20 * 86400 - 10)
      await client.stamps(dora)
      expect(await moves(() => client.advance(20))).toBe('user')
    })

    it('moves when a service is activated or deactivated', async () => {
      expect(await moves(() => client.content('Purchase', { SubscriptionID: 21, Pin: '1234' }, dora))).toBe(
        'user',
      )
      expect(await moves(() => another('removeService', { serviceId: 21 }))).toBe('user')
      expect(await moves(() => another('addService', { serviceId: 21 }))).toBe('user')
    })

    it('moves when the packages change (a service agreement)', async () => {
      const admin = await client.login('admin')
      const body = { packages: [{ _id: '1234567890123457890CCCC' }, { _id: '12345678901234567890DDDD' }] }
      expect(await moves(() => client.post('/api/iptv/subscription/5004', body, admin))).toBe('user')
      expect(await moves(() => another('changeSettings', { settings: { scrub: { pause: false } } }))).toBe(
        'user',
      )
    })

    it('moves on Tags changes: a resume point saved, the watch history removed', async () => {
      expect(
        await moves(() => client.content('SetResume', { ContentID: 'programme:7', Position: 60 }, dora)),
      ).toBe('user')
      expect(await moves(() => another('saveResume', { contentId: 'programme:8', position: 10 }))).toBe(
        'user',
      )
      expect(await moves(() => client.content('RemoveUserWatchHistory', {}, dora))).toBe('user')
    })

    it('moves when the PIN is disabled, not when it is enabled', async () => {
      expect(await moves(() => client.content('SetPinEnabled', { Pin: '1234', Enabled: false }, dora))).toBe(
        'user',
      )
      expect(await moves(() => client.content('SetPinEnabled', { Pin: '1234', Enabled: true }, dora))).toBe(
        'none',
      )
      expect(await moves(() => another('disablePin'))).toBe('user')
      expect(await moves(() => another('enablePin'))).toBe('none')
    })
  })

  describe('and not otherwise', () => {
    it('reads, logins, device and identity changes and other users’ events move nothing', async () => {
      expect.hasAssertions()
      const anna = await client.login('anna')
      const p = await programmeAt('ch1', T0 + 5 * 3600, anna)
      const events: [string, () => Promise<unknown>][] = [
        ['GetChannels', () => client.content('GetChannels', {}, dora)],
        ['GetGuide', () => programmeAt('ch3', T0)],
        ['GetRecordings', () => client.content('GetRecordings', {}, dora)],
        ['GetServices', () => client.content('GetServices', {}, dora)],
        ['GetResumes', () => client.content('GetResumes', {}, dora)],
        ['GetPinState', () => client.content('GetPinState', {}, dora)],
        ['licences', () => client.get('/api/user/1004/license', dora)],
        ['settings', () => client.get('/api/iptv/subscription/5004', dora)],
        ['login', () => client.login('dora', 'another-tv')],
        ['identity', () => another('addIdentity', { type: 'email', identity: 'dora@example.com' })],
        ['anna records', () => client.content('AddRecording', { ProgrammeID: p.ID }, anna)],
        ['anna buys', () => client.content('Purchase', { ProductID: '7', Pin: '1234' }, anna)],
        ['a minute passes', () => client.advance(60)],
      ]
      for (const [name, event] of events) expect([name, await moves(event)]).toEqual([name, 'none'])
    })

    it('a failed action moves nothing', async () => {
      expect(await moves(() => client.call('Purchase', { ProductID: '7', Pin: '0000' }, dora))).toBe('none')
      expect(await moves(() => client.call('CancelRecording', { RecordingID: '999999' }, dora))).toBe('none')
      const admin = await client.login('admin')
      expect(
        await moves(() => client.post('/api/iptv/subscription/5004', { nPvr: { storage: 0 } }, admin)),
      ).toBe('none')
    })
  })

  it('a stamp never goes backwards, even when the clock does', async () => {
    const rec = await record(5)
    const before = await client.stamps(dora)
    await client.qa('POST', '/clock', { set: T0 - 30 * 86400 })
    expect(await client.stamps(dora)).toEqual(before)
    await client.content('ProtectRecording', { RecordingID: rec.ID, Protected: true }, dora)
    await client.content('SetResume', { ContentID: 'programme:7', Position: 60 }, dora)
    const after = await client.stamps(dora)
    expect(after.Recordings).toBe(before.Recordings + 1)
    expect(after.Tags).toBe(before.Tags + 1)
  })
})
