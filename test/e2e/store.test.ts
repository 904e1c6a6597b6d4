import { openTv, qa, signIn, startTestSimulator, TestSimulator, Tv } from './harness'

jest.setTimeout(240_000)

/**
 * The store against the simulator's demo data, driven by the remote keys: anna owns
 * nPVR 100 h (bought 10 days ago, RequiredDays 30, incompatible with nPVR 50 h and the home
 * recorder), a start-over licence ending in 5 days, a SUSPENDED cinema pack; product 30's orders
 * end in ORDER_ERROR; her PIN is 1234.
 */
describe('the store in Chromium', () => {
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
  const typeDigits = async (t: Tv, digits: string): Promise<void> => {
    for (const d of digits) {
      await t.page.keyboard.press(d)
      await t.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    }
  }
  const simNow = async (): Promise<number> =>
    ((await (await fetch(`${sim.url}qa/clock`)).json()) as { now: number }).now
  const waitForTextMatching = async (t: Tv, pattern: RegExp): Promise<string> => {
    const handle = await t.page.waitForFunction(
      (source) => {
        const re = new RegExp(source)
        const texts = (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal.screenTexts()
        return texts.find((x) => re.test(x)) ?? false
      },
      pattern.source,
      { timeout: 20_000 },
    )
    return (await handle.jsonValue()) as string
  }

  it('signed out: shows the rails with the premium mark, and buying asks to sign in first', async () => {
    tv = await openTv(sim.url, 'store')
    await tv.waitForText('Channel packs')
    await tv.waitForText('Sport channels megapack')
    const texts = await tv.screenTexts()
    expect(texts).toEqual(
      expect.arrayContaining(['Single channels', 'Service add-ons', 'PREMIUM', 'Sign in']),
    )
    expect(texts).toContain('Sign in to buy. You can look around first.')
    await tv.screenshot('store-signed-out')
    // Down to the first pack, OK opens its page; its action is to sign in, not to buy.
    await tv.press('down', 'ok')
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: { route(): string } }).__kanal.route().startsWith('store/product/'),
    )
    await tv.waitForText('Sign in')
    expect(await tv.focusedTexts()).toEqual(['Sign in'])
    expect(await tv.screenTexts()).not.toContain('Buy')
  })

  it('anna: an incompatible subscription is not offered, an upgrade before RequiredDays shows its date', async () => {
    tv = await openTv(sim.url)
    await signIn(tv, 'anna', 'anna')
    await go(tv, 'store')
    await tv.waitForText('nPVR 200 hours')
    const upgrade = await waitForTextMatching(tv, /^Upgrade from /)
    const texts = await tv.screenTexts()
    // nPVR 50 h and the home recorder exclude the nPVR 100 h she owns; Multiroom is no longer sold.
    expect(texts).not.toContain('nPVR 50 hours')
    expect(texts).not.toContain('rPVR home recorder')
    expect(texts).not.toContain('Multiroom')
    expect(texts).toContain('nPVR 100 hours')
    // Bought 10 days ago with RequiredDays 30: the upgrade is possible 20 days from now.
    const expected = new Intl.DateTimeFormat('en', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }).format(((await simNow()) + 20 * 86400) * 1000)
    expect(upgrade).toBe(`Upgrade from ${expected}`)
    await tv.press('down', 'down', 'down', 'down')
    await tv.screenshot('store-anna')
    await go(tv, 'store/service/13')
    const page = await waitForTextMatching(tv, /^This upgrade is possible from /)
    expect(page).toContain(expected)
    expect(await tv.screenTexts()).not.toContain('Buy')
  })

  it('anna: My products shows dates, the licence about to expire with its warning, and what SUSPENDED means', async () => {
    tv = await openTv(sim.url)
    await signIn(tv, 'anna', 'anna')
    await go(tv, 'store/mine')
    await tv.waitForText('Ends in 5 days')
    const texts = await tv.screenTexts()
    expect(texts).toEqual(expect.arrayContaining(['Start-over', 'Cinema pack', 'Suspended', 'Active']))
    expect(texts).toContain('Paused, usually for an unpaid bill. Pay it and it comes back on its own.')
    expect(texts.some((x) => /^From .+ to .+$/.test(x))).toBe(true)
    expect(texts.some((x) => /^Since .+, no end date$/.test(x))).toBe(true)
    // The filter by status: only the expired one.
    await tv.press('right', 'right', 'ok')
    await tv.waitForText('Sport channels megapack')
    expect(await tv.screenTexts()).not.toContain('Start-over')
    await tv.press('left', 'left', 'ok')
    await tv.waitForText('Start-over')
    await tv.screenshot('store-my-products')
  })

  it('anna: an ORDER_ERROR purchase shows progress and then says so; My products explains it', async () => {
    tv = await openTv(sim.url)
    await signIn(tv, 'anna', 'anna')
    await go(tv, 'store/product/30')
    await tv.waitForText('World Cup pass')
    await tv.waitForText('Buy')
    expect(await tv.focusedTexts()).toEqual(['Buy'])
    await tv.press('ok')
    await tv.waitForText('Enter your purchase PIN')
    await typeDigits(tv, '12')
    const shown = (await tv.screenTexts()).join(' ')
    expect(shown).not.toMatch(/\b12\b/)
    expect((await tv.screenTexts()).filter((x) => x === '●')).toHaveLength(2)
    await tv.screenshot('store-pin-dialog')
    await typeDigits(tv, '34')
    await tv.waitForText('Confirming your order…')
    await tv.screenshot('store-purchase-processing')
    await tv.waitForText('The order failed')
    expect((await tv.screenTexts()).join(' ')).toContain('(ORDER_ERROR). Nothing was charged.')
    await tv.screenshot('store-order-error')
    await tv.press('right', 'ok')
    await tv.waitForRoute('store/mine')
    await tv.waitForText('Order failed')
    await tv.waitForText(
      'The order failed and nothing was charged. Buy it again, or call customer service if it fails again.',
    )
    await tv.waitForText('Paused, usually for an unpaid bill. Pay it and it comes back on its own.')
    await tv.screenshot('store-my-products-attention')
  })

  it('anna: buys a channel pack with the PIN and owns it at once, without a restart', async () => {
    tv = await openTv(sim.url)
    await signIn(tv, 'anna', 'anna')
    await go(tv, 'store/product/5')
    await tv.waitForText('Kids pack')
    await tv.waitForText('Buy')
    // Kanal Toons (48) is beyond her base pack: it is what the pack adds.
    await tv.waitForText('Kanal Toons')
    const yoursBefore = (await tv.screenTexts()).filter((x) => x === 'Already yours').length
    await tv.screenshot('store-product-page')
    await tv.press('ok')
    await tv.waitForText('Enter your purchase PIN')
    await typeDigits(tv, '1234')
    await tv.waitForText('It is yours')
    await tv.screenshot('store-purchase-done')
    await tv.press('ok')
    await waitForTextMatching(tv, /^You have this until /)
    // The rights were fetched again after the purchase: the channels it adds are unlocked now.
    await tv.page.waitForFunction(
      (before) =>
        (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal
          .screenTexts()
          .filter((x) => x === 'Already yours').length > before,
      yoursBefore,
    )
    await go(tv, 'store/mine')
    await tv.waitForText('Kids pack')
    // The guide follows the new rights: 48 Kanal Toons, in the Kids pack, is no longer locked.
    await go(tv, 'guide')
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: { focusPath(): string[] } }).__kanal.focusPath().includes('Grid'),
    )
    await tv.page.keyboard.press('4')
    await tv.page.keyboard.press('8')
    await tv.page.waitForFunction(
      () => {
        const f = (
          window as unknown as { __kanalGuide: { focus(): { channel: number; locked: boolean } | null } }
        ).__kanalGuide.focus()
        return f?.channel === 48 && !f.locked
      },
      undefined,
      { timeout: 15_000 },
    )
    await tv.screenshot('store-guide-unlocked')
  })

  it('anna: a locked channel in the guide leads to the store, to a product that grants it', async () => {
    tv = await openTv(sim.url)
    await signIn(tv, 'anna', 'anna')
    await go(tv, 'guide')
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: { focusPath(): string[] } }).__kanal.focusPath().includes('Grid'),
    )
    // Channel 50 (Polar Music) is in the Music pack, which she does not own.
    await tv.page.keyboard.press('5')
    await tv.page.keyboard.press('0')
    await tv.page.waitForFunction(
      () => {
        const f = (
          window as unknown as { __kanalGuide: { focus(): { channel: number; locked: boolean } | null } }
        ).__kanalGuide.focus()
        return f?.channel === 50 && f.locked
      },
      undefined,
      { timeout: 15_000 },
    )
    await tv.press('ok')
    // OK on a programme opens its details (with "Get this channel"); on a slot whose programmes
    // have not arrived yet it goes straight to the store. Either way it must end in the store.
    await tv.page.waitForFunction(() =>
      /^(programme|store\/(channel|product))\//.test(
        (window as unknown as { __kanal: { route(): string } }).__kanal.route(),
      ),
    )
    const opened = await tv.page.evaluate(() =>
      (window as unknown as { __kanal: { route(): string } }).__kanal.route(),
    )
    if (opened.startsWith('programme/')) {
      await tv.waitForText('Get this channel')
      for (let i = 0; i < 6 && !(await tv.focusedTexts()).includes('Get this channel'); i += 1)
        await tv.press('right')
      expect(await tv.focusedTexts()).toEqual(['Get this channel'])
      await tv.press('ok')
    }
    await tv.page.waitForFunction(() =>
      /^store\/(channel|product)\//.test(
        (window as unknown as { __kanal: { route(): string } }).__kanal.route(),
      ),
    )
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: { pageReady(): boolean } }).__kanal.pageReady(),
    )
    await tv.screenshot('store-from-locked-channel')
  })

  it('anna: wrong PINs say the tries left, then lock purchases for a while', async () => {
    tv = await openTv(sim.url)
    await signIn(tv, 'anna', 'anna')
    await go(tv, 'store/product/7')
    await tv.waitForText('Music pack')
    await tv.waitForText('Buy')
    await tv.press('ok')
    await tv.waitForText('Enter your purchase PIN')
    await typeDigits(tv, '0000')
    await tv.waitForText('Wrong PIN. 2 tries left before purchases are locked for a while.')
    await typeDigits(tv, '0000')
    await tv.waitForText('Wrong PIN. One try left: another wrong PIN locks purchases for a while.')
    await typeDigits(tv, '0000')
    const locked = await waitForTextMatching(tv, /^Too many wrong PINs\. Purchases are locked until /)
    expect(locked).toMatch(/\(\d+ s\)/)
    await tv.screenshot('store-pin-locked')
    // Closing and buying again during the lock shows the lock without asking for the PIN.
    await tv.press('ok')
    await tv.waitForText('Buy')
    await tv.press('ok')
    await waitForTextMatching(tv, /^Too many wrong PINs/)
    expect(await tv.screenTexts()).not.toContain('●')
    await tv.press('back')
    // After the lock (1 minute on the operator's clock) the right PIN buys.
    await qa(sim.url, 'clock', { advance: 120 })
    // The app learns the operator's new time from its next answer: open the page again.
    const answered = tv.nextAnswer()
    await go(tv, 'store')
    await go(tv, 'store/product/7')
    await tv.waitForText('Buy')
    await answered
    await tv.press('ok')
    await tv.waitForText('Enter your purchase PIN')
    await typeDigits(tv, '1234')
    // The order goes on while the viewer looks at My products: PROCESSING, then ACTIVE.
    await tv.waitForText('Confirming your order…')
    await tv.press('ok')
    await go(tv, 'store/mine')
    await tv.waitForText('Processing')
    await tv.waitForText(
      'Being confirmed by the operator: it becomes active in a few seconds, nothing to do.',
    )
    await tv.screenshot('store-my-products-processing')
    await tv.page.waitForFunction(
      () =>
        !(window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal
          .screenTexts()
          .includes('Processing'),
      undefined,
      { timeout: 30_000 },
    )
    // Active now, it sorts among the active licences by end date: below the first screenful.
    // Five active licences and anna's two subscriptions (document 001), which count as active.
    await tv.waitForText('Active (7)')
    for (let i = 0; i < 8 && !(await tv.screenTexts()).includes('Music pack'); i++) {
      await tv.press('down')
      await tv.page.waitForFunction(() =>
        (window as unknown as { __kanal: { pageReady(): boolean } }).__kanal.pageReady(),
      )
    }
    expect(await tv.screenTexts()).toContain('Music pack')
  })
})
