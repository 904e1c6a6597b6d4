/** @jest-environment node */
import { addTotals, FleetConfig, simulateGroup } from '../../bench/fleet/simulate'
import { fleetFigures, rateWindow } from '../../bench/fleet/metrics'
import { mulberry32 } from '../../bench/fleet/random'
import { ModelOperator, UserTimestamps } from '../../bench/fleet/server'
import { VirtualScheduler } from '../../bench/fleet/virtualScheduler'

const MIN = 60_000
const HOUR = 3_600_000

const config: FleetConfig = {
  seed: 3,
  devices: 300,
  bootWindowMs: 30_000,
  durationMs: 6 * HOUR,
  periodMs: 15 * MIN,
  jitter: 0.2,
  outage: { fromMs: 3 * HOUR, toMs: 3 * HOUR + 10 * MIN },
  actionsPerDay: 6,
  writesPerDay: 1,
  operatorChangesPerDay: 4,
  maxCacheTimeMs: 24 * HOUR,
  latencyMs: { min: 50, max: 200 },
}

describe('fleet simulation', () => {
  const whole = simulateGroup(config, 0, config.devices)

  it('gives the same figures however the fleet is split into groups', () => {
    const split = addTotals(
      addTotals(simulateGroup(config, 0, 100), simulateGroup(config, 100, 250)),
      simulateGroup(config, 250, 300),
    )
    expect(split).toEqual(whole)
  })

  it('accounts for every Recordings stamp change the operator made', () => {
    expect(whole.serverStampChanges).toBeGreaterThan(0)
    expect(whole.serverStampChanges).toBe(
      whole.stampChangesSeen +
        whole.changesCoalesced +
        whole.changesBeforeFirstAnswer +
        whole.changesAfterLastAnswer,
    )
  })

  it('fetches recordings once per device plus once per stamp change it was served', () => {
    expect(whole.devicesNeverAnswered).toBe(0)
    expect(whole.devicesViolating).toBe(0)
    expect(whole.recordingsFetches).toBe(whole.stampChangesSeen + config.devices)
  })

  it('fails every request during the outage and none outside it', () => {
    const failed = whole.failuresPerMinute.flatMap((n, minute) => (n > 0 ? [minute] : []))
    expect(Math.min(...failed)).toBeGreaterThanOrEqual(180)
    expect(Math.max(...failed)).toBeLessThan(190)
    for (let minute = 180; minute < 190; minute++)
      expect(whole.failuresPerMinute[minute]).toBe(whole.requestsPerMinute[minute])
  })

  it('reads a window of per-minute counts as peak over mean', () => {
    expect(rateWindow([1, 2, 3, 6], 1, 3)).toEqual({
      fromMinute: 1,
      minutes: 3,
      peak: 6,
      peakMinute: 3,
      mean: 11 / 3,
      peakToMean: 6 / (11 / 3),
    })
    const figures = fleetFigures(config, whole)
    expect(figures.afterOutage.fromMinute).toBe(190)
    expect(figures.steady.fromMinute).toBe(120)
    // The retry budget: the outage's busiest minute against the hour before it.
    expect(figures.duringOutage.fromMinute).toBe(180)
    expect(figures.met.duringOutage).toBe(figures.duringOutage.peak / figures.steady.mean <= 1.5)
  })
})

describe('model operator', () => {
  const operator = (scheduler: VirtualScheduler) =>
    new ModelOperator({
      scheduler,
      users: 1,
      epochSeconds: 1_700_000_000,
      durationMs: HOUR,
      changesPerDay: 0,
      maxCacheTimeMs: 1000 * HOUR,
      latencyMs: { min: 100, max: 100 },
      outage: { fromMs: 30 * MIN, toMs: 40 * MIN },
      changeRandom: () => mulberry32(1),
      latencyRandom: () => mulberry32(2),
    })

  it('counts a change as seen only once the answer carrying it is delivered', () => {
    const scheduler = new VirtualScheduler()
    const op = operator(scheduler)
    const answers: UserTimestamps[] = []
    op.getUserTimestamps(0).subscribe((a) => answers.push(a))
    scheduler.advanceTo(MIN)
    op.userWrite(0)
    op.getUserTimestamps(0).subscribe((a) => answers.push(a))
    scheduler.advanceBy(50)
    expect(op.servedChanges[0]).toBe(0)
    scheduler.advanceBy(50)
    expect(op.servedChanges[0]).toBe(1)
    expect(answers.map((a) => a.Recordings)).toEqual([expect.any(Number), 1_700_000_060])
    expect(op.staleness).toEqual({ count: 1, sumMs: 100, maxMs: 100 })
  })

  it('delivers nothing for a cancelled request, and fails every request during the outage', () => {
    const scheduler = new VirtualScheduler()
    const op = operator(scheduler)
    op.getUserTimestamps(0).subscribe().unsubscribe()
    scheduler.advanceTo(MIN)
    expect(op.changesAtLastServe[0]).toBeNaN()
    scheduler.advanceTo(35 * MIN)
    const errors: unknown[] = []
    op.getUserTimestamps(0).subscribe({ error: (e: unknown) => errors.push(e) })
    scheduler.advanceBy(100)
    expect(errors).toHaveLength(1)
    expect(op.failuresPerMinute[35]).toBe(1)
    expect(op.requestsPerMinute[0]).toBe(1)
  })
})
