import { T0, keys, startClient, type Client, type Json } from './harness'
import { importXmltvBytes } from '../../simulator/src/xmltv/import'

interface Result {
  ID: string
  ChannelID: string
  Title: string
  Start: number
  End: number
  Episode?: string
  Flags?: string[]
  ChannelNumber: number
  ChannelName: string
}
interface Search {
  Query: string
  Results: Result[]
  More: boolean
}

const at = (t: number): string =>
  `${new Date(t * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14)} +0000`
const H = 3600

/** A small guide in several scripts, with the flags XMLTV can carry. */
const XMLTV = `<?xml version="1.0" encoding="UTF-8"?>
<tv>
  <channel id="one.tv"><display-name>One</display-name></channel>
  <channel id="two.tv"><display-name>Two</display-name></channel>
  <programme start="${at(T0 + H)}" stop="${at(T0 + 2 * H)}" channel="one.tv"><title>Crème Brûlée Club</title><new/></programme>
  <programme start="${at(T0 + 2 * H)}" stop="${at(T0 + 3 * H)}" channel="one.tv"><title>Новости</title><premiere>Season premiere</premiere></programme>
  <programme start="${at(T0 + 3 * H)}" stop="${at(T0 + 4 * H)}" channel="one.tv"><title>חדשות הערב</title><live/></programme>
  <programme start="${at(T0 + 4 * H)}" stop="${at(T0 + 5 * H)}" channel="one.tv"><title>天気予報</title><category>Live</category></programme>
  <programme start="${at(T0 + 5 * H)}" stop="${at(T0 + 6 * H)}" channel="one.tv"><title>Quiz AND NEAR "show"</title><sub-title>The * Final</sub-title></programme>
  <programme start="${at(T0 + H)}" stop="${at(T0 + 2 * H)}" channel="two.tv"><title>Crème de la crème</title></programme>
  <programme start="${at(T0 + 9 * 24 * H)}" stop="${at(T0 + 9 * 24 * H + H)}" channel="two.tv"><title>Far Crème</title><sub-title>Harbour Lights</sub-title></programme>
</tv>`

describe('SearchGuide', () => {
  let client: Client
  let anna: string
  const search = (body: Json, token = anna) => client.call('SearchGuide', body, token)
  const found = async (body: Json, token = anna): Promise<Search> => {
    const out = await search(body, token)
    expect(out).toMatchObject({ StatusCode: 0 })
    return out.Content as Search
  }

  beforeAll(async () => {
    client = await startClient()
    await client.qa('POST', '/clock', { set: T0 })
    await client.qa('POST', '/reset', { scenario: 'demo' })
    anna = await client.login('anna')
  })
  afterAll(async () => client.sim.close())

  describe('on the demo guide', () => {
    it('finds a title by a word prefix, case- and accent-insensitive, soonest first, as GetGuide gives it', async () => {
      const cafe = await found({ Query: 'cafe' })
      expect(cafe.Query).toBe('cafe')
      expect(cafe.Results.length).toBeGreaterThan(0)
      expect(cafe.Results.every((r) => r.Title === 'Café Society')).toBe(true)
      for (const q of ['caf', 'CAFÉ', 'Café  society', 'soc caf'])
        expect((await found({ Query: q })).Results.map((r) => r.ID)).toEqual(cafe.Results.map((r) => r.ID))

      const first = cafe.Results[0]
      if (!first) throw new Error('no result')
      expect(first.End).toBeGreaterThan(T0)
      const starts = cafe.Results.map((r) => [r.Start, r.ChannelNumber])
      expect(starts).toEqual(
        [...starts].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0)),
      )

      // The same programme as GetGuide has it, plus the channel's number and name.
      const guide = await client.content<{ Channels: { Programmes: Json[] }[] }>(
        'GetGuide',
        { ChannelIDs: [first.ChannelID], Start: first.Start, End: first.End },
        anna,
      )
      const same = guide.Channels[0]?.Programmes.find((p) => p.ID === first.ID)
      const channels = await client.content<Json[]>('GetChannels', {}, anna)
      const channel = channels.find((c) => c.ID === first.ChannelID)
      expect(first).toEqual({ ...same, ChannelNumber: channel?.Number, ChannelName: channel?.Name })
    })

    it('finds Arabic titles by an Arabic word', async () => {
      for (const q of ['الصحراء', 'أسرار', 'أسرار الصحراء', 'ليالي']) {
        const out = await found({ Query: q })
        expect(out.Results.length).toBeGreaterThan(0)
        expect(out.Results.every((r) => r.Title.includes(q.split(' ')[0] ?? ''))).toBe(true)
      }
    })

    it('answers soonest first across the fortnight with More, and keeps to From..To and Count', async () => {
      const page = await found({ Query: 'news', Count: 5 })
      expect(page.Results).toHaveLength(5)
      expect(page.More).toBe(true)
      const all = await found({ Query: 'news', Count: 200 })
      expect(all.Results.slice(0, 5).map((r) => r.ID)).toEqual(page.Results.map((r) => r.ID))

      const from = T0 + 3 * 24 * H
      const to = from + 6 * H
      const window = await found({ Query: 'news', From: from, To: to, Count: 200 })
      expect(window.Results.length).toBeGreaterThan(0)
      expect(window.Results.every((r) => r.End > from && r.Start < to)).toBe(true)
      // The programme on at From is included though it started before.
      expect(window.Results.some((r) => r.Start < from)).toBe(true)

      // Near the guide's end, and for a title seen a few times a day: the walk goes on to the end.
      const late = await found({ Query: 'news', From: T0 + 6 * 24 * H + 4 * H, Count: 3 })
      expect(late.Results.length).toBeGreaterThan(0)
      // One episode of a series: a few airings over the week, the last days ahead.
      const rare = await found({ Query: 'hidden talents s3 e12', Count: 200 })
      expect(rare.Results.length).toBeGreaterThan(1)
      expect(rare.Results.every((r) => r.Title === 'Hidden Talents' && r.Episode === 'S3 E12')).toBe(true)
      expect((rare.Results.at(-1)?.Start ?? 0) - T0).toBeGreaterThan(3 * 24 * H)
      expect(rare.More).toBe(false)
    })

    it('may be called with an anonymous token, not without one', async () => {
      const anon = (await client.content<{ token: string }>('LoginAnonymous', { deviceId: 'kiosk' })).token
      expect((await found({ Query: 'news' }, anon)).Results.length).toBeGreaterThan(0)
      expect((await client.call('SearchGuide', { Query: 'news' })).StatusCode).toBe(30)
    })

    it('refuses a missing, over-long, letterless or one-letter query, a bad window or Count (41)', async () => {
      const cases: [Json, RegExp][] = [
        [{}, /Query is required/],
        [{ Query: 5 }, /Query is required/],
        [{ Query: 'x'.repeat(101) }, /at most 100 characters/],
        [{ Query: '' }, /at least 2 letters or digits/],
        [{ Query: 'a' }, /at least 2 letters or digits/],
        [{ Query: '   ' }, /at least 2 letters or digits/],
        [{ Query: '!!!' }, /at least 2 letters or digits/],
        [{ Query: '"*" - : ()' }, /at least 2 letters or digits/],
        [{ Query: ' a !' }, /at least 2 letters or digits/],
        [{ Query: 'news', From: T0, To: T0 }, /From must be before To/],
        [{ Query: 'news', From: T0 + 10, To: T0 }, /From must be before To/],
        [{ Query: 'news', From: 'now' }, /From must be a whole number/],
        [{ Query: 'news', Count: 0 }, /Count must be a whole number in 1..200/],
        [{ Query: 'news', Count: 201 }, /Count must be a whole number in 1..200/],
        [{ Query: 'news', Count: 2.5 }, /Count must be a whole number/],
      ]
      expect.hasAssertions()
      for (const [body, message] of cases) {
        const out = await search(body)
        expect(out.StatusCode).toBe(41)
        expect(String(out.StatusMessage)).toMatch(message)
      }
      expect((await found({ Query: 'x'.repeat(100) })).Results).toEqual([])
    })

    it('treats FTS syntax in a query as plain text, never as an error', async () => {
      expect.hasAssertions()
      for (const Query of [
        '"news',
        'news"',
        'news*',
        '*news',
        'news AND',
        'NEAR(news hour)',
        'news -hour',
        'title:news',
        '{title}: news',
        'news OR',
        'NOT news',
        "news'; DROP TABLE programmes; --",
        '^news',
        '(news',
      ]) {
        const out = await search({ Query })
        expect(out.StatusCode).toBe(0)
      }
      // The words still count: "news*" is "news".
      const plain = await found({ Query: 'news' })
      expect((await found({ Query: 'news*' })).Results.map((r) => r.ID)).toEqual(
        plain.Results.map((r) => r.ID),
      )
      expect((await found({ Query: 'title:news' })).Results).toEqual([])
    })
  })

  describe('on an imported XMLTV guide', () => {
    beforeAll(async () => {
      await client.qa('POST', '/reset', { scenario: 'empty' })
      await importXmltvBytes(client.sim.sim, Buffer.from(XMLTV), 'scripts.xml')
      anna = await client.login('anna')
    })

    it('finds titles in any script, accents folded, by title or episode title', async () => {
      const titles = async (Query: string): Promise<string[]> =>
        (await found({ Query })).Results.map((r) => r.Title)
      expect(await titles('creme')).toEqual(['Crème Brûlée Club', 'Crème de la crème', 'Far Crème'])
      expect(await titles('BRULEE')).toEqual(['Crème Brûlée Club'])
      expect(await titles('новости')).toEqual(['Новости'])
      expect(await titles('нов')).toEqual(['Новости'])
      expect(await titles('חדשות')).toEqual(['חדשות הערב'])
      expect(await titles('天気予報')).toEqual(['天気予報'])
      expect(await titles('harbour')).toEqual(['Far Crème'])
      expect(await titles('quiz and near show')).toEqual(['Quiz AND NEAR "show"'])
      expect(await titles('"show"')).toEqual(['Quiz AND NEAR "show"'])
      expect(await titles('final *')).toEqual(['Quiz AND NEAR "show"'])
    })

    it('keeps the flags of the file: <new/>, <premiere>, <live/> and a category named Live', async () => {
      const flags = async (Query: string): Promise<string[] | undefined> =>
        (await found({ Query })).Results[0]?.Flags
      expect(await flags('brulee')).toEqual(['New'])
      expect(await flags('новости')).toEqual(['Premiere'])
      expect(await flags('חדשות')).toEqual(['Live'])
      expect(await flags('天気予報')).toEqual(['Live'])
      expect(await flags('quiz')).toBeUndefined()
      const result = (await found({ Query: 'quiz' })).Results[0]
      expect(keys(result)).not.toContain('Flags')
    })

    it('keeps the index in step when a file is imported again, or a channel goes', async () => {
      const again = XMLTV.replace('Crème Brûlée Club', 'Tarte Tatin Club')
      await importXmltvBytes(client.sim.sim, Buffer.from(again), 'scripts.xml')
      expect((await found({ Query: 'brulee' })).Results).toEqual([])
      expect((await found({ Query: 'tatin' })).Results.map((r) => r.Title)).toEqual(['Tarte Tatin Club'])
      expect((await found({ Query: 'creme' })).Results).toHaveLength(2)
      const db = client.sim.sim.db
      const indexed = () => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM programmes_fts').get()?.n
      const programmes = () => db.prepare<[], { n: number }>('SELECT count(*) AS n FROM programmes').get()?.n
      expect(indexed()).toBe(programmes())
      db.prepare("DELETE FROM channels WHERE xmltv_id = 'two.tv'").run()
      expect((await found({ Query: 'creme' })).Results).toEqual([])
      expect(indexed()).toBe(programmes())
    })
  })
})
