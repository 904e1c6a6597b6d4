import { openTv, qa, signIn, startTestSimulator, TestSimulator, Tv } from './harness'

jest.setTimeout(120_000)

const qaRequests = async (url: string): Promise<{ path: string; query?: string }[]> =>
  ((await (await fetch(`${url}qa/requests`)).json()) as { requests: { path: string; query?: string }[] })
    .requests

describe('signing in with the remote and the on-screen keyboard', () => {
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

  it('refuses a wrong password with a message, keeps the user name and never shows the password', async () => {
    tv = await openTv(sim.url)
    // A wrong password leaves the page open: signIn waits for it to close, so give it a moment.
    const attempt = signIn(tv, 'anna', 'wrong').catch((e: unknown) => e)
    // The wait starts before the typing does: allow for a slow machine typing nine characters.
    await tv.page.waitForFunction(
      (t) =>
        (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal.screenTexts().includes(t),
      'That user name and password do not match. Check them and try again.',
      { timeout: 60_000 },
    )
    const texts = await tv.screenTexts()
    expect(texts).toContain('anna')
    expect(texts.join(' ')).not.toContain('wrong')
    expect(await tv.route()).toBe('signin')
    await tv.screenshot('signin-wrong-password')
    await tv.press('menu', 'ok')
    await attempt
  })

  it('signs anna in and returns to the page she came from, with her name in a toast', async () => {
    tv = await openTv(sim.url)
    await signIn(tv, 'anna', 'anna')
    expect(await tv.route()).toBe('guide')
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: { toast(): string } }).__kanal.toast().includes('Anna Berg'),
    )
    // The menu's right end now names her instead of offering to sign in.
    await tv.waitForText('Anna Berg')
    expect(await tv.screenTexts()).not.toContain('Sign in')
    await tv.screenshot('signin-done-guide')
    const paths = (await qaRequests(sim.url)).map((r) => `${r.path}?${r.query ?? ''}`)
    expect(paths).toContain('/api/Login?')
    // The password went in the body, never in a URL.
    expect(paths.join(' ')).not.toMatch(/anna&|password/i)
  })

  it('types digits with the remote and shows the password as dots only', async () => {
    tv = await openTv(sim.url, 'signin')
    await tv.waitForRoute('signin')
    await tv.press('down', 'down', 'down', 'down', 'right', 'ok')
    await tv.page.keyboard.press('1')
    await tv.page.keyboard.press('2')
    await tv.waitForText('••|')
    await tv.screenshot('signin-keyboard')
  })

  it('after enough wrong passwords sent to the operator, the right one typed on the TV is refused with the time to try again', async () => {
    // The operator clock stands still, so that the 30-second lock outlasts a slow machine's typing.
    await qa(sim.url, 'clock', { speed: 0 })
    const login = async (password: string) =>
      (await (
        await fetch(`${sim.url}api/Login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'ben', password, deviceId: 'e2e-guesser' }),
        })
      ).json()) as { StatusCode: number; Content: { LockedUntil?: number } | null }
    const answers = []
    for (let i = 0; i < 5; i++) answers.push(await login(`guess-${i}`))
    expect(answers.map((a) => a.StatusCode)).toEqual([30, 30, 30, 30, 47])
    expect(typeof answers[4]?.Content?.LockedUntil).toBe('number')

    tv = await openTv(sim.url)
    const attempt = signIn(tv, 'ben', 'ben').catch((e: unknown) => e)
    await tv.page.waitForFunction(
      () =>
        (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal
          .screenTexts()
          .some((text) => text.startsWith('Too many wrong passwords. Try again at ')),
      undefined,
      { timeout: 60_000 },
    )
    const texts = await tv.screenTexts()
    expect(texts.find((text) => text.startsWith('Too many'))).toMatch(
      /^Too many wrong passwords\. Try again at \d\d:\d\d\.$/,
    )
    expect(texts).toContain('ben')
    expect(await tv.route()).toBe('signin')
    const sessions = (await (await fetch(`${sim.url}qa/sessions`)).json()) as {
      sessions: { userId: string | null }[]
    }
    expect(sessions.sessions.map((x) => x.userId)).not.toContain('1002')
    await tv.screenshot('signin-locked')
    await tv.press('menu', 'ok')
    await attempt
    await qa(sim.url, 'clock', { speed: 1 })
  })
})
