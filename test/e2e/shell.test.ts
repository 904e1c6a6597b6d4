import { openTv, startTestSimulator, TestSimulator, Tv, waitForCall } from './harness'

jest.setTimeout(120_000)

describe('the app shell in Chromium, driven by the remote keys alone', () => {
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

  it('boots on the guide with the menu and the focus on the page', async () => {
    tv = await openTv(sim.url)
    expect(await tv.route()).toBe('guide')
    const texts = await tv.screenTexts()
    expect(texts).toEqual(expect.arrayContaining(['Kanal', 'Guide', 'Recordings', 'Store', 'Account']))
    // The guide grid has the focus, on one programme (test/e2e/guide.test.ts drives it).
    await tv.waitForText('Kanal 1')
    expect(await tv.focusPath()).toContain('Grid')
    expect(await tv.focusedTexts()).toHaveLength(1)
    await tv.screenshot('shell-guide')
  })

  it('signs in anonymously beside the first page, with the token never in a URL', async () => {
    tv = await openTv(sim.url)
    const requests = async () =>
      ((await (await fetch(`${sim.url}qa/requests`)).json()) as { requests: { path: string }[] }).requests
    await waitForCall(sim.url, 'LoginAnonymous').catch(() => undefined)
    const paths = (await requests()).map((r) => r.path)
    expect(paths).toContain('/api/LoginAnonymous')
    expect(paths.join(' ')).not.toMatch(/token/i)
  })

  it('reaches every page through the menu and comes back with Back', async () => {
    tv = await openTv(sim.url)
    await tv.press('menu')
    expect(await tv.focusedTexts()).toEqual(['Guide'])
    expect(await tv.focusPath()).toContain('Menu')

    for (const [title, file] of [
      ['Recordings', 'shell-recordings'],
      ['Store', 'shell-store'],
      ['Account', 'shell-account'],
    ] as const) {
      await tv.press('right')
      expect(await tv.focusedTexts()).toEqual([title])
      await tv.press('ok')
      await tv.waitForRoute(title.toLowerCase())
      await tv.waitForText(title)
      // The page has the focus, not the menu.
      expect(await tv.focusPath()).not.toContain('Menu')
      await tv.screenshot(file)
      // Up from the top of the page goes back to the menu, on the page's entry.
      await tv.press('up')
      expect(await tv.focusedTexts()).toEqual([title])
    }

    await tv.press('down')
    expect(await tv.focusPath()).not.toContain('Menu')
    await tv.press('back')
    await tv.waitForRoute('store')
    await tv.press('back')
    await tv.waitForRoute('recordings')
    await tv.press('backspace')
    await tv.waitForRoute('guide')
  })

  it('opens the menu with Left from the first control of a page', async () => {
    tv = await openTv(sim.url, 'recordings')
    await tv.waitForText('Sign in to see your recordings')
    expect(await tv.focusedTexts()).toEqual(['Sign in'])
    await tv.press('left')
    expect(await tv.focusPath()).toContain('Menu')
    expect(await tv.focusedTexts()).toEqual(['Recordings'])
  })

  it('asks before closing when Back is pressed at home, and Stay keeps the app', async () => {
    tv = await openTv(sim.url)
    await tv.press('back')
    await tv.waitForText('Leave Kanal?')
    expect(await tv.focusedTexts()).toEqual(['Stay'])
    await tv.screenshot('shell-exit-dialog')
    await tv.press('ok')
    expect(await tv.screenTexts()).not.toContain('Leave Kanal?')
    expect(await tv.route()).toBe('guide')
    expect(await tv.focusPath()).toContain('Grid')

    // A second Back inside the dialog only closes the dialog.
    await tv.press('back')
    await tv.waitForText('Leave Kanal?')
    await tv.press('back')
    expect(await tv.screenTexts()).not.toContain('Leave Kanal?')

    await tv.press('back', 'right', 'ok')
    await tv.page.waitForFunction(() => document.querySelector('canvas') === null, undefined, {
      timeout: 10_000,
    })
  })

  it('follows deep links, and Back from a deep-linked page goes home', async () => {
    tv = await openTv(sim.url, 'store')
    expect(await tv.route()).toBe('store')
    await tv.waitForText('Channels, packs and services')
    await tv.press('back')
    await tv.waitForRoute('guide')

    // An id the operator does not have (a real one opens its details: viewerPaths.test.ts).
    await tv.page.evaluate(() => (location.hash = '#programme/99999999'))
    await tv.waitForRoute('programme/99999999')
    await tv.waitForText('Programme 99999999')
    await tv.screenshot('shell-programme')
    await tv.press('ok') // "Back" button
    await tv.waitForRoute('guide')
  })

  it('shows a not-found page for an unknown link, with the way home', async () => {
    tv = await openTv(sim.url, 'no-such-page')
    await tv.waitForText('Page not found')
    expect(await tv.screenTexts()).toContain('#no-such-page')
    expect(await tv.focusedTexts()).toEqual(['Go to the guide'])
    await tv.screenshot('shell-not-found')
    await tv.press('ok')
    await tv.waitForRoute('guide')
  })
})
