/** @jest-environment node */
import { Subject } from 'rxjs'
import type { SleepStatus } from '../../../src/domain/sleepTimer'
import { createSleepTimer } from '../../../src/state/player/sleepTimer'

/** A clock that moves only when the test says (a QA clock move), and ticks on demand. */
const fakeClock = () => {
  let now = 1_750_000_000_000
  const ticks = new Subject<number>()
  return {
    clock: {
      nowMs: () => now,
      ticks: () => ticks.asObservable(),
    },
    move(ms: number) {
      now += ms
      ticks.next(now)
    },
  }
}

describe('the sleep timer state', () => {
  it('warns a minute before the end on the operator clock, stops once, then is off', () => {
    const { clock, move } = fakeClock()
    const timer = createSleepTimer({ clock, tickMs: 1000 })
    const phases: SleepStatus['phase'][] = []
    let expired = 0
    timer.status$.subscribe((s) => {
      if (phases[phases.length - 1] !== s.phase) phases.push(s.phase)
    })
    timer.expired$.subscribe(() => (expired += 1))
    timer.set(15)
    move(60_000)
    expect(timer.status).toMatchObject({ phase: 'running', minutes: 15, remainingMs: 14 * 60_000 })
    move(13 * 60_000)
    expect(timer.status.phase).toBe('warning')
    expect(expired).toBe(0)
    move(60_000)
    expect(expired).toBe(1)
    expect(timer.status.phase).toBe('off')
    // No more ticks are followed once it is off.
    move(60_000)
    expect(expired).toBe(1)
    expect(phases).toEqual(['off', 'running', 'warning', 'off'])
    timer.dispose()
  })

  it('starts again from now when set anew, and turns off', () => {
    const { clock, move } = fakeClock()
    const timer = createSleepTimer({ clock, tickMs: 1000 })
    let expired = 0
    timer.expired$.subscribe(() => (expired += 1))
    timer.set(15)
    move(14 * 60_000)
    expect(timer.status.phase).toBe('warning')
    timer.set(30)
    expect(timer.status).toMatchObject({ phase: 'running', minutes: 30, remainingMs: 30 * 60_000 })
    timer.set(0)
    move(3_600_000)
    expect(timer.status.phase).toBe('off')
    expect(expired).toBe(0)
    timer.dispose()
  })

  it('takes a shorter warning when a setting asks for it', () => {
    const { clock, move } = fakeClock()
    const timer = createSleepTimer({ clock, tickMs: 1000, warningMs: 10_000 })
    timer.set(15)
    move(15 * 60_000 - 20_000)
    expect(timer.status.phase).toBe('running')
    move(10_000)
    expect(timer.status.phase).toBe('warning')
    timer.dispose()
  })
})
