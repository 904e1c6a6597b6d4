import { describeFigures, runChaos } from './chaos/run'

/**
 * The chaos run (test/e2e/chaos/run.ts): a seeded viewer uses every screen while faults hit about
 * two fifths of the operator calls. `npm test` runs a short one; `npm run chaos` the long one
 * (CHAOS_SECONDS, CHAOS_SEED).
 */
const seconds = Number(process.env.CHAOS_SECONDS ?? '25')
const seed = Number(process.env.CHAOS_SEED ?? '7')
const faults = process.env.CHAOS_FAULTS !== '0'
jest.setTimeout((seconds + 150) * 1000)

it(`keeps the screen drawn, every acknowledged write and the cache through ${seconds} s of faults`, async () => {
  const f = await runChaos({ seconds, seed, clockSpeed: 60, faults })
  process.stdout.write(`\n${describeFigures(f)}\n`)
  if (faults) expect(f.faulted / f.requests).toBeGreaterThanOrEqual(0.2)
  expect(f.writesTried).toBeGreaterThan(0)
  expect(f.pageErrors).toEqual([])
  // Never left blank: a sample with nothing drawn may fall between two pages, never two in a row.
  expect(f.longestBlankMs).toBeLessThan(500)
  expect(f.lost).toEqual([])
  expect(f.writesFound).toBe(f.writesAcknowledged)
  expect(f.cache.offlineNotice).toBe(true)
  expect(f.cache.after).toEqual(f.cache.before)
  expect(Object.keys(f.cache.pages)).toEqual(['store/mine'])
  for (const page of Object.values(f.cache.pages)) expect(page.after).toEqual(page.before)
})
