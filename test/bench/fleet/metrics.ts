import type { FleetConfig, FleetTotals } from './simulate'

const MINUTE = 60_000
const DAY = 86_400_000

/** DESIGN.md, "Budgets", the fleet line. */
export const BUDGET = {
  bootPeakToMean: 1.5,
  outagePeakToMean: 1.1,
  /** What a fleet offers an operator that is down, against its steady load: the retry budget. */
  duringOutagePeakToSteadyMean: 1.5,
  pollsPerDevicePerDay: 300,
} as const

export interface RateWindow {
  /** Virtual minutes [fromMinute, fromMinute + minutes), counted from the first boot. */
  fromMinute: number
  minutes: number
  peak: number
  peakMinute: number
  mean: number
  peakToMean: number
}

export const rateWindow = (perMinute: readonly number[], fromMinute: number, minutes: number): RateWindow => {
  let peak = 0
  let peakMinute = fromMinute
  let total = 0
  for (let m = fromMinute; m < fromMinute + minutes; m++) {
    const count = perMinute[m] ?? 0
    total += count
    if (count > peak) {
      peak = count
      peakMinute = m
    }
  }
  const mean = total / minutes
  return { fromMinute, minutes, peak, peakMinute, mean, peakToMean: mean > 0 ? peak / mean : Number.NaN }
}

export interface FleetFigures {
  boot: RateWindow
  afterOutage: RateWindow
  /** The second hour after the outage: whether the fleet is back to an even load. */
  secondHourAfterOutage: RateWindow
  /** The hour before the outage: the fleet's ordinary load, to read the other windows against. */
  steady: RateWindow
  duringOutage: RateWindow
  pollsPerDevicePerDay: number
  answeredDevices: number
  recordingsFetchesExpected: number
  met: { boot: boolean; outage: boolean; duringOutage: boolean; polls: boolean; recordings: boolean }
}

export const fleetFigures = (config: FleetConfig, totals: FleetTotals): FleetFigures => {
  const requests = totals.requestsPerMinute
  const outageFrom = Math.floor(config.outage.fromMs / MINUTE)
  const outageTo = Math.ceil(config.outage.toMs / MINUTE)
  const boot = rateWindow(requests, 0, 60)
  const afterOutage = rateWindow(requests, outageTo, 60)
  const secondHourAfterOutage = rateWindow(requests, outageTo + 60, 60)
  const steady = rateWindow(requests, Math.max(0, outageFrom - 60), Math.min(60, outageFrom))
  const duringOutage = rateWindow(requests, outageFrom, outageTo - outageFrom)
  const allRequests = requests.reduce((a, b) => a + b, 0)
  const pollsPerDevicePerDay = allRequests / totals.devices / (config.durationMs / DAY)
  const answeredDevices = totals.devices - totals.devicesNeverAnswered
  const recordingsFetchesExpected = totals.stampChangesSeen + answeredDevices
  return {
    boot,
    afterOutage,
    secondHourAfterOutage,
    steady,
    duringOutage,
    pollsPerDevicePerDay,
    answeredDevices,
    recordingsFetchesExpected,
    met: {
      boot: boot.peakToMean <= BUDGET.bootPeakToMean,
      outage: afterOutage.peakToMean <= BUDGET.outagePeakToMean,
      duringOutage: duringOutage.peak / steady.mean <= BUDGET.duringOutagePeakToSteadyMean,
      polls: pollsPerDevicePerDay <= BUDGET.pollsPerDevicePerDay,
      recordings: totals.devicesViolating === 0 && totals.recordingsFetches === recordingsFetchesExpected,
    },
  }
}
