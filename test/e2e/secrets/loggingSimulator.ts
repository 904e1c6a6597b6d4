/**
 * The simulator as `npm start` runs it with KANAL_LOG_REQUESTS=1, plus the e2e settings
 * (KANAL_TEST_SETTINGS, JSON merged into settings.json): a process of its own, so that the
 * secrets test reads its request log exactly as an operator's console would show it.
 */
import { defaultConfig } from '../../../simulator/src/config'
import { createSimulator } from '../../../simulator/src/server'

const main = async (): Promise<void> => {
  const settings = JSON.parse(process.env.KANAL_TEST_SETTINGS ?? '{}') as Record<string, unknown>
  const simulator = createSimulator({ ...defaultConfig(), settingsOverride: settings })
  const url = await simulator.listen()
  process.stderr.write(`listening at ${url}\n`)
  const stop = (): void => {
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`could not start: ${String(error)}\n`)
  process.exit(1)
})
