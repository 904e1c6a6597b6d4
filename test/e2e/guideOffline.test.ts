import {
  keepAppFiles,
  openTv,
  qa,
  reloadTv,
  signIn,
  startRestartableSimulator,
  type RestartableSimulator,
  type Tv,
} from './harness'

jest.setTimeout(180_000)

interface GuideFocus {
  kind: 'programme' | 'gap' | 'loading'
  start: number
  end: number
}
const focus = (tv: Tv): Promise<GuideFocus | null> =>
  tv.page.evaluate(() =>
    (window as unknown as { __kanalGuide: { focus(): GuideFocus | null } }).__kanalGuide.focus(),
  )
const focusOnProgramme = (tv: Tv): Promise<unknown> =>
  tv.page.waitForFunction(
    () =>
      (window as unknown as { __kanalGuide?: { focus(): { kind: string } | null } }).__kanalGuide?.focus()
        ?.kind === 'programme',
    undefined,
    { timeout: 20_000 },
  )
const textStartingWith = (tv: Tv, prefix: string): Promise<unknown> =>
  tv.page.waitForFunction(
    (p) =>
      (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal
        .screenTexts()
        .some((s) => s.startsWith(p)),
    prefix,
    { timeout: 20_000 },
  )

describe('the guide without the operator', () => {
  let sim: RestartableSimulator
  let tv: Tv | undefined
  beforeAll(async () => {
    sim = await startRestartableSimulator()
  })
  afterAll(async () => {
    await tv?.close()
    await sim.close()
  })

  it('a restart offline shows the saved programmes, "Offline since", and offers nothing that needs the operator', async () => {
    tv = await openTv(sim.url)
    await keepAppFiles(tv)
    await reloadTv(tv)
    await signIn(tv, 'anna', 'anna')
    await tv.waitForRoute('guide')
    await focusOnProgramme(tv)
    await tv.waitForText('Catch-up · Start-over · Recording')
    const online = await focus(tv)
    const title = (await tv.focusedTexts())[0] ?? ''
    expect(title).not.toBe('')
    await tv.quiet()

    await sim.stop()
    await reloadTv(tv, 'guide')
    await textStartingWith(tv, 'Offline since ')
    await focusOnProgramme(tv)
    // The programme the viewer saw last, from the box: not "Not available right now".
    expect(await focus(tv)).toEqual(online)
    expect(await tv.focusedTexts()).toContain(title)
    const texts = await tv.screenTexts()
    expect(texts).not.toContain('Not available right now')
    expect(texts).toContain('Offline: Live, Catch-up, Record and Start over are unavailable')
    await tv.screenshot('guide-offline')

    // The details page lists no action, and says why.
    await tv.press('ok')
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: { route(): string } }).__kanal.route().startsWith('programme/'),
    )
    await tv.waitForText('The operator cannot be reached: watching and recording come back when it answers.')
    const details = await tv.screenTexts()
    for (const action of ['Watch live', 'Start over', 'Record', 'Catch-up'])
      expect(details).not.toContain(action)
    await tv.screenshot('guide-offline-details')

    // Back online: the notice goes once the guide hears from the operator again.
    await sim.start()
    await reloadTv(tv, 'guide')
    await focusOnProgramme(tv)
    await tv.waitForText('Catch-up · Start-over · Recording')
    expect((await tv.screenTexts()).some((s) => s.startsWith('Offline since'))).toBe(false)
  })

  it('a package the operator cannot tell is never "not part of your package": nothing locked, and Check again', async () => {
    await tv?.close()
    // At 720p: the offline screens above are at 1080p.
    tv = await openTv(sim.url, '', { viewport: { width: 1280, height: 720 } })
    // The user's licences answer 503 from the first sign-in on: the box has no copy of them.
    await qa(sim.url, 'faults', { route: '/api/user/*', kind: 'status', status: 503 })
    await signIn(tv, 'anna', 'anna')
    await tv.waitForRoute('guide')
    await focusOnProgramme(tv)
    await tv.waitForText(
      'Your package could not be checked just now: Live, Catch-up, Record and Start over show once it is.',
    )
    const guide = await tv.screenTexts()
    expect(guide).not.toContain('Locked')
    expect(guide.some((s) => s.includes('not part of your package'))).toBe(false)
    await tv.screenshot('guide-package-failed-720')

    await tv.press('ok')
    await tv.page.waitForFunction(() =>
      (window as unknown as { __kanal: { route(): string } }).__kanal.route().startsWith('programme/'),
    )
    await tv.waitForText('Watching and recording are offered once your package has been checked.')
    const details = await tv.screenTexts()
    expect(details).toContain('Check again')
    for (const text of ['Get this channel', 'Watch live', 'Record', 'Recording is not part of your package.'])
      expect(details).not.toContain(text)
    await tv.screenshot('details-package-failed-720')

    // The operator answers again: Check again brings the actions the package allows.
    await fetch(`${sim.url}qa/faults`, { method: 'DELETE' })
    for (let i = 0; i < 8 && !(await tv.focusedTexts()).includes('Check again'); i++) await tv.press('right')
    expect(await tv.focusedTexts()).toContain('Check again')
    await tv.press('ok')
    await tv.waitForText('Watch live')
    expect(await tv.screenTexts()).not.toContain('Check again')
  })
})
