/**
 * Two builds of Kanal against each other in one Chromium run, alternating cold starts at 1x and
 * 4x CPU (medians): for deciding whether a start-up change helps on a machine whose load moves
 * the absolute times more than the change does.
 * Usage: npx tsx test/bench/abStart.ts <build-dir-a> <build-dir-b> [runs]
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { launchChromium } from '../e2e/browser'
import { createSimulator } from '../../simulator/src/server'
import { defaultConfig } from '../../simulator/src/config'
import { measureMilestones, measureWarmStart } from './firstFrame'
import { median } from './results'

const [dirA = 'build', dirB = 'build', runsArg = '5'] = process.argv.slice(2)
const RUNS = Number(runsArg)

const main = async (): Promise<void> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kanal-ab-'))
  const serve = (dir: string, name: string) =>
    createSimulator({
      ...defaultConfig({}),
      port: 0,
      appDir: path.resolve(dir),
      dbPath: path.join(dataDir, `${name}.sqlite`),
      settingsOverride: { appSettings: { testHooks: true, stage: { canvas2d: true } } },
    })
  const simA = serve(dirA, 'a')
  const simB = serve(dirB, 'b')
  const urls = { a: await simA.listen(), b: await simB.listen() }
  const browser = await launchChromium()
  const milestones = ['kanalFirstFrame', 'kanalGuideTitles'] as const
  try {
    for (const rate of [1, 4]) {
      const t: Record<string, number[]> = {}
      const add = (k: string, v: number): void => void (t[k] ??= []).push(v)
      for (const side of ['a', 'b'] as const)
        await measureMilestones(browser, urls[side], [...milestones], rate)
      for (let i = 0; i < RUNS; i++) {
        for (const side of i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const)) {
          const r = await measureMilestones(browser, urls[side], [...milestones], rate)
          add(`${side} first`, r.times.kanalFirstFrame)
          add(`${side} guide`, r.times.kanalGuideTitles)
          if (rate === 4) {
            const w = await measureWarmStart(
              browser,
              urls[side],
              'kanalGuideTitles',
              ['kanalGuideTitles'],
              rate,
            )
            add(`${side} warm`, w.times.kanalGuideTitles)
          }
        }
      }
      const line = Object.entries(t)
        .map(([k, v]) => `${k} ${Math.round(median(v))}`)
        .join(', ')
      process.stdout.write(`${rate}x (median of ${RUNS}): ${line}; load ${os.loadavg()[0]?.toFixed(1)}\n`)
    }
  } finally {
    await browser.close()
    await simA.close()
    await simB.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`abStart failed: ${String(error)}\n`)
  process.exit(1)
})
