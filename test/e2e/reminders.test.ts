import fs from 'node:fs'
import path from 'node:path'
import { openTv, qa, reloadTv, signIn, startTestSimulator, type TestSimulator, type Tv } from './harness'

/**
 * Reminders in Chromium: "Remind me" on a programme's details, kept across a restart, told at the
 * programme's start by the operator clock (QA moves it), Watch tunes the channel; one whose
 * start passed while the box was off is told once as missed. The app asks the operator about a
 * reminded programme every 2 s within the day before it (settings), so a clock jump shows within
 * seconds: a box learns the operator's time only from its answers, and the next programme on a
 * channel may be hours away at night.
 */
type Json = Record<string, unknown>
interface Programme {
  ID: string
  ChannelID: string
  Title: string
  Start: number
  End: number
}

jest.setTimeout(120_000)

/** Where the screenshots are copied too, when set (they are in test-results/ anyway). */
const SHOTS = process.env.SHOTS_DIR

describe('reminders in Chromium', () => {
  let sim: TestSimulator
  let tv: Tv
  let token = ''

  const call = async (method: string, body: Json = {}): Promise<Json> => {
    const res = await fetch(`${sim.url}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    })
    const out = (await res.json()) as { StatusCode: number; Content: Json }
    if (out.StatusCode !== 0) throw new Error(`${method}: ${JSON.stringify(out)}`)
    return out.Content
  }
  const now = async (): Promise<number> => {
    const res = await fetch(`${sim.url}qa/clock`)
    return ((await res.json()) as { now: number }).now
  }
  /** The next programmes on a channel that start after `after`, soonest first. */
  const upcoming = async (channel: string, after: number): Promise<Programme[]> => {
    const g = (await call('GetGuide', { ChannelIDs: [channel], Start: after, End: after + 4 * 3600 })) as {
      Channels: { Programmes: Programme[] }[]
    }
    return (g.Channels[0]?.Programmes ?? []).filter((p) => p.Start > after)
  }
  const shot = async (name: string): Promise<void> => {
    const file = await tv.screenshot(name)
    if (SHOTS === undefined) return
    fs.mkdirSync(SHOTS, { recursive: true })
    fs.copyFileSync(file, path.join(SHOTS, `${name}.png`))
  }
  const go = async (hash: string): Promise<void> => {
    await tv.page.evaluate((h) => {
      window.location.hash = h
    }, hash)
    await tv.waitForRoute(hash)
  }
  /** Right along the details page's buttons until `label` has the focus. */
  const focusButton = async (label: string): Promise<void> => {
    for (let i = 0; i < 8 && !(await tv.focusedTexts()).includes(label); i++) await tv.press('right')
    expect(await tv.focusedTexts()).toContain(label)
  }
  const remind = async (p: Programme): Promise<void> => {
    await go(`programme/${p.ID}`)
    await tv.waitForText(p.Title)
    await tv.waitForText('Remind me')
    await focusButton('Remind me')
    await tv.press('ok')
    await tv.waitForText('Cancel reminder')
    // The button follows the list at once; the toast comes once the box has kept it.
    await tv.page.waitForFunction(() =>
      /^Reminder set for \d\d:\d\d$/.test(
        (window as unknown as { __kanal: { toast(): string } }).__kanal.toast(),
      ),
    )
  }

  beforeAll(async () => {
    sim = await startTestSimulator({
      reminderNoticeSeconds: 30,
      reminderCheckAheadSeconds: 86_400,
      reminderCheckEverySeconds: 2,
    })
    const res = await fetch(`${sim.url}api/Login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'anna', password: 'anna', deviceId: 'e2e-helper' }),
    })
    token = ((await res.json()) as { Content: { token: string } }).Content.token
    tv = await openTv(sim.url)
    await signIn(tv, 'anna', 'anna')
  })
  afterAll(async () => {
    await tv?.close()
    await sim?.close()
  })
  afterEach(() => {
    expect(tv.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
  })

  it('fires at the start by the operator clock, with Watch focused; Watch tunes the channel', async () => {
    const [first] = await upcoming('ch1', await now())
    if (!first) throw new Error('no programme to come on ch1')
    await remind(first)
    expect(await tv.screenTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Reminder set')]))
    // Back in the guide, then the operator's clock reaches the start.
    await go('guide')
    await qa(sim.url, 'clock', { set: first.Start })
    await tv.waitForText(`${first.Title} starts now on Kanal 1`)
    expect(await tv.focusedTexts()).toEqual(['Watch'])
    await shot('reminder-notice-1080')
    await tv.press('ok')
    await tv.waitForRoute('play/live/ch1')
    expect((await tv.screenTexts()).join(' ')).not.toContain('starts now')
  })

  it('survives a restart, listed in Account > Reminders; one missed while off is told once', async () => {
    await tv.press('back')
    const at = await now()
    const [missed] = await upcoming('ch3', at + 60)
    if (!missed) throw new Error('no programme to come on ch3')
    // Switched off 5 minutes into `missed`; `later` starts after that.
    const missedAt = missed.Start + 300
    const [later] = await upcoming('ch2', missedAt + 60)
    if (!later || missedAt >= missed.End) throw new Error('the programmes do not fit this test')
    await remind(later)
    await remind(missed)

    // The box restarts at 1280x720, on the same browser storage.
    await tv.page.setViewportSize({ width: 1280, height: 720 })
    await reloadTv(tv, 'account/reminders')
    await tv.waitForText(later.Title)
    await tv.waitForText(missed.Title)
    expect(await tv.screenTexts()).toContain('Reminders')
    await shot('reminders-account-720')

    // Switched off until after one of them began: told once it starts again, as missed.
    await tv.page.goto('about:blank')
    await qa(sim.url, 'clock', { set: missedAt })
    await tv.page.goto(`${sim.url}#guide`)
    await tv.page.waitForFunction(() => (window as unknown as { __kanal?: unknown }).__kanal !== undefined)
    const hh = (s: number) =>
      new Date(s * 1000).toLocaleTimeString('en', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    await tv.waitForText(`You missed ${missed.Title} on Kanal News at ${hh(missed.Start)}`)
    // Still on: Watch is offered, and focused.
    expect(await tv.focusedTexts()).toEqual(['Watch'])
    await tv.press('right', 'ok')
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal
        .screenTexts()
        .every((t) => !t.startsWith('You missed')),
    )

    // The other one fires at its time, over the guide, at 720p too.
    await qa(sim.url, 'clock', { set: later.Start })
    await tv.waitForText(`${later.Title} starts now on Kanal 2`)
    await shot('reminder-notice-720')
    await tv.press('back')
    await go('account/reminders')
    await tv.waitForText('No reminders. Choose "Remind me" on a programme that has not started yet.')
  })
})
