import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { openTv, ROOT, signIn, startTestSimulator, TestSimulator, Tv } from './harness'

jest.setTimeout(600_000)

/**
 * Every screen in Finnish: the language is switched the way a viewer does
 * (Account > Preferences > Language, OK: the app restarts in it), then each screen is visited
 * and every text on it is read from the Lightning tree (window.__kanal.screenTexts). A text
 * fails when it is a translation key (src/ui/i18n.ts shows a missing key as the key itself) or
 * when it is still the English string of a key that has a different translation.
 *
 * One language is the smoke test of the switch and of the screens (a text hard-coded in English
 * shows in any language); that every language has every key, no empty text and the same
 * placeholders is test/unit/ui/translations.test.ts's business, for all of them and every key.
 *
 * SCREENS is the list to extend when a screen arrives: a name, how to get there, and what to
 * do on it (open a section, a dialog) before reading.
 */
type Translations = Record<string, Record<string, string>>
const translations = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'static', 'translations.json'), 'utf8'),
) as Translations
const en = translations.en ?? {}
const LANGUAGES = ['fi'] as const
/** Right presses on the language row from English: the order of static/translations.json. */
const ORDER = Object.keys(translations).filter((k) => k !== 'meta')

interface Screen {
  name: string
  hash: (ctx: Context) => string
  /** Keys pressed once the screen is shown (e.g. to open a section or a dialog). */
  keys?: Parameters<Tv['press']>
  /** Keys that undo `keys`, so that nothing stays open for the next screen. */
  after?: Parameters<Tv['press']>
  screenshot?: boolean
}

interface Context {
  programmeId: string
  /** The operator's own words (product and service titles): data, not the app's strings. */
  data: ReadonlySet<string>
}

const accountSection = (index: number, name: string): Screen => ({
  name: `account ${name}`,
  hash: () => 'account',
  keys: Array.from({ length: index }, () => 'right' as const),
  screenshot: true,
})

export const SCREENS: Screen[] = [
  { name: 'guide', hash: () => 'guide' },
  { name: 'programme details', hash: (c) => `programme/${c.programmeId}` },
  { name: 'recordings', hash: () => 'recordings' },
  { name: 'store', hash: () => 'store' },
  { name: 'product', hash: () => 'store/product/1' },
  { name: 'my products', hash: () => 'store/mine' },
  accountSection(0, 'recording'),
  accountSection(1, 'playback'),
  accountSection(2, 'packages'),
  accountSection(3, 'history'),
  accountSection(4, 'preferences'),
  accountSection(5, 'reminders'),
  { name: 'search', hash: () => 'search' },
  {
    name: 'PIN change dialog',
    hash: () => 'account',
    // Preferences: language, poll period, voice guidance, then the PIN.
    keys: ['right', 'right', 'right', 'right', 'down', 'down', 'down', 'down', 'ok'],
    after: ['back'],
    screenshot: true,
  },
  { name: 'signed out', hash: () => 'signedout/device-removed' },
  { name: 'player OSD', hash: () => 'play/live/ch1', keys: ['ok'], after: ['back', 'back'] },
  { name: 'sign-in', hash: () => 'signin', after: ['back'] },
  { name: 'not found', hash: () => 'no/such/page' },
]

/** What is wrong with the texts of one screen in `language`. */
export const untranslated = (
  texts: readonly string[],
  language: string,
  data: ReadonlySet<string> = new Set(),
): string[] => {
  const target = translations[language] ?? {}
  const targetValues = new Set(Object.values(target))
  const englishOnly = new Map<string, string>()
  for (const [key, text] of Object.entries(en)) {
    if (target[key] !== undefined && target[key] !== text && !targetValues.has(text))
      englishOnly.set(text, key)
  }
  const out: string[] = []
  for (const text of texts) {
    if (en[text] !== undefined || /^[a-z]+(\.[A-Za-z0-9]+)+$/.test(text))
      out.push(`untranslated key "${text}"`)
    else if (englishOnly.has(text) && !data.has(text))
      out.push(`English "${text}" (${englishOnly.get(text) ?? ''})`)
  }
  return out
}

describe('every screen translated', () => {
  let sim: TestSimulator
  let tv: Tv
  let ctx: Context
  beforeAll(async () => {
    sim = await startTestSimulator()
    const conn = new Database(path.join(sim.dir, 'kanal.sqlite'), { readonly: true })
    try {
      const row = conn
        .prepare("SELECT id FROM programmes WHERE channel_id = 'ch1' ORDER BY start DESC LIMIT 1")
        .get() as { id: number } | undefined
      const titles = [
        ...(conn.prepare('SELECT title FROM products').all() as { title: string }[]),
        ...(conn.prepare('SELECT title FROM services').all() as { title: string }[]),
      ].map((r) => r.title)
      ctx = { programmeId: String(row?.id ?? 1), data: new Set(titles) }
    } finally {
      conn.close()
    }
    tv = await openTv(sim.url)
    await signIn(tv, 'anna', 'anna')
  })
  afterAll(async () => {
    await tv?.close()
    await sim?.close()
  })

  const go = async (hash: string): Promise<void> => {
    // The same hash again would not open the page again (its sections start at the first).
    const from = await tv.route().catch(() => '')
    if (from === hash) {
      await go('guide')
      return go(hash)
    }
    await tv.page.evaluate((h) => (location.hash = `#${h}`), hash)
    // The page changed (an unknown link's route is not its hash). Not pageReady(): a screen
    // may hold texts off screen that Lightning never draws.
    await tv.page.waitForFunction(
      (previous) => {
        const route = (window as unknown as { __kanal?: { route(): string } }).__kanal?.route() ?? ''
        return route !== '' && route !== previous
      },
      from,
      { timeout: 15_000 },
    )
  }
  /** The operator's answers the screen asked for are in, and drawn. */
  const settle = async (): Promise<void> => {
    await tv.quiet()
    await tv.page.waitForFunction(
      () => (window as unknown as { __kanal: { settled(): boolean } }).__kanal.settled(),
      undefined,
      { timeout: 10_000 },
    )
  }

  let current = 'en'
  /** Account > Preferences > Language: Right to `language`, OK; the app restarts in it. */
  const switchTo = async (language: string): Promise<void> => {
    await go('account')
    await tv.press('right', 'right', 'right', 'right', 'down')
    const steps = (ORDER.indexOf(language) - ORDER.indexOf(current) + ORDER.length) % ORDER.length
    for (let i = 0; i < steps; i++) await tv.press('right')
    const reloaded = tv.page.waitForEvent('load', { timeout: 30000 })
    // Not tv.press: the page reloads under it (the app restarts in the new language).
    await tv.page.keyboard.press('Enter')
    await reloaded
    current = language
    await tv.page.waitForFunction(
      () => {
        const k = (window as unknown as { __kanal?: { route(): string } }).__kanal
        return k !== undefined && k.route() !== '' && k.route() !== '$'
      },
      undefined,
      { timeout: 30000 },
    )
  }

  it.each(LANGUAGES)('%s: no key and no English string on any screen', async (language) => {
    await switchTo(language)
    const problems: string[] = []
    for (const screen of SCREENS) {
      await go(screen.hash(ctx))
      // Data arrives after the page is drawn (the operator's answers).
      await settle()
      if (screen.keys) {
        await tv.press(...screen.keys)
        await settle()
      }
      const texts = await tv.screenTexts()
      for (const p of untranslated(texts, language, ctx.data)) problems.push(`${screen.name}: ${p}`)
      if (screen.screenshot) await tv.screenshot(`i18n-${language}-${screen.name.replace(/\s+/g, '-')}`)
      if (screen.after) await tv.press(...screen.after)
    }
    // The menu says "Account" in the new language: the switch itself worked.
    expect(await tv.screenTexts()).toContain(translations[language]?.['menu.account'])
    expect(problems).toEqual([])
  })
})
