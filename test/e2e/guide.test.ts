import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createSimulator } from '../../simulator/src/server'
import { defaultConfig } from '../../simulator/src/config'
import { importXmltvFile } from '../../simulator/src/xmltv/import'
import { E2E_APP_SETTINGS, ROOT, openTv, signIn, startTestSimulator, TestSimulator, Tv } from './harness'

jest.setTimeout(180_000)

interface GuideFocus {
  row: number
  channel: number
  kind: 'programme' | 'gap' | 'loading'
  start: number
  end: number
  locked: boolean
  mark: string
}

/** Signs anna in and waits until the guide has the focus and knows her rights. */
const annaOnGuide = async (tv: Tv): Promise<GuideFocus> => {
  await signIn(tv, 'anna', 'anna')
  await tv.waitForRoute('guide')
  await tv.page.waitForFunction(() =>
    (window as unknown as { __kanal: { focusPath(): string[] } }).__kanal.focusPath().includes('Grid'),
  )
  await tv.waitForText('Catch-up · Start-over · Recording')
  return focusOnProgramme(tv)
}

const guideHook = <T>(tv: Tv, name: string): Promise<T> =>
  tv.page.evaluate((fn) => {
    const hooks = (window as unknown as { __kanalGuide?: Record<string, () => unknown> }).__kanalGuide
    if (!hooks) throw new Error('window.__kanalGuide is missing')
    return (hooks[fn] as () => unknown)()
  }, name) as Promise<T>

const focus = (tv: Tv): Promise<GuideFocus | null> => guideHook<GuideFocus | null>(tv, 'focus')

/** Waits until the focused cell holds a programme (its window has arrived). */
const focusOnProgramme = async (tv: Tv): Promise<GuideFocus> => {
  await tv.page.waitForFunction(
    () =>
      (window as unknown as { __kanalGuide?: { focus(): { kind: string } | null } }).__kanalGuide?.focus()
        ?.kind === 'programme',
    undefined,
    { timeout: 15_000 },
  )
  return (await focus(tv)) as GuideFocus
}

describe('the guide in Chromium', () => {
  let sim: TestSimulator
  let tv: Tv | undefined
  beforeAll(async () => {
    sim = await startTestSimulator()
  })
  afterAll(async () => {
    await sim.close()
  })
  afterEach(async () => {
    if (tv) expect(tv.errors).toEqual([])
    await tv?.close()
    tv = undefined
  })

  it('opens on now, signed out, with every channel locked and a way to sign in', async () => {
    tv = await openTv(sim.url)
    const f = await focusOnProgramme(tv)
    const now = Math.floor(Date.now() / 1000)
    expect(f.start).toBeLessThanOrEqual(now + 5)
    expect(f.end).toBeGreaterThan(now - 5)
    const texts = await tv.screenTexts()
    expect(texts).toContain('Sign in to watch')
    await tv.screenshot('guide-signed-out')
  })

  it('anna: moves in all directions keeping the time, pages, jumps by day and by channel number', async () => {
    tv = await openTv(sim.url)
    // Her base pack: channel 1 is live with its capabilities, no lock.
    const first = await annaOnGuide(tv)
    expect(first.row).toBe(0)
    expect(first.locked).toBe(false)
    await tv.screenshot('guide-anna')

    await tv.press('right')
    const right = await focusOnProgramme(tv)
    expect(right.start).toBe(first.end)
    await tv.press('left')
    expect((await focus(tv))?.start).toBe(first.start)

    // Down keeps the time position: the focused programme contains the anchor.
    await tv.press('right', 'right')
    const anchor = await guideHook<number>(tv, 'anchor')
    for (let i = 0; i < 3; i++) {
      await tv.press('down')
      const f = await focusOnProgramme(tv)
      expect(f.start).toBeLessThanOrEqual(anchor)
      expect(f.end).toBeGreaterThan(anchor)
    }
    expect((await focus(tv))?.row).toBe(3)
    await tv.press('up')
    expect((await focus(tv))?.row).toBe(2)

    // Page down / up by a screenful (7 rows).
    await tv.press('channelDown')
    expect((await focus(tv))?.row).toBe(9)
    await tv.screenshot('guide-paged')
    await tv.press('channelUp')
    expect((await focus(tv))?.row).toBe(2)

    // A day ahead and back to now.
    const before = await guideHook<number>(tv, 'anchor')
    await tv.press('yellow')
    expect(await guideHook<number>(tv, 'anchor')).toBe(before + 86400)
    const tomorrow = await focusOnProgramme(tv)
    expect(tomorrow.end).toBeGreaterThan(before + 86400 - 1)
    await tv.screenshot('guide-tomorrow')
    await tv.press('green')
    const now = await focusOnProgramme(tv)
    const t = Math.floor(Date.now() / 1000)
    expect(now.start).toBeLessThanOrEqual(t + 5)
    expect(now.end).toBeGreaterThan(t - 5)
    await tv.press('red')
    expect(await guideHook<number>(tv, 'anchor')).toBeLessThan(t - 86000)

    // Typing 48 jumps to Kanal Toons, which her package does not include.
    await tv.page.keyboard.press('4')
    await tv.page.keyboard.press('8')
    await tv.waitForText('Channel 48')
    await tv.page.waitForFunction(
      () =>
        (window as unknown as { __kanalGuide: { focus(): { channel: number } | null } }).__kanalGuide.focus()
          ?.channel === 48,
      undefined,
      { timeout: 5000 },
    )
    await tv.press('green')
    await tv.waitForText('This channel is not part of your package. OK: details, and how to get it.')
    await tv.screenshot('guide-locked-channel')
  })

  it('anna: OK on a locked channel opens the details, whose offer leads to a product that grants it', async () => {
    tv = await openTv(sim.url)
    await annaOnGuide(tv)
    await tv.page.keyboard.press('4')
    await tv.page.keyboard.press('8')
    await tv.page.waitForFunction(
      () =>
        (window as unknown as { __kanalGuide: { focus(): { channel: number } | null } }).__kanalGuide.focus()
          ?.channel === 48,
      undefined,
      { timeout: 5000 },
    )
    // OK on an empty slot of a locked channel goes straight to the store: wait for the programme.
    await focusOnProgramme(tv)
    await tv.press('ok')
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: { route(): string } }).__kanal.route().startsWith('programme/'),
    )
    await tv.waitForText('Get this channel')
    // Start-over may be allowed without live: the offer is then a few buttons along.
    for (let i = 0; i < 6 && !(await tv.focusedTexts()).includes('Get this channel'); i += 1)
      await tv.press('right')
    expect(await tv.focusedTexts()).toEqual(['Get this channel'])
    await tv.press('ok')
    await tv.page.waitForFunction(
      () =>
        /^store\/(channel|product)\//.test(
          (window as unknown as { __kanal: { route(): string } }).__kanal.route(),
        ),
      undefined,
      { timeout: 10_000 },
    )
    await tv.waitForText('Kids pack')
  })

  it('anna: details of a programme to come, record it, see the mark in the grid, cancel it', async () => {
    tv = await openTv(sim.url)
    await annaOnGuide(tv)
    // Two programmes ahead on channel 1: it has not started.
    await tv.press('right', 'right')
    const f = await focusOnProgramme(tv)
    expect(f.start).toBeGreaterThan(Math.floor(Date.now() / 1000))
    await tv.press('ok')
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: { route(): string } }).__kanal.route().startsWith('programme/'),
    )
    await tv.waitForText('Record')
    expect(await tv.focusedTexts()).toEqual(['Record'])
    await tv.screenshot('guide-details')
    await tv.press('ok')
    await tv.waitForText('Cancel the recording')
    expect((await tv.screenTexts()).some((x) => x.includes('Recording scheduled'))).toBe(true)
    await tv.press('back')
    await tv.waitForRoute('guide')
    // The mark follows the recordings store, on the focused programme too.
    await tv.page.waitForFunction(
      () =>
        (window as unknown as { __kanal: { focusedTexts(): string[] } }).__kanal
          .focusedTexts()
          .includes('REC'),
      undefined,
      { timeout: 15_000 },
    )
    expect((await focus(tv))?.mark).toBe('scheduled')
    await tv.screenshot('guide-recording-mark')
    await tv.press('ok')
    await tv.waitForText('Cancel the recording')
    await tv.press('ok')
    await tv.waitForText('Record')
    await tv.press('back')
    await tv.waitForRoute('guide')
    await tv.page.waitForFunction(
      () =>
        (window as unknown as { __kanalGuide: { focus(): { mark: string } | null } }).__kanalGuide.focus()
          ?.mark === 'none',
    )
    expect(await tv.focusedTexts()).not.toContain('REC')
  })

  it('anna: a past programme on channel 1 plays from catch-up', async () => {
    tv = await openTv(sim.url)
    await annaOnGuide(tv)
    const onAir = await focusOnProgramme(tv)
    await tv.press('left')
    const past = await focusOnProgramme(tv)
    expect(past.end).toBe(onAir.start)
    expect(past.end).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 5)
    await tv.press('ok')
    await tv.waitForText('Watch from catch-up')
    await tv.press('ok')
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: { route(): string } }).__kanal.route().startsWith('play/catchup/'),
    )
  })

  it('anna: the details of a past programme without catch-up say why, and offer no catch-up', async () => {
    tv = await openTv(sim.url)
    await annaOnGuide(tv)
    // Channel 5 (Kanal Cinema) comes without catch-up in her package.
    await tv.press('down', 'down', 'down', 'down')
    expect((await focus(tv))?.channel).toBe(5)
    await tv.press('left')
    let past = await focusOnProgramme(tv)
    // A film above her parental limit is locked (its details ask for the PIN): one further back.
    for (let i = 0; i < 4 && (await tv.focusedTexts()).includes('Locked programme'); i++) {
      await tv.press('left')
      past = await focusOnProgramme(tv)
    }
    expect(await tv.focusedTexts()).not.toContain('Locked programme')
    expect(past.end).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 5)
    await tv.press('ok')
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: { route(): string } }).__kanal.route().startsWith('programme/'),
    )
    // The reason comes with her package (until it is known, the page says only that).
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal
        .screenTexts()
        .some((x) => x.includes('Catch-up is not part of your package.')),
    )
    expect(await tv.screenTexts()).not.toContain('Watch from catch-up')
    await tv.screenshot('guide-details-refused')
  })

  it('real XMLTV guides: right-to-left titles read, gaps and overlaps walk cleanly', async () => {
    // Every file of ../shared/data/xmltv (copied under test/fixtures/xmltv), on the operator
    // clock of the Arabic guide's days.
    expect.hasAssertions()
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-e2e-xmltv-'))
    const xmltv = createSimulator({
      ...defaultConfig({}),
      port: 0,
      appDir: path.join(ROOT, process.env.LNG_BUILD_FOLDER ?? 'build'),
      dbPath: path.join(dir, 'kanal.sqlite'),
      clock: { start: Date.UTC(2025, 1, 9, 12) / 1000, speed: 1 },
      settingsOverride: { appSettings: E2E_APP_SETTINGS },
    })
    const folder = path.join(ROOT, 'test', 'fixtures', 'xmltv')
    for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.xml')))
      await importXmltvFile(xmltv.sim, path.join(folder, file))
    const number = (xmltvId: string): number =>
      (
        xmltv.sim.db.prepare('SELECT number FROM channels WHERE xmltv_id = ?').get(xmltvId) as {
          number: number
        }
      ).number
    const url = await xmltv.listen()
    try {
      tv = await openTv(url)
      await focusOnProgramme(tv)
      const typeChannel = async (n: number): Promise<void> => {
        for (const d of String(n)) await tv!.page.keyboard.press(d)
        await tv!.page.waitForFunction(
          (want) =>
            (
              window as unknown as { __kanalGuide: { focus(): { channel: number } | null } }
            ).__kanalGuide.focus()?.channel === want,
          n,
          { timeout: 5000 },
        )
      }
      await typeChannel(number('AlJazeera.Arabic.net'))
      await focusOnProgramme(tv)
      const focused = (await tv.focusedTexts())[0] ?? ''
      expect(focused).toMatch(/[\u0600-\u06ff]/)
      await tv.screenshot('guide-xmltv-arabic')

      // makrodigitaltelevision.com has two overlapping programmes and two gaps, a week later.
      await typeChannel(number('17'))
      for (let i = 0; i < 7; i++) await tv.press('yellow')
      // A window still on its way shows a placeholder; the focus settles when it arrives.
      const settledFocus = async (): Promise<Awaited<ReturnType<typeof focus>>> => {
        await tv!.page.waitForFunction(
          () =>
            (window as unknown as { __kanalGuide: { focus(): { kind: string } | null } }).__kanalGuide.focus()
              ?.kind !== 'loading',
          undefined,
          { timeout: 10_000 },
        )
        return focus(tv!)
      }
      const seen: string[] = []
      // The start is read once the week's window is in: a placeholder spans the whole hole.
      let last = await settledFocus()
      for (let i = 0; i < 14; i++) {
        await tv.press('right')
        const f = await settledFocus()
        expect(f).not.toBeNull()
        // Every move goes forward, gaps included: overlaps never trap the focus.
        if (last && f) expect(f.start).toBeGreaterThanOrEqual(last.end)
        if (f) seen.push(f.kind)
        last = f
      }
      expect(seen).toContain('programme')
      await tv.screenshot('guide-xmltv-gaps')
      expect(tv.errors).toEqual([])
    } finally {
      await tv?.close()
      tv = undefined
      await xmltv.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
