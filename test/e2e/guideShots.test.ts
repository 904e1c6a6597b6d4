import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createSimulator, type Simulator } from '../../simulator/src/server'
import { defaultConfig } from '../../simulator/src/config'
import { importXmltvFile } from '../../simulator/src/xmltv/import'
import { E2E_APP_SETTINGS, ROOT, openTv, reloadTv, signIn, type Tv } from './harness'

/**
 * The app's own files kept as they load and served when the operator is gone (a box has its app
 * installed), like the harness's keepAppFiles; the operator's calls are not routed at all, so
 * their Date header (the operator clock these pictures are taken on) reaches the app untouched.
 */
const keepOwnFiles = async (tv: Tv): Promise<void> => {
  const kept = new Map<string, { status: number; headers: Record<string, string>; body: Buffer }>()
  await tv.page.context().route(
    (url) => !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/qa/'),
    async (route) => {
      const url = new URL(route.request().url())
      const key = url.origin + url.pathname
      try {
        const response = await route.fetch()
        const body = await response.body()
        if (response.ok()) kept.set(key, { status: response.status(), headers: response.headers(), body })
        return route.fulfill({ response, body })
      } catch {
        const copy = kept.get(key)
        if (copy) return route.fulfill(copy)
        return route.abort()
      }
    },
  )
}

/**
 * Screenshots of the guide's text and layout (mixed-direction titles, a cut right-to-left title,
 * emoji, a four-digit channel number, the offline guide, the details page and the OSD) at 1920x1080
 * and 1280x720, for a person to look at. Runs only with SHOTS_DIR set (where the pictures go) and
 * SHOTS_TAG (a suffix: "before", "after"):
 *   SHOTS_DIR=/tmp/shots SHOTS_TAG=after npx jest --selectProjects e2e --testPathPatterns guideShots
 */
const DIR = process.env.SHOTS_DIR
const TAG = process.env.SHOTS_TAG ?? 'now'
const run = DIR ? describe : describe.skip

jest.setTimeout(300_000)

type GuideHooks = { focus(): { channel: number; kind: string; start: number } | null }
const guideFocus = (tv: Tv): Promise<{ channel: number; kind: string; start: number } | null> =>
  tv.page.evaluate(() => (window as unknown as { __kanalGuide: GuideHooks }).__kanalGuide.focus())

run('guide screenshots', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-shots-'))
  let sim: Simulator | undefined
  let url = ''
  const make = (port: number): Simulator =>
    createSimulator({
      ...defaultConfig({}),
      port,
      appDir: path.join(ROOT, process.env.LNG_BUILD_FOLDER ?? 'build'),
      dbPath: path.join(dir, 'kanal.sqlite'),
      clock: { start: Date.UTC(2025, 1, 9, 12) / 1000, speed: 1 },
      settingsOverride: { appSettings: E2E_APP_SETTINGS },
    })
  beforeAll(async () => {
    sim = make(0)
    const folder = path.join(ROOT, 'test', 'fixtures', 'xmltv')
    for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.xml')))
      await importXmltvFile(sim.sim, path.join(folder, file))
    await importXmltvFile(sim.sim, path.join(ROOT, 'test', 'fixtures', 'xmltv-mixed', 'mixed-direction.xml'))
    sim.sim.db.prepare("UPDATE channels SET number = 1234 WHERE xmltv_id = 'Mixed.Direction.test'").run()
    // Anna's packs carry it as they carry channel 1, so that its programmes open their details.
    sim.sim.db
      .prepare(
        "INSERT INTO product_channels (product_id, service, channel_id) SELECT product_id, service, (SELECT id FROM channels WHERE xmltv_id = 'Mixed.Direction.test') FROM product_channels WHERE channel_id = 'ch1'",
      )
      .run()
    url = await sim.listen()
  })
  afterAll(async () => {
    await sim?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  for (const width of [1920, 1280]) {
    it(`at ${width}`, async () => {
      expect.hasAssertions()
      const height = width === 1920 ? 1080 : 720
      if (!sim) {
        sim = make(Number(new URL(url).port))
        await sim.listen()
      }
      const tv = await openTv(url)
      await keepOwnFiles(tv)
      await tv.page.setViewportSize({ width, height })
      // Loaded again through the copy-keeping route, so that it can start without the operator.
      await reloadTv(tv)
      const shot = async (item: number, screen: string): Promise<void> => {
        const file = await tv.screenshot(`shot-${screen}`)
        fs.mkdirSync(DIR as string, { recursive: true })
        fs.copyFileSync(file, path.join(DIR as string, `${item}-${screen}-${TAG}-${width}.png`))
      }
      const settled = async (): Promise<void> => {
        await tv.page.waitForFunction(
          () => {
            const k = (window as unknown as { __kanalGuide?: GuideHooks }).__kanalGuide?.focus()
            return k !== null && k !== undefined && k.kind !== 'loading'
          },
          undefined,
          { timeout: 15_000 },
        )
      }
      try {
        await signIn(tv, 'anna', 'anna')
        await tv.waitForRoute('guide')
        await tv.quiet()
        // Green: now, on the operator's clock (the first view may open before its first answer).
        await tv.press('green')
        await settled().catch(async (e: unknown) => {
          await tv.page.screenshot({ path: path.join(DIR as string, 'debug.png') })
          throw e
        })
        await tv.quiet()
        await shot(7, 'guide')
        for (const d of '1234') await tv.page.keyboard.press(d)
        await tv.page.waitForFunction(
          () => (window as unknown as { __kanalGuide: GuideHooks }).__kanalGuide.focus()?.channel === 1234,
          undefined,
          { timeout: 5000 },
        )
        await tv.press('green')
        await settled()
        await tv.quiet()
        await shot(5, 'guide-mixed')
        expect((await guideFocus(tv))?.channel).toBe(1234)
        await tv.press('right')
        await settled()
        await shot(5, 'guide-rtl-cut')
        await tv.press('right')
        await settled()
        await shot(5, 'guide-emoji')
        await tv.press('left', 'left', 'ok')
        await tv.page.waitForFunction(
          () =>
            (window as unknown as { __kanal: { route(): string } }).__kanal.route().startsWith('programme'),
          undefined,
          { timeout: 10_000 },
        )
        await tv.quiet()
        await shot(5, 'details-mixed')
        await tv.press('back')
        await tv.waitForRoute('guide')
        await tv.quiet()

        // The operator goes away; the box restarts on the guide.
        await sim?.close()
        sim = undefined
        await reloadTv(tv, 'guide')
        await tv.page.waitForFunction(
          () => (window as unknown as { __kanal: { route(): string } }).__kanal.route() === 'guide',
        )
        await tv.page
          .waitForFunction(
            () =>
              (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal
                .screenTexts()
                .some((s) => /offline|not available/i.test(s)),
            undefined,
            { timeout: 20_000 },
          )
          .catch(() => undefined)
        await shot(6, 'guide-offline')
        sim = make(Number(new URL(url).port))
        await sim.listen()
        await reloadTv(tv, 'play/live/ch1')
        await tv.page.keyboard.press('i')
        await tv.waitForText('LIVE').catch(() => undefined)
        await shot(7, 'player-osd')
      } finally {
        await tv.close()
      }
    })
  }
})
