import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createSimulator } from '../../simulator/src/server'
import { defaultConfig } from '../../simulator/src/config'
import { seedSizedLineup, type SizedLineup } from '../../simulator/src/db/seed/sized'

export interface SizedGuideSimulator {
  url: string
  seeded: ReturnType<typeof seedSizedLineup>
  /** Stops the simulator and removes its database. */
  close(): Promise<void>
}

/**
 * A simulator on a fresh database with a generated line-up of the given size and no users,
 * serving the built app with its test hooks on: what the guide benchmarks measure against.
 */
export const startSizedGuideSimulator = async (
  appDir: string,
  size: SizedLineup,
  canvas2d: boolean,
): Promise<SizedGuideSimulator> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-bench-guide-'))
  const simulator = createSimulator({
    ...defaultConfig({}),
    port: 0,
    appDir,
    dbPath: path.join(dataDir, 'guide.sqlite'),
    scenario: 'empty',
    settingsOverride: { appSettings: { testHooks: true, stage: { canvas2d } } },
  })
  const seeded = seedSizedLineup(simulator.sim, size)
  const url = await simulator.listen()
  return {
    url,
    seeded,
    close: async () => {
      await simulator.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
