import path from 'node:path'
import type { Sim } from '../model/context'
import { cleanGuide } from './clean'
import { XmltvError } from './errors'
import { parseXmltvFile } from './parse'
import { emptyReport, type ImportReport } from './report'
import { storeGuide } from './store'

export interface ImportOptions {
  /** Create channels for programmes whose channel the file does not declare, instead of dropping them. */
  declareUndeclared?: boolean
}

/**
 * Imports one XMLTV file in one transaction: a file that cannot be read, is not XMLTV, is
 * truncated or holds no programme throws an XmltvError and writes nothing.
 */
export const importXmltvFile = async (
  sim: Sim,
  file: string,
  options: ImportOptions = {},
): Promise<ImportReport> => {
  const began = process.hrtime.bigint()
  const report = emptyReport(path.basename(file))
  const parsed = await parseXmltvFile(file)
  if (parsed.channels.length === 0 && parsed.programmes.length === 0) {
    throw new XmltvError('no <channel> and no <programme> in the file')
  }
  const guide = cleanGuide(parsed, options.declareUndeclared === true, report)
  const kept = [...guide.programmes.values()].reduce((n, list) => n + list.length, 0)
  if (kept === 0) throw new XmltvError(`none of the ${report.read} programmes could be imported`)
  sim.db.transaction(() => storeGuide(sim, guide, report))()
  report.seconds = Number(process.hrtime.bigint() - began) / 1e9
  return report
}
