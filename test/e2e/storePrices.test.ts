import { openTv, signIn, startTestSimulator, type TestSimulator, type Tv } from './harness'

jest.setTimeout(240_000)

/**
 * What a pack costs before the PIN (the simulator's price beside document 003's attributes),
 * bought subscriptions in My products with how to cancel, and the account coming back to
 * Preferences after a language change, with its tab still marked.
 */
describe('prices, My products and the account’s preferences in Chromium', () => {
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

  const go = async (t: Tv, hash: string): Promise<void> => {
    await t.page.evaluate((h) => (location.hash = `#${h}`), hash)
    await t.waitForRoute(hash)
  }
  const anna = async (): Promise<Tv> => {
    const t = await openTv(sim.url)
    await signIn(t, 'anna', 'anna')
    return t
  }

  it('shows the price and billing period on the tiles, the product page and in the PIN dialog', async () => {
    tv = await anna()
    await go(tv, 'store')
    await tv.waitForText('€69.00/month')
    expect(await tv.screenTexts()).toContain('€49.00 once')
    await tv.screenshot('store-prices')
    await go(tv, 'store/product/3')
    await tv.waitForText('Channel pack · 15 channels · €25.00/month')
    expect(await tv.focusedTexts()).toEqual(['Buy'])
    await tv.press('ok')
    await tv.waitForText(
      'To buy Sport channels megapack for €25.00 a month, type the four digits with the remote.',
    )
    await tv.screenshot('store-pin-price')
  })

  it('lists a bought subscription in My products and says how to cancel it', async () => {
    tv = await anna()
    await go(tv, 'store/mine')
    await tv.waitForText('Cinema pack')
    // After the licences: down the list until the subscription is on screen.
    await tv.press('down')
    for (let i = 0; i < 10 && !(await tv.screenTexts()).includes('nPVR 100 hours'); i++)
      await tv.press('down')
    await tv.waitForText('nPVR 100 hours')
    const texts = await tv.screenTexts()
    expect(texts.some((s) => s.startsWith('Subscription bought on '))).toBe(true)
    expect(texts).toContain('To cancel, contact your operator.')
    await tv.screenshot('store-mine-subscription')
  })

  it('comes back to Preferences after a language change', async () => {
    tv = await anna()
    await go(tv, 'account')
    await tv.press('right', 'right', 'right', 'right', 'down')
    expect(await tv.focusPath()).toContain('Preferences')
    const reloaded = tv.page.waitForEvent('load', { timeout: 30000 })
    // Right to the next language (Español), OK: the app restarts in it. Not tv.press: the
    // page reloads under it.
    await tv.page.keyboard.press('ArrowRight')
    await tv.page.keyboard.press('Enter')
    await reloaded
    await tv.page.waitForFunction(
      () => {
        const k = (window as unknown as { __kanal?: { route(): string; focusPath(): string[] } }).__kanal
        return k !== undefined && k.route() === 'account/preferences' && k.focusPath().includes('Preferences')
      },
      undefined,
      { timeout: 30000 },
    )
    await tv.waitForText('Preferencias')
    await tv.screenshot('account-preferences-after-language')
  })
})
