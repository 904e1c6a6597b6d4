import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { promisify } from 'node:util'
import { importXmltvFile } from '../../simulator/src/xmltv/import'
import { XmltvError } from '../../simulator/src/xmltv/errors'
import type { ImportReport } from '../../simulator/src/xmltv/report'
import { startClient, type Client, type Json } from './harness'

// A copy of ../shared/data/xmltv/ (the published guides as they are), so a fresh clone has them.
const SHARED = path.resolve(__dirname, '..', 'fixtures', 'xmltv')
const ROOT = path.resolve(__dirname, '..', '..')
const sharedFiles = fs.existsSync(SHARED) ? fs.readdirSync(SHARED).filter((f) => f.endsWith('.xml')) : []

/** The README's table: channels and programmes of each file. */
const EXPECTED: Record<string, { channels: number; read: number }> = {
  'vantagetv.ee.xml': { channels: 3, read: 332 },
  'epgshare01.online.xml': { channels: 2, read: 203 },
  'energeek.cl.xml': { channels: 5, read: 294 },
  'epg.tmacaraibes.com.xml': { channels: 1, read: 318 },
  'x1co.com.br.xml': { channels: 1, read: 91 },
  'makrodigitaltelevision.com.xml': { channels: 1, read: 66 },
  'multilang.guide.xml': { channels: 2, read: 4 },
}

const MESSY = `<?xml version="1.0" encoding="UTF-8"?>
<tv>
  <channel id="a.test"><display-name>Alpha</display-name><icon src="http://example.com/a.png"/></channel>
  <channel id="a.test"><display-name>Alpha again</display-name></channel>
  <channel><display-name>No id</display-name></channel>
  <programme start="20250101233000 +0100" stop="20250101003000 +0100" channel="a.test"><title>Late show</title></programme>
  <programme start="20250102010000" channel="a.test"><title lang="ru">Новости</title><title lang="en">News</title>
    <episode-num system="xmltv_ns">1.4.</episode-num><category>News</category></programme>
  <programme start="20250102020000 +0000" stop="20250102040000 +0000" channel="a.test"><title>Film</title></programme>
  <programme start="20250102030000 +0000" stop="20250102050000 +0000" channel="a.test"><title>Overlapping</title></programme>
  <programme start="20250102030000 +0000" stop="20250102050000 +0000" channel="a.test"><title>Same start</title></programme>
  <programme start="20250102060000 +0000" stop="20250102060000 +0000" channel="a.test"><title>Zero</title></programme>
  <programme start="20250102070000 +0000" stop="20250101070000 +0000" channel="a.test"><title>Day early</title></programme>
  <programme start="2025-01-02 08:00" stop="20250102090000 +0000" channel="a.test"><title>Bad start</title></programme>
  <programme start="20250102080000 +0000" channel="a.test"><title>With length</title><length units="minutes">30</length></programme>
  <programme start="20250102090000 +0000" stop="20250102100000 +0000" channel="a.test"></programme>
  <programme start="20250102100000 +0000" channel="a.test"><title>Last, no stop</title></programme>
  <programme start="20250102060000 +0000" stop="20250102070000 +0000" channel="ghost.test"><title>Boo</title></programme>
  <programme start="20250102060000 +0000" stop="20250102070000 +0000"><title>Nowhere</title></programme>
</tv>
`

describe('XMLTV importer', () => {
  let client: Client
  let dir: string

  /** Everything an import may write, to show that a failed one wrote nothing. */
  const snapshot = (): string => {
    const db = client.sim.sim.db
    return JSON.stringify([
      db.prepare('SELECT * FROM channels ORDER BY id').all(),
      db.prepare('SELECT * FROM programmes ORDER BY id').all(),
      db.prepare('SELECT * FROM meta ORDER BY key').all(),
    ])
  }

  const write = (name: string, content: string | Buffer): string => {
    const file = path.join(dir, name)
    fs.writeFileSync(file, content)
    return file
  }

  const importFile = (file: string, declareUndeclared = false): Promise<ImportReport> =>
    importXmltvFile(client.sim.sim, file, { declareUndeclared })

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-xmltv-'))
    client = await startClient({ scenario: 'empty' })
  })
  afterAll(async () => {
    await client.sim.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('finds the shared files', () => {
    expect(sharedFiles.sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  describe.each(sharedFiles)('%s', (name) => {
    it('imports, and reports what it fixed and dropped', async () => {
      const report = await importFile(path.join(SHARED, name))
      const expected = EXPECTED[name]
      expect(report).toMatchObject({ file: name, channels: expected?.channels, read: expected?.read })
      const dropped = Object.values(report.dropped).reduce((a, b) => a + b, 0)
      expect(report.programmes + dropped).toBe(report.read)
      expect(report.programmes).toBeGreaterThan(0)
      expect(report.to as number).toBeGreaterThan(report.from as number)
    })
  })

  it('reports what each shared file needed', async () => {
    const reports = new Map<string, ImportReport>()
    for (const name of sharedFiles) reports.set(name, await importFile(path.join(SHARED, name)))
    const r = (name: string): ImportReport => {
      const report = reports.get(name)
      if (!report) throw new Error(name)
      return report
    }
    // -0300, +0100, -0400, -0500: every programme converted to UTC; +0000 needs nothing.
    expect(r('energeek.cl.xml').fixed.offsetsNormalised).toBe(294)
    expect(r('epgshare01.online.xml').fixed.offsetsNormalised).toBe(203)
    expect(r('epg.tmacaraibes.com.xml').fixed.offsetsNormalised).toBe(318)
    expect(r('vantagetv.ee.xml').fixed.offsetsNormalised).toBe(0)
    // Arabic titles kept as they are.
    expect(r('epgshare01.online.xml').kept.nonLatinTitles).toBeGreaterThan(0)
    // The README: 2 overlapping programmes and 2 gaps (the overlaps are exact repeats).
    expect(r('makrodigitaltelevision.com.xml').dropped.duplicates).toBe(2)
    expect(r('makrodigitaltelevision.com.xml').kept.gaps).toBe(2)
    expect(r('makrodigitaltelevision.com.xml').programmes).toBe(64)
    expect(r('vantagetv.ee.xml').kept.gaps).toBe(2)
    // Several languages per title: the first one is used.
    expect(r('epg.tmacaraibes.com.xml').kept.multiLanguageTitles).toBe(318)
  })

  it('serves the imported guide through the API, in UTC and with its scripts intact', async () => {
    const token = await client.login('anna')
    const channels = await client.content<Json[]>('GetChannels', {}, token)
    const arabic = channels.find((c) => c.Name === 'AlJazeera Arabic')
    expect(arabic).toBeDefined()
    // 20250208000000 +0100 is 2025-02-07T23:00:00Z.
    const at = Date.UTC(2025, 1, 7, 23, 0) / 1000
    const guide = await client.content<{ Channels: { Programmes: Json[] }[] }>(
      'GetGuide',
      { ChannelIDs: [arabic?.ID], Start: at, End: at + 3600 },
      token,
    )
    expect(guide.Channels[0]?.Programmes[0]).toMatchObject({
      Start: at,
      End: at + 3600,
      Title: 'نشرة الأخبار',
    })
    expect(guide.Channels[0]?.Programmes[0]?.Description).toBe('جولة في أهم الأحداث العربية والعالمية.')
  })

  it('importing a file again replaces its programmes instead of doubling them', async () => {
    const file = path.join(SHARED, 'vantagetv.ee.xml')
    await importFile(file)
    const before = snapshot()
    await importFile(file)
    const count = (s: string): number => (JSON.parse(s) as unknown[][])[1]?.length ?? 0
    expect(count(snapshot())).toBe(count(before))
  })

  describe('fixes and drops, each counted', () => {
    it('on a file with every problem', async () => {
      const report = await importFile(write('messy.xml', MESSY))
      expect(report).toMatchObject({
        channels: 1,
        read: 13,
        programmes: 6,
        fixed: {
          offsetsNormalised: 1,
          noOffsetAssumedUtc: 1,
          overlapsTrimmed: 1,
          stopBeforeStartFixed: 1,
          missingStopFilled: 2,
          untitledFilled: 1,
          duplicateChannelsMerged: 1,
          channelsAutoDeclared: 0,
        },
        dropped: {
          stopBeforeStart: 2,
          missingStop: 1,
          duplicates: 1,
          undeclaredChannel: 1,
          badStart: 1,
          withoutId: 2,
        },
        kept: { gaps: 3, nonLatinTitles: 1, multiLanguageTitles: 1 },
        undeclaredChannels: ['ghost.test'],
      })
      const rows = client.sim.sim.db
        .prepare<[], Json>(
          `SELECT p.start, p.end, p.title, p.episode, p.series_id IS NOT NULL AS series, c.name, c.icon_url FROM programmes p
           JOIN channels c ON c.id = p.channel_id WHERE c.xmltv_id = 'a.test' ORDER BY p.start`,
        )
        .all()
      const t = (iso: string): number => Date.parse(iso) / 1000
      expect(rows.map((r) => [r.start, r.end, r.title])).toEqual([
        [t('2025-01-01T22:30:00Z'), t('2025-01-01T23:30:00Z'), 'Late show'],
        [t('2025-01-02T01:00:00Z'), t('2025-01-02T02:00:00Z'), 'Новости'],
        [t('2025-01-02T02:00:00Z'), t('2025-01-02T03:00:00Z'), 'Film'],
        [t('2025-01-02T03:00:00Z'), t('2025-01-02T05:00:00Z'), 'Overlapping'],
        [t('2025-01-02T08:00:00Z'), t('2025-01-02T08:30:00Z'), 'With length'],
        [t('2025-01-02T09:00:00Z'), t('2025-01-02T10:00:00Z'), 'Untitled'],
      ])
      expect(rows[1]).toMatchObject({
        episode: 'S2 E5',
        series: 1,
        name: 'Alpha',
        icon_url: 'http://example.com/a.png',
      })
    })

    it('auto-declares undeclared channels when asked, from a gzip file', async () => {
      const report = await importFile(write('messy.xml.gz', zlib.gzipSync(MESSY)), true)
      expect(report.fixed.channelsAutoDeclared).toBe(1)
      expect(report.dropped.undeclaredChannel).toBe(0)
      expect(report.channels).toBe(2)
      const ghost = client.sim.sim.db
        .prepare<[], Json>("SELECT * FROM channels WHERE xmltv_id = 'ghost.test'")
        .get()
      expect(ghost).toMatchObject({ name: 'ghost.test' })
    })
  })

  describe('a file that cannot be imported writes nothing', () => {
    const fails = async (file: string, message: RegExp): Promise<void> => {
      const before = snapshot()
      const attempt = importFile(file)
      await expect(attempt).rejects.toBeInstanceOf(XmltvError)
      await expect(importFile(file)).rejects.toThrow(message)
      expect(snapshot()).toBe(before)
    }

    it('a truncated file', async () => {
      const whole = fs.readFileSync(path.join(SHARED, 'energeek.cl.xml'))
      await fails(
        write('truncated.xml', whole.subarray(0, Math.floor(whole.length / 2))),
        /not well-formed XML.*unclosed tag/,
      )
    })

    it('an empty file, and one with only white space', async () => {
      await fails(write('empty.xml', ''), /^the file is empty \(0 bytes\)$/)
      await fails(write('blank.xml', '\n  \n'), /^the file is empty \(only white space\)$/)
    })

    it('a file that is not XML, not XMLTV, or has nothing in it', async () => {
      await fails(write('junk.xml', 'this is not xml'), /not well-formed XML/)
      await fails(write('html.xml', '<html><body/></html>'), /not an XMLTV file: the root element is <html>/)
      await fails(write('bare.xml', '<?xml version="1.0"?><tv></tv>'), /no <channel> and no <programme>/)
      await fails(
        write('hopeless.xml', '<tv><programme channel="x" start="soon"><title>x</title></programme></tv>'),
        /none of the 1 programmes/,
      )
      await fails(path.join(dir, 'missing.xml'), /cannot read the file/)
      const gz = zlib.gzipSync(MESSY)
      await fails(
        write('cut.xml.gz', gz.subarray(0, gz.length - 20)),
        /cannot read the file \(unexpected end of file\)/,
      )
    })
  })

  describe('the command line', () => {
    const run = promisify(execFile)
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx')
    const cli = path.join(ROOT, 'simulator', 'src', 'xmltv', 'cli.ts')

    it('imports into KANAL_DB, reports per file, and fails with one line for a broken file', async () => {
      const db = path.join(dir, 'cli.sqlite')
      const ok = await run(tsx, [cli, path.join(SHARED, 'x1co.com.br.xml')], {
        env: { ...process.env, KANAL_DB: db },
      })
      expect(ok.stdout).toMatch(/^x1co\.com\.br\.xml: 1 channels, 91 of 91 programmes imported/)
      expect(ok.stdout).toMatch(/UTC offsets normalised 91/)
      expect(ok.stdout).toMatch(/1 of 1 files imported into .*: 91 programmes, \d+ programmes\/s/)

      const empty = write('cli-empty.xml', '')
      const failed = await run(tsx, [cli, '--db', db, empty]).then(
        () => undefined,
        (e: { code: number; stderr: string }) => e,
      )
      expect(failed?.code).toBe(1)
      expect(failed?.stderr.trim().split('\n')).toEqual([
        `import:xmltv: ${empty}: the file is empty (0 bytes); nothing was imported from it`,
      ])

      // A database the importer created keeps its guide when the simulator starts on it.
      const started = await startClient({ dbPath: db })
      try {
        const token = await started.login('anna')
        const channels = await started.content<Json[]>('GetChannels', {}, token)
        expect(channels.map((c) => c.Name)).toEqual(['NickOnline'])
      } finally {
        await started.sim.close()
      }
    }, 60_000)
  })
})
