import fs from 'node:fs'
import path from 'node:path'
import { openTv, qa, REMOTE, signIn, startTestSimulator, until, type TestSimulator, type Tv } from './harness'

jest.setTimeout(120_000)

/** With SHOTS_DIR set, the menu over the OSD with subtitles on the video is kept there at 1920x1080 and 1280x720. */
const SHOTS = process.env.SHOTS_DIR

/**
 * The player's menu (Yellow) in Chromium against the simulator's HLS streams (English and
 * Spanish audio and subtitles): switching the audio language changes the rendition hls.js
 * loads, subtitles show as text, the preferred languages apply on every zap, and the sleep
 * timer counts on the operator clock, so moving the QA clock warns a minute before and then
 * stops playback. One sign-in and one page for the file.
 */
describe('the player menu', () => {
  let sim: TestSimulator
  let tv: Tv
  /** Every URL the page asked for, in order: which renditions hls.js loads. */
  const requests: string[] = []

  const key = async (...keys: string[]): Promise<void> => {
    for (const k of keys) {
      await tv.page.keyboard.press(k)
      await tv.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    }
  }
  const go = async (hash: string): Promise<void> => {
    await tv.page.evaluate((h) => (window.location.hash = h), `#${hash}`)
    await tv.waitForRoute(hash)
  }
  /** Waits until the video plays: frames decoded and its clock moving. */
  const waitForPicture = (): Promise<unknown> =>
    tv.page.waitForFunction(
      () => {
        const v = document.querySelector('video')
        return v !== null && v.readyState >= 2 && !v.paused && v.currentTime > 0 && v.style.display !== 'none'
      },
      undefined,
      { timeout: 30_000 },
    )
  const playing = (): Promise<boolean> =>
    tv.page.evaluate(() => {
      const v = document.querySelector('video')
      return v !== null && !v.paused && v.style.display !== 'none' && (v.currentSrc !== '' || v.src !== '')
    })
  /** Waits for a segment of an audio rendition asked for after request number `from`. */
  const audioSegment = (lang: string, from: number): Promise<void> =>
    until(
      `an audio/${lang} segment`,
      () => requests.slice(from).some((u) => new RegExp(`/audio/${lang}/\\d+\\.m4s$`).test(u)),
      30_000,
    )
  /** Waits for a subtitle (a cue's text, drawn on screen) that passes `test`. */
  const subtitle = (test: RegExp): Promise<void> =>
    until(`a subtitle like ${test}`, async () => (await tv.screenTexts()).some((t) => test.test(t)), 30_000)

  /** Keeps a screenshot in SHOTS_DIR (nothing without it). */
  const keep = async (name: string): Promise<void> => {
    if (!SHOTS) return
    fs.mkdirSync(SHOTS, { recursive: true })
    fs.copyFileSync(await tv.screenshot(name), path.join(SHOTS, `${name}.png`))
  }

  beforeAll(async () => {
    sim = await startTestSimulator()
    tv = await openTv(sim.url)
    tv.page.on('request', (r) => requests.push(r.url()))
    await signIn(tv, 'anna', 'anna')
  })
  afterAll(async () => {
    expect(tv.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
    await tv.close()
    await sim.close()
  })

  it('switches the audio language from the menu (hls.js loads the other rendition) and shows subtitles', async () => {
    await go('play/live/ch1')
    await waitForPicture()
    await audioSegment('en', 0)
    await tv.press('yellow')
    await tv.waitForText('Audio, subtitles and sleep timer')
    const before = requests.length
    await tv.press('right')
    await tv.waitForText('Español')
    await audioSegment('es', before)
    // Subtitles: Off, then the first of the stream's (English), drawn by Kanal over the video.
    await tv.press('down', 'right')
    await subtitle(/^Kanal test stream one\. English\.$/)
    await tv.press('right')
    await subtitle(/^Canal de prueba uno\. Español\.$/)
    // A cue shows for 4 s in every 8: the picture is taken as one starts.
    const shown = /^Kanal test stream one\. English\.$|^Canal de prueba uno\. Español\.$/
    const shoot = async (name: string): Promise<void> => {
      if (!SHOTS) return
      await until(
        'a gap between cues',
        async () => !(await tv.screenTexts()).some((t) => shown.test(t)),
        30_000,
      )
      await subtitle(shown)
      await keep(name)
    }
    await shoot('player-tracks-menu-subtitles-1920')
    await tv.press('back')
    if (SHOTS) {
      // The same at 1280x720, on a TV of its own (the helpers above act on `tv`).
      const main = tv
      tv = await openTv(sim.url, '', { viewport: { width: 1280, height: 720 } })
      try {
        await signIn(tv, 'anna', 'anna')
        await go('play/live/ch1')
        await waitForPicture()
        await tv.press('yellow')
        await tv.waitForText('Audio, subtitles and sleep timer')
        await tv.press('down', 'right')
        await shoot('player-tracks-menu-subtitles-1280')
      } finally {
        await tv.close()
        tv = main
      }
    }
  })

  it('plays the preferred audio and subtitle languages on every zap', async () => {
    await go('account')
    // The Preferences tab, into it; down to the audio language: Automatic, English, Español.
    await tv.press('right', 'right', 'right', 'right', 'down')
    await tv.press('down', 'down', 'down', 'right', 'right')
    await tv.waitForText('Español')
    await tv.press('ok')
    await tv.waitForText('Saved: applies from the next channel you watch.')
    // Subtitles: Off, Automatic, English, Español.
    await tv.press('down', 'right', 'right', 'right', 'ok')
    await until('both saved', async () => (await tv.screenTexts()).filter((t) => t === 'Español').length >= 2)
    let from = requests.length
    await go('play/live/ch2')
    await waitForPicture()
    await audioSegment('es', from)
    await subtitle(/^Canal de prueba dos\. Español\.$/)
    from = requests.length
    await tv.press('channelUp')
    await tv.waitForRoute('play/live/ch3')
    await waitForPicture()
    await audioSegment('es', from)
    await subtitle(/^Canal de prueba tres\. Español\.$/)
  })

  it('stops playback when the sleep timer runs out on the operator clock, after a warning', async () => {
    await go('play/live/ch1')
    await waitForPicture()
    await tv.press('yellow')
    await tv.waitForText('Audio, subtitles and sleep timer')
    // Down twice to the sleep timer, Right: 15 minutes from now.
    await tv.press('down', 'down', 'right')
    await tv.waitForText('15 min left')
    await keep('player-sleep-menu-1920')
    await tv.press('back')
    // The box learns the operator's time from its answers (the grant renewal, every 3 s here).
    await qa(sim.url, 'clock', { advance: 14 * 60 + 5 })
    await tv.waitForText('Sleep timer: playback stops in 1 min. Yellow changes it.')
    await keep('player-sleep-warning-1920')
    expect(await playing()).toBe(true)
    await qa(sim.url, 'clock', { advance: 60 })
    await tv.waitForText('Playback stopped when the sleep timer ran out.')
    await keep('player-sleep-stopped-1920')
    expect(await playing()).toBe(false)
    // Keep watching starts the channel again; the timer is off.
    await key(REMOTE.ok)
    await waitForPicture()
    await tv.press('yellow')
    await tv.waitForText('Sleep timer')
    expect(await tv.screenTexts()).not.toContain('15 min left')
    await tv.press('back')
  })
})
