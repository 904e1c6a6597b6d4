import { parentPort, workerData } from 'node:worker_threads'
import { FleetConfig, simulateGroup } from './simulate'

/**
 * Entry point of a worker thread: simulates the groups of devices it is handed, one at a
 * time, and posts their totals back. Groups are handed out one by one so that a slower thread
 * (a busy core) simply takes fewer of them.
 */
export type ToWorker = { from: number; to: number } | { done: true }

const config = workerData as FleetConfig
const port = parentPort
if (port === null) throw new Error('worker.ts runs as a worker thread')
port.on('message', (message: ToWorker) => {
  if ('done' in message) {
    port.close()
    return
  }
  port.postMessage(simulateGroup(config, message.from, message.to))
})
port.postMessage('ready')
