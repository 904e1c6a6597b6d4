import path from 'node:path'
import type { Sim } from '../model/context'
import { cleanGuide } from './clean'
import { XmltvError } from './errors'
import { parseXmltvBytes, parseXmltvFile, type ParsedXmltv } from './parse'
import { emptyReport, type ImportReport } from './report'
import { storeGuide } from './store'

export interface ImportOptions {
  /** Create channels for programmes whose channel the file does not declare, instead of dropping them. */
  declareUndeclared?: boolean
}

const importParsed = async (
  sim: Sim,
  name: string,
  parse: () => Promise<ParsedXmltv>,
  options: ImportOptions,
): Promise<ImportReport> => {
  const began = process.hrtime.bigint()
  const report = emptyReport(name)
  const parsed = await parse()
  if (parsed.channels.length === 0 && parsed.programmes.length === 0) {
    throw new XmltvError('no <channel> and no <programme> in the file')
  }
  const guide = cleanGuide(parsed, options.declareUndeclared === true, report)
  const kept = [...guide.programmes.values()].reduce((n, list) => n + list.length, 0)
  if (kept === 0) throw new XmltvError(`none of the ${report.read} programmes could be imported`, report)
  sim.db.transaction(() => storeGuide(sim, guide, report))()
  report.seconds = Number(process.hrtime.bigint() - began) / 1e9
  return report
}

/**
 * Imports one XMLTV file in one transaction: a file that cannot be read, is not XMLTV, is
 * truncated or holds no programme throws an XmltvError and writes nothing.
 */
export const importXmltvFile = (sim: Sim, file: string, options: ImportOptions = {}): Promise<ImportReport> =>
  importParsed(sim, path.basename(file), () => parseXmltvFile(file), options)

/** The same for a file already in memory (an upload to the QA controls), named `name` in the report. */
export const importXmltvBytes = (
  sim: Sim,
  bytes: Buffer,
  name: string,
  options: ImportOptions = {},
): Promise<ImportReport> => importParsed(sim, name, () => parseXmltvBytes(bytes, name), options)
