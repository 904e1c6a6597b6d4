import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { importXmltvFile } from '../../simulator/src/xmltv/import'
import { minimumAge, programmeRating } from '../../simulator/src/xmltv/rating'
import { T0, startClient, type Client, type Json, type Stamps } from './harness'

interface Programme {
  ID: string
  ChannelID: string
  Title: string
  Start: number
  End: number
  Rating?: number
}

describe('XMLTV ratings as a minimum age', () => {
  it.each([
    ['16', 16],
    ['FSK 16', 16],
    ['FSK16', 16],
    ['-16', 16],
    ['+18', 18],
    ['18+', 18],
    ['12 años', 12],
    ['TV-MA', 18],
    ['TV-14', 16],
    ['TV-PG', 6],
    ['TV-G', 0],
    ['PG-13', 16],
    ['R', 18],
    ['NC-17', 18],
    ['12A', 12],
    ['15', 16],
    ['U', 0],
    ['Tout public', 0],
    ['-10', 12],
    ['7', 12],
    ['PEGI 3', 6],
  ])('%s is %i', (value, age) => {
    expect(minimumAge(value)).toBe(age)
  })

  it.each(['Not rated', 'NR', 'X-Files', '99', '', 'tv-zz'])('"%s" is no rating', (value) => {
    expect(minimumAge(value)).toBeUndefined()
  })

  it('takes the strictest of several systems, and none when none is known', () => {
    expect(programmeRating(['Tout public', 'TV-G'])).toBe(0)
    expect(programmeRating(['TV-14', 'FSK 18'])).toBe(18)
    expect(programmeRating(['NR'])).toBeUndefined()
    expect(programmeRating([])).toBeUndefined()
  })
})

describe('Parental control on the operator', () => {
  let client: Client
  let anna: string
  let dora: string
  let dir: string

  const guideNow = async (channel: string, token: string): Promise<Programme[]> => {
    const g = await client.content<{ Channels: { Programmes: Programme[] }[] }>(
      'GetGuide',
      { ChannelIDs: [channel], Start: T0, End: T0 + 6 * 3600 },
      token,
    )
    return g.Channels[0]?.Programmes ?? []
  }
  const adultNow = async (): Promise<Programme> => {
    const p = (await guideNow('ch10', anna)).find((x) => x.Start <= T0 && x.End > T0)
    if (!p) throw new Error('nothing on air on ch10')
    return p
  }
  const pinsMoved = async (token: string, event: () => Promise<unknown>): Promise<boolean> => {
    const before = await client.content<Stamps>('GetUserTimestamps', {}, token)
    await event()
    const after = await client.content<Stamps>('GetUserTimestamps', {}, token)
    return after.Pins > before.Pins
  }

  beforeAll(async () => {
    client = await startClient()
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-parental-'))
  })
  afterAll(async () => {
    await client.sim.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
  beforeEach(async () => {
    await client.qa('POST', '/reset', { scenario: 'demo' })
    await client.qa('POST', '/clock', { set: T0 })
    anna = await client.login('anna')
    dora = await client.login('dora')
  })

  describe('Rating', () => {
    it('GetGuide and GetProgramme carry it: the programme on air on ch10 and the next are 18', async () => {
      const now = await adultNow()
      expect(now.Rating).toBe(18)
      const programmes = await guideNow('ch10', anna)
      const next = programmes[programmes.indexOf(programmes.find((p) => p.ID === now.ID) as Programme) + 1]
      expect(next?.Rating).toBe(18)
      const details = await client.content<Programme>('GetProgramme', { ID: now.ID }, anna)
      expect(details.Rating).toBe(18)
    })

    it('the demo guide has 12+, 16+ and 18+ programmes, and unrated ones', async () => {
      const g = await client.content<{ Channels: { Programmes: Programme[] }[] }>(
        'GetGuide',
        { ChannelIDs: ['ch1', 'ch5', 'ch6', 'ch7', 'ch8'], Start: T0 - 12 * 3600, End: T0 + 12 * 3600 },
        anna,
      )
      const ratings = new Set(g.Channels.flatMap((c) => c.Programmes.map((p) => p.Rating ?? 'none')))
      for (const r of [0, 12, 16, 18, 'none']) expect(ratings).toContain(r)
      for (const r of ratings) expect(['none', 0, 6, 12, 16, 18]).toContain(r)
    })

    it('is kept from an XMLTV import, the strictest system; unknown values give none', async () => {
      const file = path.join(dir, 'rated.xml')
      fs.writeFileSync(
        file,
        `<?xml version="1.0" encoding="UTF-8"?>
<tv><channel id="r.test"><display-name>Rated</display-name></channel>
<programme start="20250615150000 +0000" stop="20250615160000 +0000" channel="r.test"><title>Late film</title>
  <rating system="VCHIP"><value>TV-14</value></rating><rating system="FSK"><value>FSK 18</value></rating></programme>
<programme start="20250615160000 +0000" stop="20250615170000 +0000" channel="r.test"><title>Unknown</title>
  <rating system="X"><value>Not rated</value></rating></programme>
<programme start="20250615170000 +0000" stop="20250615180000 +0000" channel="r.test"><title>Kids</title>
  <rating system="CSA"><value>Tout public</value></rating></programme>
</tv>`,
      )
      const report = await importXmltvFile(client.sim.sim, file, { declareUndeclared: false })
      expect(report.programmes).toBe(3)
      const channels = await client.content<{ ID: string; Name: string }[]>('GetChannels', {}, anna)
      const rated = channels.find((c) => c.Name === 'Rated')
      if (!rated) throw new Error('the imported channel is missing')
      const programmes = await guideNow(rated.ID, anna)
      expect(programmes.map((p) => [p.Title, p.Rating])).toEqual([
        ['Late film', 18],
        ['Unknown', undefined],
        ['Kids', 0],
      ])
    })
  })

  describe('GetParentalControl, SetParentalControl', () => {
    it('anna locks above 16; dora has it off', async () => {
      expect(await client.content('GetParentalControl', {}, anna)).toEqual({
        Enabled: true,
        MaxRating: 16,
        PinEnabled: true,
      })
      expect(await client.content('GetParentalControl', {}, dora)).toEqual({
        Enabled: false,
        MaxRating: 16,
        PinEnabled: true,
      })
    })

    it('needs a signed-in user', async () => {
      const anonymous = await client.content<{ token: string }>('LoginAnonymous', { deviceId: 'x' })
      expect((await client.call('GetParentalControl', {}, anonymous.token)).StatusCode).toBe(30)
    })

    it('needs the PIN, refuses a bad MaxRating, and moves the Pins stamp when it changes', async () => {
      const bad = await client.call('SetParentalControl', { Pin: '1234', Enabled: true, MaxRating: 15 }, anna)
      expect(bad.StatusCode).toBe(41)
      const notBool = await client.call(
        'SetParentalControl',
        { Pin: '1234', Enabled: 'yes', MaxRating: 12 },
        anna,
      )
      expect(notBool.StatusCode).toBe(41)
      const wrong = await client.call(
        'SetParentalControl',
        { Pin: '0000', Enabled: false, MaxRating: 12 },
        anna,
      )
      expect(wrong).toMatchObject({ StatusCode: 45, Content: { FailedAttempts: 1, AttemptsLeft: 2 } })
      const none = await client.call('SetParentalControl', { Enabled: false, MaxRating: 12 }, anna)
      expect(none.StatusCode).toBe(45)
      expect(
        await pinsMoved(anna, () =>
          client.content('SetParentalControl', { Pin: '1234', Enabled: true, MaxRating: 12 }, anna),
        ),
      ).toBe(true)
      expect(await client.content('GetParentalControl', {}, anna)).toEqual({
        Enabled: true,
        MaxRating: 12,
        PinEnabled: true,
      })
      // The same settings again change nothing, so nothing moves.
      expect(
        await pinsMoved(anna, () =>
          client.content('SetParentalControl', { Pin: '1234', Enabled: true, MaxRating: 12 }, anna),
        ),
      ).toBe(false)
    })
  })

  describe('DisablePin, EnablePin (document 000)', () => {
    it('are the PIN state of SetPinEnabled; disabling moves the Pins stamp, enabling does not', async () => {
      expect(await pinsMoved(anna, () => client.content('DisablePin', { Pin: '1234' }, anna))).toBe(true)
      expect(await client.content('GetPinState', {}, anna)).toMatchObject({ Enabled: false })
      expect(await client.content('GetParentalControl', {}, anna)).toMatchObject({ PinEnabled: false })
      expect(await pinsMoved(anna, () => client.content('EnablePin', { Pin: '1234' }, anna))).toBe(false)
      expect(await client.content('GetPinState', {}, anna)).toMatchObject({ Enabled: true })
    })

    it('need the right PIN', async () => {
      expect(await client.call('DisablePin', { Pin: '9999' }, anna)).toMatchObject({ StatusCode: 45 })
      expect(await client.call('EnablePin', {}, anna)).toMatchObject({ StatusCode: 45 })
      expect(await client.content('GetPinState', {}, anna)).toMatchObject({ Enabled: true })
    })

    it('from another device (QA) the same quirk holds, and parental settings move the stamp', async () => {
      const another = (action: string, extra: Json = {}): Promise<Json> =>
        client.qa('POST', '/another-device', { userId: 'anna', action, ...extra })
      expect((await another('disablePin')).moved).toEqual(['Pins', 'Rights', 'Services', 'Tags'])
      expect((await another('enablePin')).moved).toEqual([])
      const set = await another('setParentalControl', { enabled: true, maxRating: 12 })
      expect(set).toMatchObject({ result: { Enabled: true, MaxRating: 12 } })
      expect(set.moved).toContain('Pins')
      await expect(another('setParentalControl', { enabled: true, maxRating: 13 })).rejects.toThrow(/400/)
    })
  })

  describe('UnlockProgramme', () => {
    it('the right PIN unlocks until the programme ends', async () => {
      const p = await adultNow()
      expect(await client.content('UnlockProgramme', { ProgrammeID: p.ID, Pin: '1234' }, anna)).toEqual({
        ProgrammeID: p.ID,
        UnlockedUntil: p.End,
      })
    })

    it('wrong PINs lock out as the purchase PIN does, and the lockout is the same PIN state', async () => {
      const p = await adultNow()
      const first = await client.call('UnlockProgramme', { ProgrammeID: p.ID, Pin: '0000' }, anna)
      expect(first).toMatchObject({ StatusCode: 45, Content: { FailedAttempts: 1, AttemptsLeft: 2 } })
      await client.call('UnlockProgramme', { ProgrammeID: p.ID, Pin: '0000' }, anna)
      const third = await client.call('UnlockProgramme', { ProgrammeID: p.ID, Pin: '0000' }, anna)
      expect(third).toMatchObject({ StatusCode: 46, Content: { LockedUntil: T0 + 60 } })
      // Locked: even the right PIN is refused, here and for a purchase.
      const right = await client.call('UnlockProgramme', { ProgrammeID: p.ID, Pin: '1234' }, anna)
      expect(right).toMatchObject({ StatusCode: 46 })
      const buy = await client.call('Purchase', { ProductID: '7', Pin: '1234' }, anna)
      expect(buy).toMatchObject({ StatusCode: 46 })
      await client.advance(61)
      expect(await client.content('UnlockProgramme', { ProgrammeID: p.ID, Pin: '1234' }, anna)).toMatchObject(
        {
          UnlockedUntil: p.End,
        },
      )
    })

    it('a programme that is not locked needs no PIN; one already over lasts its length from now', async () => {
      const p = await adultNow()
      const unlockedForDora = await client.content('UnlockProgramme', { ProgrammeID: p.ID }, dora)
      expect(unlockedForDora).toMatchObject({ UnlockedUntil: p.End })
      await client.advance(3 * 24 * 3600)
      const later = await client.content('UnlockProgramme', { ProgrammeID: p.ID }, dora)
      expect(later).toMatchObject({ UnlockedUntil: T0 + 3 * 24 * 3600 + (p.End - p.Start) })
    })

    it('an unknown or missing programme', async () => {
      expect(
        await client.call('UnlockProgramme', { ProgrammeID: '999999999', Pin: '1234' }, anna),
      ).toMatchObject({
        StatusCode: 40,
      })
      expect(await client.call('UnlockProgramme', { Pin: '1234' }, anna)).toMatchObject({ StatusCode: 41 })
    })
  })
})
