import { defaultConfig } from './config'
import { createSimulator } from './server'

/** `npm start`: the simulator with its demo data, serving the built app. */
const main = async (): Promise<void> => {
  const config = defaultConfig()
  const simulator = createSimulator(config)
  const url = await simulator.listen()
  process.stdout.write(
    `\nKanal is running. Open ${url}\nQA console: ${url}qa/\n(operator APIs at ${url}api/, stop with Ctrl+C)\n\n`,
  )

  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    process.stdout.write(`${signal}: stopping the simulator\n`)
    simulator
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        process.stderr.write(`could not stop cleanly: ${String(error)}\n`)
        process.exit(1)
      })
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The simulator could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  )
  process.exit(1)
})
