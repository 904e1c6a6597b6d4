import { openTv, qa, REMOTE, signIn, startTestSimulator, type TestSimulator, type Tv } from './harness'

jest.setTimeout(120_000)

/**
 * The player's menu (Yellow) in Chromium against the simulator: the sleep timer counts on the
 * operator clock, so moving the QA clock warns a minute before and then stops playback.
 * One sign-in and one page for the file.
 */
describe('the player menu', () => {
  let sim: TestSimulator
  let tv: Tv

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
      { timeout: 20_000 },
    )
  const playing = (): Promise<boolean> =>
    tv.page.evaluate(() => {
      const v = document.querySelector('video')
      return v !== null && !v.paused && v.style.display !== 'none' && (v.currentSrc !== '' || v.src !== '')
    })

  beforeAll(async () => {
    sim = await startTestSimulator()
    tv = await openTv(sim.url)
    await signIn(tv, 'anna', 'anna')
  })
  afterAll(async () => {
    expect(tv.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
    await tv.close()
    await sim.close()
  })

  it('stops playback when the sleep timer runs out on the operator clock, after a warning', async () => {
    await go('play/live/ch1')
    await waitForPicture()
    await tv.press('yellow')
    await tv.waitForText('Audio, subtitles and sleep timer')
    // Down twice to the sleep timer, Right: 15 minutes from now.
    await tv.press('down', 'down', 'right')
    await tv.waitForText('15 min left')
    await tv.press('back')
    // The box learns the operator's time from its answers (the grant renewal, every 3 s here).
    await qa(sim.url, 'clock', { advance: 14 * 60 + 5 })
    await tv.waitForText('Sleep timer: playback stops in 1 min. Yellow changes it.')
    expect(await playing()).toBe(true)
    await qa(sim.url, 'clock', { advance: 60 })
    await tv.waitForText('Playback stopped when the sleep timer ran out.')
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
