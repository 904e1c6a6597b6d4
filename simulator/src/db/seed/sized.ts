import type { Sim } from '../../model/context'
import { emptyDataTables } from '../migrations'
import { setMeta } from '../connection'
import { refreshGuideStats } from '../../model/guide'
import { indexProgrammesFrom } from '../../model/searchIndex'
import { insertAccounts } from './accounts'
import { insertChannels, insertProgrammes, makeLineup } from './guide'
import { insertProducts, insertServices } from './catalogue'
import { insertDemoAccounts } from './demo'

const DAY = 86400

export interface SizedLineup {
  channels: number
  /** Days of guide, centred on the simulator's now (half before, half after). */
  days: number
}

/**
 * A lineup of any size for the guide's bench and tests: `channels` channels with `days` of
 * programmes around now, plus the demo accounts. 50 x 1 and 1,000 x 14 are what the bench
 * compares (a guide must not slow down with the lineup). Replaces all data, in one transaction.
 */
export const seedSizedLineup = (sim: Sim, size: SizedLineup): { channels: number; programmes: number } => {
  const now = sim.clock.now()
  const from = Math.floor(now - (size.days * DAY) / 2)
  const to = Math.ceil(now + (size.days * DAY) / 2)
  return sim.db.transaction(() => {
    emptyDataTables(sim.db)
    insertAccounts(sim)
    const lineup = makeLineup(size.channels, sim.config.seed)
    insertChannels(sim.db, lineup)
    const programmes = insertProgrammes(sim.db, lineup, from, to, sim.config.seed)
    indexProgrammesFrom(sim.db, 0)
    insertProducts(sim.db, lineup)
    insertServices(sim.db, now)
    insertDemoAccounts(sim)
    refreshGuideStats(sim)
    setMeta(sim.db, 'scenario', 'demo')
    setMeta(sim.db, 'guide_anchor', String(Math.floor(now / DAY) * DAY))
    return { channels: lineup.length, programmes }
  })()
}
