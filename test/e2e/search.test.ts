import fs from 'node:fs'
import path from 'node:path'
import {
  SEARCH_ARABIC_LAYOUT,
  SEARCH_LATIN_LAYOUT,
  pathTo,
  type KeyPosition,
  type KeyboardLayout,
} from '../../src/ui/components/keyboardLayout'
import {
  REMOTE,
  apiCalls,
  clearApiCalls,
  openTv,
  qa,
  reloadTv,
  signIn,
  startTestSimulator,
  type RemoteButton,
  type TestSimulator,
  type Tv,
} from './harness'

jest.setTimeout(120_000)

/**
 * Guide search in Chromium: typed with the on-screen keyboard (Latin and Arabic letters), the
 * results as letters arrive, grouped by day; OK opens a programme's details. A failed search
 * says so and keeps the last results; the keyboard stops at 100 characters and says why.
 */
/** Where the screenshots are copied too, when set (they are in test-results/ anyway). */
const SHOTS = process.env.SHOTS_DIR

describe('guide search in Chromium', () => {
  let sim: TestSimulator
  let tv: Tv
  /** Where the keyboard's focus is, and which letters it shows (the page keeps both). */
  let at: KeyPosition = { row: 0, column: 0 }
  let layout: KeyboardLayout = SEARCH_LATIN_LAYOUT

  const key = (button: RemoteButton): Promise<void> => tv.page.keyboard.press(REMOTE[button])
  const typeKey = async (k: string): Promise<void> => {
    const route = pathTo(at, k, layout)
    for (const m of route.moves) await key(m.toLowerCase() as RemoteButton)
    await key('ok')
    at = route.at
    if (k === 'script') {
      // The focus stays on the special row of the other keys.
      layout = layout === SEARCH_LATIN_LAYOUT ? SEARCH_ARABIC_LAYOUT : SEARCH_LATIN_LAYOUT
      at = { row: layout.rows.length, column: at.column }
    }
  }
  const type = async (text: string): Promise<void> => {
    for (const char of text) await typeKey(char === ' ' ? 'space' : char)
  }
  const erase = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i++) await typeKey('delete')
  }
  const waitForTextMatching = async (pattern: RegExp): Promise<string> => {
    await tv.page.waitForFunction(
      (source) =>
        (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal
          .screenTexts()
          .some((t) => new RegExp(source).test(t)),
      pattern.source,
      { timeout: 15_000 },
    )
    return (await tv.screenTexts()).find((t) => pattern.test(t)) ?? ''
  }
  const shot = async (name: string): Promise<void> => {
    const file = await tv.screenshot(name)
    if (SHOTS === undefined) return
    fs.mkdirSync(SHOTS, { recursive: true })
    fs.copyFileSync(file, path.join(SHOTS, `${name}.png`))
  }
  /** Right along the keyboard's row until the results have the focus. */
  const toResults = async (): Promise<void> => {
    for (let i = 0; i < 12 && !(await tv.focusPath()).includes('Results'); i++) await tv.press('right')
    expect(await tv.focusPath()).toContain('Results')
    at = { row: at.row, column: 9 }
  }
  const openSearch = async (): Promise<void> => {
    await tv.page.evaluate(() => {
      window.location.hash = '#search'
    })
    await tv.waitForRoute('search')
    await tv.waitForText('Search the guide')
  }

  beforeAll(async () => {
    sim = await startTestSimulator({ searchDebounceMs: 150 })
    tv = await openTv(sim.url)
    // Signed in, so that the results show what her package allows.
    await signIn(tv, 'anna', 'anna')
  })
  afterAll(async () => {
    await tv?.close()
    await sim?.close()
  })
  afterEach(() => {
    expect(tv.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
  })

  it('finds a Latin title as letters arrive, grouped by day; OK opens its details, Back returns', async () => {
    await openSearch()
    await tv.waitForText('Type at least 2 letters of a title')
    await clearApiCalls(sim.url)
    await type('n')
    // One letter: a hint, no request.
    await tv.waitForText('n|')
    expect(await tv.screenTexts()).toContain('Type at least 2 letters of a title')
    await type('ews')
    await waitForTextMatching(/^\d+ programmes match "news"$|^The first \d+ programmes matching "news"/)
    expect((await apiCalls(sim.url)).filter((c) => c === 'SearchGuide').length).toBeGreaterThanOrEqual(1)
    const texts = await tv.screenTexts()
    expect(texts).toContain('Today')
    expect(texts.some((t) => /news/i.test(t))).toBe(true)
    await shot('search-latin-1080')

    await toResults()
    const [title] = await tv.focusedTexts()
    expect(title).toMatch(/news/i)
    await tv.press('ok')
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: { route(): string } }).__kanal.route().startsWith('programme/'),
    )
    await tv.waitForText(title ?? '')
    await tv.press('back')
    await tv.waitForRoute('search')
    await tv.waitForText('news|')
    expect(await tv.screenTexts()).toContain(title)
  })

  it('finds an Arabic title typed with the Arabic letters, drawn right to left, and opens it', async () => {
    await tv.press('left')
    await erase(4)
    await tv.waitForText('Type at least 2 letters of a title')
    await typeKey('script')
    await tv.waitForText('ABC')
    await type('أسرار')
    await waitForTextMatching(/programmes? match(es)? "أسرار"|matching "أسرار"/)
    const found = (await tv.screenTexts()).filter((t) => t.startsWith('أسرار الصحراء'))
    expect(found.length).toBeGreaterThan(0)
    await shot('search-arabic-1080')
    await toResults()
    expect(await tv.focusedTexts()).toContain('أسرار الصحراء')
    await tv.press('ok')
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: { route(): string } }).__kanal.route().startsWith('programme/'),
    )
    await tv.waitForText('أسرار الصحراء')
    await tv.press('back')
    await tv.waitForRoute('search')
  })

  it('a failed search says so and keeps the last results', async () => {
    await tv.press('left')
    await qa(sim.url, 'faults', { route: '/api/SearchGuide', kind: 'status', status: 503 })
    try {
      await typeKey('space')
      await type('ص')
      await tv.waitForText('The search did not work just now. The last results stay; try again in a moment.')
      expect((await tv.screenTexts()).some((t) => t.startsWith('أسرار الصحراء'))).toBe(true)
    } finally {
      await fetch(`${sim.url}qa/faults`, { method: 'DELETE' })
    }
  })

  it('stops at 100 characters and says why', async () => {
    await erase(7)
    /** Many presses of one key at once, as a remote that repeats: one round trip to the page. */
    const repeat = (keyName: string, keyCode: number, times: number) =>
      tv.page.evaluate(
        ([k, code, n]) => {
          for (let i = 0; i < n; i++) {
            const init = { key: k, keyCode: code, which: code, bubbles: true } as KeyboardEventInit
            window.dispatchEvent(new KeyboardEvent('keydown', init))
            window.dispatchEvent(new KeyboardEvent('keyup', init))
          }
        },
        [keyName, keyCode, times] as const,
      )
    // The remote's digits type digits.
    await repeat('1', 49, 101)
    await tv.waitForText('A search can be at most 100 characters: delete some to type more')
    const field = (await tv.screenTexts()).find((t) => t.endsWith('|')) ?? ''
    expect(field).toBe(`${'1'.repeat(100)}|`)
    // Delete (the focus is on it) takes them away again.
    await repeat('Enter', 13, 100)
    await tv.waitForText('Type at least 2 letters of a title')
  })

  it('reads at 1280x720 too, Latin and Arabic', async () => {
    await tv.page.setViewportSize({ width: 1280, height: 720 })
    await reloadTv(tv, 'search')
    at = { row: 0, column: 0 }
    layout = SEARCH_LATIN_LAYOUT
    await tv.waitForText('Search the guide')
    await type('news')
    await waitForTextMatching(/match "news"|matching "news"/)
    await shot('search-latin-720')
    await erase(4)
    await typeKey('script')
    await type('ليالي')
    await waitForTextMatching(/"ليالي"/)
    expect((await tv.screenTexts()).some((t) => t.startsWith('ليالي الطرب'))).toBe(true)
    await toResults()
    await shot('search-arabic-720')
  })
})
