import { createClock } from '../clock'
import { defaultConfig, resolveConfig } from '../config'
import { openDatabase } from '../db/connection'
import type { Sim } from '../model/context'
import { XmltvError } from './errors'
import { importXmltvFile } from './import'
import { formatReport } from './report'

const USAGE = `usage: npm run import:xmltv -- [--db PATH] [--declare-undeclared] FILE...
  Imports XMLTV guides (plain or .gz) into the simulator's database (KANAL_DB, or
  simulator/data/kanal.sqlite), one transaction per file.
  --db PATH             the SQLite file to write (default: KANAL_DB or the simulator's own)
  --declare-undeclared  create channels for programmes of undeclared channels (default: drop them)`

interface Args {
  files: string[]
  db?: string
  declareUndeclared: boolean
}

const parseArgs = (argv: string[]): Args | string => {
  const args: Args = { files: [], declareUndeclared: false }
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] ?? ''
    if (a === '--help' || a === '-h') return USAGE
    if (a === '--declare-undeclared') args.declareUndeclared = true
    else if (a === '--db') {
      const value = argv[i + 1]
      if (value === undefined) return '--db needs a path'
      args.db = value
      i += 1
    } else if (a.startsWith('--')) return `unknown option ${a}`
    else args.files.push(a)
  }
  return args.files.length === 0 ? 'no file given' : args
}

const main = async (): Promise<number> => {
  const args = parseArgs(process.argv.slice(2))
  if (typeof args === 'string') {
    process.stderr.write(args === USAGE ? `${USAGE}\n` : `import:xmltv: ${args}\n${USAGE}\n`)
    return args === USAGE ? 0 : 2
  }
  const config = resolveConfig(defaultConfig())
  const dbPath = args.db ?? config.dbPath
  const sim: Sim = { db: openDatabase(dbPath), clock: createClock(config.clock), config }
  let failed = 0
  let programmes = 0
  let seconds = 0
  try {
    for (const file of args.files) {
      try {
        const report = await importXmltvFile(sim, file, { declareUndeclared: args.declareUndeclared })
        programmes += report.programmes
        seconds += report.seconds
        process.stdout.write(`${formatReport(report)}\n`)
      } catch (e) {
        if (!(e instanceof XmltvError)) throw e
        failed += 1
        process.stderr.write(`import:xmltv: ${file}: ${e.message}; nothing was imported from it\n`)
      }
    }
  } finally {
    sim.db.close()
  }
  const rate = seconds > 0 ? Math.round(programmes / seconds) : 0
  process.stdout.write(
    `${args.files.length - failed} of ${args.files.length} files imported into ${dbPath}: ${programmes} programmes, ${rate} programmes/s\n`,
  )
  return failed > 0 ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`import:xmltv: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exit(1)
  },
)
