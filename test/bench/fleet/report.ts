import { markdownTable, Row } from '../results'
import type { FleetResult } from './fleet'
import { BUDGET, FleetFigures, RateWindow } from './metrics'
import type { FleetConfig } from './simulate'

const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT MET')
const round = (value: number, digits = 3): number => Number(value.toFixed(digits))
const int = (value: number): string => Math.round(value).toLocaleString('en-US')
const clock = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
const window = (w: RateWindow): string =>
  `peak ${int(w.peak)}/min (minute ${clock(w.peakMinute)}) / mean ${int(w.mean)}/min = ${w.peakToMean.toFixed(3)}`

export const fleetJson = (
  config: FleetConfig,
  result: FleetResult,
  figures: FleetFigures,
  wallClockMs: number,
): Record<string, unknown> => {
  const { totals } = result
  return {
    bootPeakToMean: round(figures.boot.peakToMean),
    outagePeakToMean: round(figures.afterOutage.peakToMean),
    pollsPerDevicePerDay: round(figures.pollsPerDevicePerDay, 2),
    recordingsFetches: totals.recordingsFetches,
    recordingsStampChanges: totals.stampChangesSeen,
    recordingsFetchesExpected: figures.recordingsFetchesExpected,
    recordingsDevicesViolating: totals.devicesViolating,
    recordingsServerStampChanges: totals.serverStampChanges,
    recordingsChangesCoalesced: totals.changesCoalesced,
    recordingsChangesBeforeFirstAnswer: totals.changesBeforeFirstAnswer,
    recordingsChangesAfterLastAnswer: totals.changesAfterLastAnswer,
    changeVisibleMeanSeconds: round(totals.staleness.sumMs / Math.max(1, totals.staleness.count) / 1000, 1),
    changeVisibleMaxSeconds: round(totals.staleness.maxMs / 1000, 1),
    bootPeakPerMinute: figures.boot.peak,
    bootMeanPerMinute: round(figures.boot.mean, 1),
    outagePeakPerMinute: figures.afterOutage.peak,
    outageMeanPerMinute: round(figures.afterOutage.mean, 1),
    outagePeakMinute: figures.afterOutage.peakMinute,
    secondHourAfterOutagePeakToMean: round(figures.secondHourAfterOutage.peakToMean),
    steadyMeanPerMinute: round(figures.steady.mean, 1),
    steadyPeakToMean: round(figures.steady.peakToMean),
    outagePeakToSteadyMean: round(figures.afterOutage.peak / figures.steady.mean),
    duringOutagePeakToSteadyMean: round(figures.duringOutage.peak / figures.steady.mean),
    requestsByReason: Object.fromEntries(
      Object.entries(totals.reasons).sort(([a], [b]) => a.localeCompare(b)),
    ),
    budgets: { ...BUDGET, recordings: 'fetches = stamp changes seen + 1 per device' },
    met: figures.met,
    devices: config.devices,
    devicesNeverAnswered: totals.devicesNeverAnswered,
    seed: config.seed,
    virtualHours: config.durationMs / 3_600_000,
    pollPeriodSeconds: config.periodMs / 1000,
    pollJitter: config.jitter,
    outage: { fromMinute: config.outage.fromMs / 60_000, toMinute: config.outage.toMs / 60_000 },
    schedulerActions: totals.actionsRun,
    backoffCapSecondsWhatIf: config.backoffCapMs === undefined ? null : config.backoffCapMs / 1000,
    engine: result.engine,
    wallClockSeconds: round(wallClockMs / 1000, 1),
  }
}

export const fleetTable = (
  config: FleetConfig,
  result: FleetResult,
  figures: FleetFigures,
  wallClockMs: number,
): string => {
  const { totals } = result
  const reasons = Object.entries(totals.reasons)
    .sort((a, b) => b[1] - a[1])
    .map(
      ([reason, count]) =>
        `${reason} ${(count / totals.devices / (config.durationMs / 86_400_000)).toFixed(1)}`,
    )
    .join(', ')
  const outageEnd = config.outage.toMs / 60_000
  const firstMinutes = (totals.requestsPerMinute.slice(outageEnd, outageEnd + 12) as number[])
    .map(int)
    .join(' ')
  const retries = (totals.retriesPerMinute.slice(outageEnd, outageEnd + 12) as number[]).map(int).join(' ')
  const rows: Row[] = [
    {
      figure: 'boot storm: requests/min, first hour (minutes 00:00-00:59 from the first boot)',
      value: window(figures.boot),
      budget: `<= ${BUDGET.bootPeakToMean}`,
      verdict: verdict(figures.met.boot),
    },
    {
      figure: `10-min outage (${clock(config.outage.fromMs / 60_000)}-${clock(outageEnd)}): requests/min, the hour after it (${clock(outageEnd)}-${clock(outageEnd + 59)})`,
      value: window(figures.afterOutage),
      budget: `<= ${BUDGET.outagePeakToMean}`,
      verdict: verdict(figures.met.outage),
    },
    {
      figure: `during the outage: peak requests/min against the steady mean (the hour before it)`,
      value: `peak ${int(figures.duringOutage.peak)}/min (minute ${clock(figures.duringOutage.peakMinute)}) / steady mean ${int(figures.steady.mean)}/min = ${(figures.duringOutage.peak / figures.steady.mean).toFixed(3)}`,
      budget: `<= ${BUDGET.duringOutagePeakToSteadyMean}`,
      verdict: verdict(figures.met.duringOutage),
    },
    {
      figure: `the second hour after the outage (${clock(outageEnd + 60)}-${clock(outageEnd + 119)}), for comparison`,
      value: window(figures.secondHourAfterOutage),
      budget: '-',
      verdict: 'info',
    },
    {
      figure: 'timestamp polls per device per day (always in the foreground, outage included)',
      value: `${figures.pollsPerDevicePerDay.toFixed(1)} (${reasons})`,
      budget: `<= ${BUDGET.pollsPerDevicePerDay}`,
      verdict: verdict(figures.met.polls),
    },
    {
      figure: 'recordings fetched vs Recordings stamp changes seen',
      value: `${int(totals.recordingsFetches)} fetched = ${int(totals.stampChangesSeen)} changes + ${int(figures.answeredDevices)} devices x 1; devices where fetches != changes + 1: ${totals.devicesViolating}`,
      budget: '= changes + 1 (per device)',
      verdict: verdict(figures.met.recordings),
    },
    {
      figure: 'Recordings stamp changes at the operator (all accounted for)',
      value: `${int(totals.serverStampChanges)} = ${int(totals.stampChangesSeen)} seen one by one + ${int(totals.changesCoalesced)} coalesced between two polls + ${int(totals.changesBeforeFirstAnswer)} before a device's first answer + ${int(totals.changesAfterLastAnswer)} after its last`,
      budget: '-',
      verdict: 'info',
    },
    {
      figure: 'time from a stamp change to the answer that shows it',
      value: `mean ${(totals.staleness.sumMs / Math.max(1, totals.staleness.count) / 1000).toFixed(0)} s, max ${(totals.staleness.maxMs / 1000).toFixed(0)} s`,
      budget: '-',
      verdict: 'info',
    },
    {
      figure: 'steady load (hour before the outage); peaks against it',
      value: `mean ${int(figures.steady.mean)}/min, peak-to-mean ${figures.steady.peakToMean.toFixed(3)}; during the outage peak ${(figures.duringOutage.peak / figures.steady.mean).toFixed(2)}x, after it ${(figures.afterOutage.peak / figures.steady.mean).toFixed(2)}x`,
      budget: '-',
      verdict: 'info',
    },
    {
      figure: `requests (of which retries) per minute, first 12 minutes after the outage`,
      value: `${firstMinutes} (retries: ${retries})`,
      budget: '-',
      verdict: 'info',
    },
  ]
  const title =
    `Fleet: ${int(config.devices)} devices booting within ${config.bootWindowMs / 1000} s, ` +
    `${config.durationMs / 3_600_000} virtual hours, seed ${config.seed}, poll period ` +
    `${config.periodMs / 1000} s, jitter ${config.jitter} (settings.json); ${totals.actionsRun.toLocaleString('en-US')} ` +
    `scheduler actions in ${(wallClockMs / 1000).toFixed(1)} s on ${result.engine}`
  const whatIf =
    config.backoffCapMs === undefined
      ? ''
      : ` (WHAT-IF: poller backoff cap ${config.backoffCapMs / 1000} s, not the app's default)`
  return markdownTable(title + whatIf, rows)
}
