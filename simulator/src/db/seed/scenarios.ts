import type { Sim } from '../../model/context'
import type { ScenarioName } from '../../config'
import { emptyDataTables } from '../migrations'
import { setMeta } from '../connection'
import { refreshGuideStats } from '../../model/guide'
import { indexProgrammesFrom } from '../../model/searchIndex'
import { insertAccounts } from './accounts'
import { insertChannels, insertProgrammes, makeLineup } from './guide'
import { insertProducts, insertServices } from './catalogue'
import { insertDemoAccounts } from './demo'

const DAY = 86400
export const CHANNELS: Record<ScenarioName, number> = { empty: 0, demo: 160, large: 1000 }

export interface SeedReport {
  scenario: ScenarioName
  channels: number
  programmes: number
  anchor: number
}

/**
 * Replaces all data by a scenario, in one transaction: `empty` has only the accounts, `demo`
 * 160 channels and `large` 1,000, each with 14 days of guide (7 back, 7 ahead of the day the
 * simulator clock is in) and the demo users' products, licences and recordings.
 */
export const seedScenario = (sim: Sim, scenario: ScenarioName): SeedReport => {
  const anchor = Math.floor(sim.clock.now() / DAY) * DAY
  return sim.db.transaction((): SeedReport => {
    emptyDataTables(sim.db)
    insertAccounts(sim)
    let programmes = 0
    const count = CHANNELS[scenario]
    if (count > 0) {
      const lineup = makeLineup(count, sim.config.seed)
      insertChannels(sim.db, lineup)
      programmes = insertProgrammes(sim.db, lineup, anchor - 7 * DAY, anchor + 7 * DAY, sim.config.seed)
      indexProgrammesFrom(sim.db, 0)
      insertProducts(sim.db, lineup)
      insertServices(sim.db, sim.clock.now())
      insertDemoAccounts(sim)
    }
    refreshGuideStats(sim)
    setMeta(sim.db, 'scenario', scenario)
    setMeta(sim.db, 'guide_anchor', String(anchor))
    return { scenario, channels: count, programmes, anchor }
  })()
}

/** Whether a database needs seeding: never seeded, or its guide no longer covers today. */
export const needsSeed = (sim: Sim): boolean => {
  const row = sim.db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'guide_anchor'").get()
  if (!row) return true
  const scenario = sim.db
    .prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'scenario'")
    .get()
  // An empty scenario, or a guide imported from XMLTV, is the user's own: never replaced.
  if (scenario?.value === 'empty') return false
  const source = sim.db
    .prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'guide_source'")
    .get()
  if (source?.value === 'xmltv') return false
  const anchor = Number(row.value)
  return Math.abs(sim.clock.now() - anchor) > 5 * DAY
}
