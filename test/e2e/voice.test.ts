import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import {
  openTv,
  REMOTE,
  RESULTS,
  ROOT,
  signIn,
  startTestSimulator,
  type TestSimulator,
  type Tv,
} from './harness'

jest.setTimeout(240_000)

/**
 * Voice guidance end to end: the browser's speechSynthesis is replaced, before the app loads,
 * by a recorder of its speak and cancel calls; voice guidance is on through settings.json. The
 * walk goes through the guide, the recordings (a list row, the action menu, a ConfirmDialog),
 * the store (a product page and the purchase PinDialog), the account's preferences, the
 * player's OSD and mini guide, and the exit dialog, in English and in Spanish, and reads what
 * was said. Fast presses must cancel and say only where they stop; the PIN typed is never said.
 */
type Translations = Record<string, Record<string, string>>
const translations = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'static', 'translations.json'), 'utf8'),
) as Translations
const tr = (lang: string, key: string, values: Record<string, string | number> = {}): string =>
  (translations[lang]?.[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''))
const ORDER = Object.keys(translations).filter((k) => k !== 'meta')
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

interface SpeechCall {
  kind: 'speak' | 'cancel'
  text?: string
  lang?: string
}

/** Replaces the browser's speechSynthesis, before the app's code runs, with a recorder. */
const installRecorder = async (page: Page): Promise<void> => {
  await page.addInitScript(() => {
    const calls: { kind: string; text?: string; lang?: string }[] = []
    class Utterance {
      lang = ''
      voice: unknown = null
      constructor(readonly text: string) {}
    }
    Object.defineProperty(window, '__speech', { value: calls, configurable: true })
    Object.defineProperty(window, 'SpeechSynthesisUtterance', {
      value: Utterance,
      configurable: true,
      writable: true,
    })
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        speak: (u: Utterance) => calls.push({ kind: 'speak', text: u.text, lang: u.lang }),
        cancel: () => calls.push({ kind: 'cancel' }),
        getVoices: () => [],
      },
    })
  })
}

const calls = (tv: Tv): Promise<SpeechCall[]> =>
  tv.page.evaluate(() => [...(window as unknown as { __speech: SpeechCall[] }).__speech])
const mark = async (tv: Tv): Promise<number> => (await calls(tv)).length
const spokenSince = async (tv: Tv, from: number): Promise<string[]> =>
  (await calls(tv))
    .slice(from)
    .filter((c) => c.kind === 'speak')
    .map((c) => c.text ?? '')

/** Waits until something said since `from` matches `pattern`, and returns it. */
const heard = async (tv: Tv, from: number, pattern: RegExp): Promise<string> => {
  const handle = await tv.page
    .waitForFunction(
      ({ from, source, flags }) => {
        const re = new RegExp(source, flags)
        const calls = (window as unknown as { __speech: { kind: string; text?: string }[] }).__speech
        return calls.slice(from).find((c) => c.kind === 'speak' && re.test(c.text ?? ''))?.text ?? false
      },
      { from, source: pattern.source, flags: pattern.flags },
      { timeout: 30_000 },
    )
    .catch(async (e: unknown) => {
      const before = (await spokenSince(tv, 0)).slice(-6)
      throw new Error(
        `not said: ${String(pattern)}; said: ${JSON.stringify(await spokenSince(tv, from))}, before: ${JSON.stringify(before)}, focus: ${(await tv.focusPath()).join(' > ')}\n${String(e)}`,
      )
    })
  return (await handle.jsonValue()) as string
}

/** Presses a key until `pattern` is said (at most `times` presses); returns what was said. */
const pressUntil = async (
  tv: Tv,
  key: Parameters<Tv['press']>[0],
  pattern: RegExp,
  times = 8,
): Promise<string> => {
  for (let i = 0; i < times; i++) {
    const from = await mark(tv)
    await tv.press(key)
    const said = await heard(tv, from, /./)
    if (pattern.test(said)) return said
  }
  throw new Error(`pressing ${key} ${times} times never said ${String(pattern)}`)
}

const go = async (tv: Tv, hash: string): Promise<number> => {
  const from = await mark(tv)
  await tv.page.evaluate((h) => (location.hash = `#${h}`), hash)
  await tv.waitForRoute(hash)
  return from
}

describe('voice guidance', () => {
  let sim: TestSimulator
  beforeAll(async () => {
    sim = await startTestSimulator({ voiceGuidance: true, voiceGuidanceDelayMs: 250 })
  })
  afterAll(async () => {
    await sim?.close()
  })

  it('says every screen and dialog in English; fast presses cancel; the PIN is never said', async () => {
    const tv = await openTv(sim.url, 'guide', { beforeLoad: installRecorder })
    try {
      await signIn(tv, 'anna', 'anna')
      await tv.waitForRoute('guide')

      // The guide: channel, title, times, on now, what the package allows.
      let from = await go(tv, 'recordings')
      await heard(tv, from, /^Recordings, /)
      from = await go(tv, 'guide')
      await heard(tv, from, /^Guide, Kanal 1, /)
      // The title goes with the first words; the programme may still be loading then.
      const cell = await heard(tv, from, /(^Guide, |^)Kanal 1, [^,]+, \d\d:\d\d to \d\d:\d\d, on now(, .+)?$/)
      const [title] = await tv.focusedTexts()
      expect(cell).toContain(`Kanal 1, ${title ?? '?'}, `)

      // Four Down presses in one go (a held key, Kanal 1 to channel 5): one cancel, only the last focus said.
      from = await mark(tv)
      await tv.page.evaluate((code) => {
        for (let i = 0; i < 4; i++) {
          const e = new KeyboardEvent('keydown', { key: 'ArrowDown' })
          Object.defineProperty(e, 'keyCode', { get: () => code })
          window.dispatchEvent(e)
        }
      }, 40)
      const landed = await heard(tv, from, /^Kanal Cinema, /)
      // Info says it again at once, with the detail (the channel number, the description).
      await tv.page.keyboard.press(REMOTE.info)
      const repeated = await heard(tv, from, new RegExp(`^${escape(landed)}\\. channel 5, `))
      const since = (await calls(tv)).slice(from)
      expect(since.filter((c) => c.kind === 'speak').map((c) => c.text)).toEqual([landed, repeated])
      expect(since[0]).toEqual({ kind: 'cancel' })

      // Recordings: "Recorded, The Village, 3 of 40"; the action menu; the delete ConfirmDialog.
      from = await go(tv, 'recordings')
      await heard(tv, from, /^Recordings, /)
      const row = await pressUntil(tv, 'down', /^Recorded, [^,]+, \d+ of \d+$/)
      const recording = /^Recorded, ([^,]+),/.exec(row)?.[1] ?? ''
      from = await mark(tv)
      await tv.press('ok')
      const menu = await heard(tv, from, /, Play$/)
      expect(menu).toContain(recording)
      await pressUntil(tv, 'down', /^Delete$/, 4)
      from = await mark(tv)
      await tv.press('ok')
      await heard(
        tv,
        from,
        new RegExp(
          `^${escape(tr('en', 'recordings.confirm.delete.title', { title: recording }))}, .+, [^,]+$`,
        ),
      )
      await tv.press('back')

      // The store and a product page; its purchase PinDialog says counts, never digits.
      from = await go(tv, 'store')
      await heard(tv, from, /^Store, /)
      await pressUntil(tv, 'down', /, 1 of \d+$/, 4)
      await pressUntil(tv, 'right', /, 2 of \d+$/, 1)
      from = await mark(tv)
      await tv.press('ok')
      await heard(tv, from, /, Buy$/)
      from = await mark(tv)
      await tv.press('ok')
      await heard(tv, from, /^Enter your purchase PIN, To buy .+, 0 of 4 digits entered, Cancel$/)
      const pinFrom = from
      await tv.page.keyboard.press('9')
      await heard(tv, from, /^1 of 4 digits entered$/)
      await tv.page.keyboard.press('8')
      await heard(tv, from, /^2 of 4 digits entered$/)
      await tv.press('back')
      await heard(tv, from, /^1 of 4 digits entered$/)
      const duringPin = await spokenSince(tv, pinFrom)
      expect(duringPin.join(' | ')).not.toMatch(/[98]/)
      await tv.press('back', 'back')

      // Account: tabs, then Preferences' rows with their values.
      from = await go(tv, 'account')
      await heard(tv, from, /^Account, Recording/)
      await pressUntil(tv, 'right', /^Preferences$/, 5)
      await pressUntil(tv, 'down', /^Voice guidance, On$/, 4)
      await tv.screenshot('voice-preferences-1080')
      // The rows below (audio, subtitles, the PIN, parental control, then Sign out) scroll under
      // the tabs: the last one comes into view.
      await pressUntil(tv, 'down', new RegExp(`^${tr('en', 'account.prefs.signOut')}, `), 5)
      await tv.screenshot('voice-preferences-signout-1080')

      // The player's OSD (channel, programme, LIVE, position) and its mini guide.
      from = await go(tv, 'play/live/ch1')
      await heard(tv, from, /^1 Kanal 1, [^,]+, LIVE, at \d\d:\d\d$/)
      from = await mark(tv)
      await tv.press('up')
      await heard(tv, from, /^Channels, 1 Kanal 1/)
      await tv.press('back')

      // Back on the guide: the exit dialog (a ConfirmDialog) and its focused button.
      from = await go(tv, 'guide')
      await heard(tv, from, /^Guide, /)
      from = await mark(tv)
      await tv.press('back')
      await heard(tv, from, /^Leave Kanal\?, You can come back at any time\., Stay$/)

      const all = (await calls(tv)).filter((c) => c.kind === 'speak')
      expect(new Set(all.map((c) => c.lang))).toEqual(new Set(['en']))
      // What was said, for a reader of test-results/ (the PIN is not in it: asserted above).
      fs.mkdirSync(RESULTS, { recursive: true })
      fs.writeFileSync(path.join(RESULTS, 'voice-en.txt'), `${all.map((c) => c.text).join('\n')}\n`)
      expect(tv.errors).toEqual([])
    } finally {
      await tv.close()
    }
  })

  it('says them in Spanish once the viewer switches the language', async () => {
    const tv = await openTv(sim.url, 'guide', { beforeLoad: installRecorder })
    try {
      await signIn(tv, 'anna', 'anna')
      await go(tv, 'account')
      await pressUntil(tv, 'right', /^Preferences$/, 5)
      await pressUntil(tv, 'down', /^Language, English$/, 2)
      for (let i = 0; i < ORDER.indexOf('es') - ORDER.indexOf('en'); i++) await tv.press('right')
      const reloaded = tv.page.waitForEvent('load', { timeout: 30_000 })
      // Not tv.press: the app restarts in the new language under it.
      await tv.page.keyboard.press('Enter')
      await reloaded
      await tv.page.waitForFunction(() => (window as unknown as { __kanal?: unknown }).__kanal !== undefined)

      let from = await go(tv, 'guide')
      await heard(tv, from, new RegExp(`^${tr('es', 'guide.title')}, Kanal 1, `))
      // The title goes with the first words; the programme may still be loading then.
      await heard(
        tv,
        from,
        new RegExp(`Kanal 1, [^,]+, de \\d\\d:\\d\\d a \\d\\d:\\d\\d, ${tr('es', 'voice.guide.onNow')}`),
      )

      from = await go(tv, 'recordings')
      await heard(tv, from, new RegExp(`^${tr('es', 'recordings.title')}, `))
      await pressUntil(
        tv,
        'down',
        new RegExp(
          `^${tr('es', 'recordings.state.finished')}, [^,]+(, ${tr('es', 'recordings.protected')})?, \\d+ de \\d+$`,
        ),
      )

      from = await go(tv, 'store')
      await heard(tv, from, new RegExp(`^${tr('es', 'store.title')}, `))
      await pressUntil(tv, 'down', /, 1 de \d+$/, 4)
      await pressUntil(tv, 'right', /, 2 de \d+$/, 1)
      from = await mark(tv)
      await tv.press('ok')
      await heard(tv, from, new RegExp(`, ${tr('es', 'store.action.buy')}$`))
      from = await mark(tv)
      await tv.press('ok')
      await heard(tv, from, new RegExp(`^${escape(tr('es', 'store.pin.title'))}, `))
      await tv.page.keyboard.press('7')
      await heard(tv, from, new RegExp(`^${escape(tr('es', 'voice.pin.entered', { count: 1, total: 4 }))}$`))
      expect((await spokenSince(tv, from)).join(' | ')).not.toMatch(/7/)
      await tv.press('back', 'back')

      from = await go(tv, 'play/live/ch1')
      await heard(
        tv,
        from,
        new RegExp(`^1 Kanal 1, [^,]+, ${escape(tr('es', 'player.osd.live'))}, en \\d\\d:\\d\\d$`),
      )

      const all = (await calls(tv)).filter((c) => c.kind === 'speak')
      expect(new Set(all.map((c) => c.lang))).toEqual(new Set(['es']))
      expect(tv.errors).toEqual([])
    } finally {
      await tv.close()
    }
  })
})
