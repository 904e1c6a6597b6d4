import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { readSettings } from '../../../src/platform/settings'
import type { RunOptions } from './fleet'
import type { FleetConfig } from './simulate'

const MINUTE = 60_000
const HOUR = 3_600_000
const SETTINGS = path.resolve(__dirname, '..', '..', '..', 'settings.json')

export interface BenchOptions {
  json: boolean
  config: FleetConfig
  run: RunOptions
  /** What settings.json said, so that the report shows which poller settings were measured. */
  settingsWarnings: string[]
}

const USAGE =
  'usage: tsx test/bench/fleet/run.ts [--json] [--devices N] [--seed N] [--hours H] [--workers N] [--group N]\n' +
  "       [--backoff-cap-seconds S]  (a what-if: the app uses the poller's default)"

const integer = (name: string, raw: string | undefined, fallback: number, min: number): number => {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min)
    throw new Error(`--${name} must be an integer >= ${min}\n${USAGE}`)
  return value
}

/** The poller's settings as the app would read them from settings.json, with its defaults. */
const appPollSettings = (): { periodMs: number; jitter: number; warnings: string[] } => {
  const raw: unknown = JSON.parse(fs.readFileSync(SETTINGS, 'utf8'))
  const block =
    typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).appSettings : undefined
  const { settings, warnings } = readSettings(block)
  return { periodMs: settings.pollPeriodSeconds * 1000, jitter: settings.pollJitter, warnings }
}

const parse = (argv: readonly string[]) => {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        json: { type: 'boolean', default: false },
        devices: { type: 'string' },
        seed: { type: 'string' },
        hours: { type: 'string' },
        workers: { type: 'string' },
        group: { type: 'string' },
        'backoff-cap-seconds': { type: 'string' },
      },
      strict: true,
    }).values
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
  }
}

export const parseOptions = (argv: readonly string[]): BenchOptions => {
  const values = parse(argv)
  const hours = integer('hours', values.hours, 24, 6)
  const poll = appPollSettings()
  // Well after the boot storm has settled, and early enough to leave the hour after it.
  const outageFrom = Math.floor(hours / 2) * HOUR
  return {
    json: values.json,
    config: {
      seed: integer('seed', values.seed, 1, 0),
      devices: integer('devices', values.devices, 100_000, 1),
      bootWindowMs: 30_000,
      durationMs: hours * HOUR,
      periodMs: poll.periodMs,
      jitter: poll.jitter,
      outage: { fromMs: outageFrom, toMs: outageFrom + 10 * MINUTE },
      // A user opens the guide or the recordings a few times a day, and changes a recording
      // about once; the operator moves a recording's state a few times more.
      actionsPerDay: 6,
      writesPerDay: 1,
      operatorChangesPerDay: 4,
      maxCacheTimeMs: 24 * HOUR,
      latencyMs: { min: 50, max: 200 },
      backoffCapMs:
        values['backoff-cap-seconds'] === undefined
          ? undefined
          : integer('backoff-cap-seconds', values['backoff-cap-seconds'], 0, 1) * 1000,
    },
    run: {
      workers: integer('workers', values.workers, os.availableParallelism(), 0),
      groupSize: integer('group', values.group, 2000, 1),
    },
    settingsWarnings: poll.warnings,
  }
}
