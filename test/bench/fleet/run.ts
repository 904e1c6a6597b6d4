/**
 * `npm run bench:fleet`: the real GetUserTimestamps poller on 100,000 simulated devices in
 * virtual time, against a model operator, measured against the fleet budgets of DESIGN.md.
 * Seeded: the same seed gives the same figures, whatever the number of workers.
 */
import { runFleet } from './fleet'
import { fleetFigures } from './metrics'
import { parseOptions } from './options'
import { fleetJson, fleetTable } from './report'

const main = async (): Promise<void> => {
  const options = parseOptions(process.argv.slice(2))
  for (const warning of options.settingsWarnings) process.stderr.write(`settings.json: ${warning}\n`)
  const started = performance.now()
  const result = await runFleet(options.config, options.run)
  const wallClockMs = performance.now() - started
  const figures = fleetFigures(options.config, result.totals)
  if (options.json) {
    process.stdout.write(`${JSON.stringify(fleetJson(options.config, result, figures, wallClockMs))}\n`)
  } else {
    process.stdout.write(`\n${fleetTable(options.config, result, figures, wallClockMs)}\n`)
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:fleet failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  )
  process.exit(1)
})
