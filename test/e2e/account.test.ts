import path from 'node:path'
import Database from 'better-sqlite3'
import { apiCalls, clearApiCalls, openTv, qa, signIn, startTestSimulator, TestSimulator, Tv } from './harness'

jest.setTimeout(240_000)

/**
 * The account screen against the simulator, driven by the remote: recording settings
 * sent with steppers and followed by the recordings quota, limits that cannot be crossed, the
 * operator's refusal next to the setting, the history paging in with an event made by
 * "another device", and a TV removed from the account signed out with an explanation.
 * The e2e settings turn off the poller's collapse window: opening a screen checks at once.
 */

describe('the account screen in Chromium', () => {
  let sim: TestSimulator
  let tv: Tv | undefined
  beforeAll(async () => {
    sim = await startTestSimulator()
  })
  afterAll(async () => {
    await sim.close()
  })
  afterEach(async () => {
    if (tv) expect(tv.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
    await tv?.close()
    tv = undefined
  })

  const db = <T>(sql: string, ...params: unknown[]): T[] => {
    const conn = new Database(path.join(sim.dir, 'kanal.sqlite'), { readonly: true })
    try {
      return conn.prepare(sql).all(...params) as T[]
    } finally {
      conn.close()
    }
  }
  const go = async (t: Tv, hash: string): Promise<void> => {
    await t.page.evaluate((h) => (location.hash = `#${h}`), hash)
    await t.waitForRoute(hash)
  }
  const texts = (t: Tv): Promise<string[]> => t.screenTexts()
  const waitForPart = async (t: Tv, part: string): Promise<string> => {
    await t.page.waitForFunction(
      (s) =>
        (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal
          .screenTexts()
          .some((x) => x.includes(s)),
      part,
      { timeout: 15000 },
    )
    return (await texts(t)).find((x) => x.includes(part)) ?? ''
  }
  const waitForToast = async (t: Tv, part: string): Promise<void> => {
    await t.page.waitForFunction(
      (s) => (window as unknown as { __kanal: { toast(): string } }).__kanal.toast().includes(s),
      part,
      { timeout: 15000 },
    )
  }
  const openAccountAs = async (user: string): Promise<Tv> => {
    const t = await openTv(sim.url)
    await signIn(t, user, user)
    await go(t, 'account')
    await t.waitForText('Cloud recording')
    return t
  }
  /** From the tabs: Down into the section, then Down until the focused row shows `label`. */
  const focusRow = async (t: Tv, label: string): Promise<void> => {
    await t.press('down')
    for (let i = 0; i < 6; i++) {
      if ((await t.focusedTexts()).includes(label)) return
      await t.press('down')
    }
    throw new Error(`no row ${label}; focused: ${(await t.focusedTexts()).join(' | ')}`)
  }
  const subscriptionPosts = async (): Promise<number> =>
    (await apiCalls(sim.url)).filter((p) => p.startsWith('iptv/subscription')).length

  it('changes the storage hours with the remote, and the recordings quota follows', async () => {
    tv = await openAccountAs('anna')
    await tv.waitForText('100 hours')
    await tv.screenshot('account-recording-en')
    await focusRow(tv, 'Storage')
    await tv.press('right')
    await tv.waitForText('110 hours')
    expect(await texts(tv)).toContain('Press OK to save this value, Back to undo it.')
    await tv.press('ok')
    await waitForToast(tv, 'Storage saved')
    const [customer] = db<{ npvr_storage: number }>("SELECT npvr_storage FROM customers WHERE id = '5001'")
    expect(customer?.npvr_storage).toBe(110)

    await go(tv, 'recordings')
    const summary = await waitForPart(tv, 'free of 110 h')
    expect(summary).toMatch(/of 110 h$/)
    await tv.screenshot('account-quota-follows')
  })

  it('never sends a value beyond the limits, and says which limit was reached', async () => {
    await qa(sim.url, 'another-device', {
      userId: 'anna',
      action: 'changeSettings',
      settings: { nPvr: { override: true, storage: 995 } },
    })
    tv = await openAccountAs('anna')
    await tv.waitForText('995 hours')
    await focusRow(tv, 'Storage')
    await clearApiCalls(sim.url)
    await tv.press('right')
    await tv.waitForText('999 hours')
    await tv.press('right', 'right')
    await tv.waitForText('At most 999 hours: this is the highest value.')
    expect(await texts(tv)).toContain('999 hours')
    expect(await texts(tv)).not.toContain('1009 hours')
    await tv.screenshot('account-recording-limit')
    // Stepping sends nothing; only OK does, and only the value within the range.
    expect(await subscriptionPosts()).toBe(0)
    await tv.press('ok')
    await waitForToast(tv, 'Storage saved')
    const [customer] = db<{ npvr_storage: number }>("SELECT npvr_storage FROM customers WHERE id = '5001'")
    expect(customer?.npvr_storage).toBe(999)
  })

  it('shows the operator refusing cloud recording next to the setting (ben has no nPVR)', async () => {
    tv = await openAccountAs('ben')
    await tv.waitForText('Off')
    await focusRow(tv, 'Cloud recording')
    await tv.press('ok')
    await tv.waitForText('Your provider decides this setting: it cannot be changed here.')
    // The refusal is on the row that was sent, and the value is what the operator still has.
    const row = await tv.focusedTexts()
    expect(row).toEqual(
      expect.arrayContaining([
        'Cloud recording',
        'Off',
        'Your provider decides this setting: it cannot be changed here.',
      ]),
    )
    await tv.screenshot('account-recording-refused')
  })

  it('pages the history in as the viewer scrolls, with an event made on another device', async () => {
    await qa(sim.url, 'another-device', {
      userId: 'anna',
      action: 'addDevice',
      deviceId: 'phone-42',
      deviceName: 'Anna’s phone',
      deviceModel: 'Pixel 8',
    })
    await qa(sim.url, 'another-device', {
      userId: 'anna',
      action: 'addIdentity',
      type: 'email',
      identity: 'anna.berg@example.com',
    })
    tv = await openAccountAs('anna')
    await clearApiCalls(sim.url)
    await tv.press('right', 'right', 'right')
    await tv.waitForText('Device “Anna’s phone” (Pixel 8) was added')
    // Masked: the first letter and the domain only.
    await waitForPart(tv, 'a••••••@example.com')
    const first = await waitForPart(tv, 'Newest first')
    const [, shown, total] = /(\d+) of (\d+)/.exec(first) ?? []
    expect(Number(shown)).toBe(10)
    expect(Number(total)).toBeGreaterThan(10)
    expect((await apiCalls(sim.url)).filter((p) => p === 'rpc')).toHaveLength(1)
    await tv.screenshot('account-history-en')

    await tv.press('down')
    for (let i = 0; i < 8; i++) await tv.press('down')
    await waitForPart(tv, `20 of ${total}`)
    expect((await apiCalls(sim.url)).filter((p) => p === 'rpc').length).toBe(2)
    await tv.screenshot('account-history-scrolled')
  })

  it('signs out a TV that was removed from the account on another device, and says why', async () => {
    tv = await openTv(sim.url)
    await signIn(tv, 'anna', 'anna')
    // Nothing in flight from before the removal: the next call is the one that finds out.
    await tv.quiet()
    const devices = db<{ device_id: string }>(
      "SELECT device_id FROM devices WHERE user_id = '1001' AND name = 'Kanal TV' ORDER BY added_at DESC, rowid DESC",
    )
    const mine = devices[0]?.device_id
    expect(mine).toBeDefined()
    await qa(sim.url, 'another-device', { userId: 'anna', action: 'removeDevice', deviceId: mine })
    // The next call to the operator finds out: the check of the stamps when recordings open.
    await tv.page.evaluate(() => (location.hash = '#recordings'))
    await tv.page.waitForFunction(
      () => (window as unknown as { __kanal: { route(): string } }).__kanal.route().startsWith('signedout/'),
      undefined,
      { timeout: 20000 },
    )
    await tv.waitForText('You have been signed out')
    await waitForPart(tv, 'removed from your account on another device')
    expect(await texts(tv)).toContain('Sign in')
    await tv.screenshot('account-signed-out-removed')
  })
})
