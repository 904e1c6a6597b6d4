import {
  keepAppFiles,
  openTv,
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
})
