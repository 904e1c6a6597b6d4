import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { addTotals, FleetConfig, FleetTotals, simulateGroup } from './simulate'
import type { ToWorker } from './worker'

export interface RunOptions {
  /** Worker threads; 0 runs everything on this thread, as tsx loaded it. */
  workers: number
  /** Devices simulated together; any size gives the same figures. */
  groupSize: number
}

export interface FleetResult {
  totals: FleetTotals
  /** How the run was made, for the report: not part of the figures. */
  engine: string
}

const groups = (devices: number, size: number): { from: number; to: number }[] => {
  const out: { from: number; to: number }[] = []
  for (let from = 0; from < devices; from += size) out.push({ from, to: Math.min(devices, from + size) })
  return out
}

const combine = (parts: FleetTotals[]): FleetTotals => {
  const [first, ...rest] = parts
  if (first === undefined) throw new Error('no devices to simulate')
  return rest.reduce(addTotals, first)
}

/**
 * tsx compiles with esbuild's keepNames, which wraps every closure the poller creates in a
 * defineProperty call: about a fifth of the run. The workers get the same sources bundled by
 * the same esbuild without it, which is also how the app itself is built.
 */
const bundleWorker = async (): Promise<string | undefined> => {
  try {
    const esbuild = await import('esbuild')
    const result = await esbuild.build({
      entryPoints: [path.join(__dirname, 'worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    })
    return result.outputFiles[0]?.text
  } catch {
    return undefined
  }
}

const runWorker = (
  code: string,
  config: FleetConfig,
  queue: { from: number; to: number }[],
  results: FleetTotals[],
): Promise<void> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(code, {
      eval: true,
      workerData: config,
      // A young generation large enough for a group's short-lived objects: fewer scavenges.
      resourceLimits: { maxYoungGenerationSizeMb: 192 },
    })
    const handOut = (): void => {
      const next = queue.shift()
      const message: ToWorker = next ?? { done: true }
      worker.postMessage(message)
    }
    worker.on('message', (message: FleetTotals | 'ready') => {
      if (message !== 'ready') results.push(message)
      handOut()
    })
    worker.on('error', reject)
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))))
  })

export const runFleet = async (config: FleetConfig, options: RunOptions): Promise<FleetResult> => {
  const queue = groups(config.devices, options.groupSize)
  const code = options.workers > 0 ? await bundleWorker() : undefined
  if (code === undefined) {
    const parts = queue.map(({ from, to }) => simulateGroup(config, from, to))
    return { totals: combine(parts), engine: `this thread, ${queue.length} groups` }
  }
  const results: FleetTotals[] = []
  const workers = Math.min(options.workers, queue.length)
  await Promise.all(Array.from({ length: workers }, () => runWorker(code, config, queue, results)))
  return {
    totals: combine(results),
    engine: `${workers} worker threads (esbuild bundle), ${results.length} groups`,
  }
}
