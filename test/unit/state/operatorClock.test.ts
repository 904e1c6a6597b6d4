/** @jest-environment node */
import { TestScheduler } from 'rxjs/testing'
import { createOperatorClock } from '../../../src/state/clock/operatorClock'
import { createApi } from '../../../src/api'

describe('the operator clock', () => {
  it('follows the operator when its Date header is far from the box, and ignores sub-second noise', () => {
    let local = 1_000_000_000_000
    const clock = createOperatorClock({ localNowMs: () => local, scheduler: new TestScheduler(() => true) })
    expect(clock.nowMs()).toBe(local)
    // A Date header has whole seconds: a reading 900 ms behind is noise, not a wrong clock.
    clock.observe(local - 900, local)
    expect(clock.nowMs()).toBe(local)
    // QA moved the operator two hours ahead.
    clock.observe(local + 7_200_000, local)
    local += 5_000
    expect(clock.nowMs()).toBe(local + 7_200_000)
    expect(clock.nowSeconds()).toBe(Math.floor((local + 7_200_000) / 1000))
  })

  it('ticks with the operator time at once and then every period', () => {
    expect.hasAssertions()
    const scheduler = new TestScheduler((a, b) => expect(a).toEqual(b))
    scheduler.run(({ expectObservable }) => {
      const clock = createOperatorClock({ localNowMs: () => scheduler.now(), scheduler })
      clock.observe(3_600_000, 0)
      expectObservable(clock.ticks(1000), '^ 2500ms !').toBe('a 999ms b 999ms c', {
        a: 3_600_000,
        b: 3_601_000,
        c: 3_602_000,
      })
    })
  })

  it('is told the Date of every API response by the transport', async () => {
    const seen: number[] = []
    const api = createApi({
      baseUrl: 'http://operator.test/api/',
      getToken: () => undefined,
      retries: 0,
      onServerDate: (ms) => seen.push(ms),
      fetch: () =>
        Promise.resolve(
          new Response(JSON.stringify({ StatusCode: 0, Severity: 1, StatusMessage: 'OK', Content: [] }), {
            status: 200,
            headers: { 'content-type': 'application/json', date: 'Tue, 01 Dec 2026 20:00:00 GMT' },
          }),
        ),
    })
    await api.envelope.getChannels().catch(() => undefined)
    expect(seen).toEqual([Date.parse('2026-12-01T20:00:00Z')])
  })
})
