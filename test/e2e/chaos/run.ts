import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import {
  keepAppFiles,
  openTv,
  qa,
  reloadTv,
  RESULTS,
  signIn,
  startRestartableSimulator,
  until,
  type RestartableSimulator,
  type Tv,
} from '../harness'
import { chaosFaults } from './faultPlan'
import { ACTIONS, ChaosViewer, seededRandom, type ActionName, type FinishedRecording } from './viewer'
import { lostWrites, type Lost, type OperatorView, type Write } from './writes'

export interface ChaosOptions {
  seconds: number
  seed: number
  /** Simulated seconds per real second during the run. */
  clockSpeed: number
  /** False for a baseline run of the same viewer without faults. */
  faults?: boolean
}

export interface ChaosFigures {
  seconds: number
  seed: number
  requests: number
  faulted: number
  faultsByKind: Record<string, number>
  actions: Record<string, { tried: number; completed: number; ms: number }>
  signIns: number
  giveUps: string[]
  writesTried: number
  writes: Write[]
  writesAcknowledged: number
  writesFound: number
  lost: Lost[]
  pageErrors: string[]
  /** Console errors other than the browser's own "Failed to load resource" lines. */
  consoleErrors: string[]
  samples: number
  blankSamples: number
  /** The longest run of samples in a row with nothing drawn, in ms. */
  longestBlankMs: number
  cache: {
    before: string[]
    after: string[]
    offlineNotice: boolean
    /** Other screens of the user's data, with the operator there and after the restart without. */
    pages: Record<string, { before: string[]; after: string[] }>
  }
}

interface LoggedRequest {
  id: number
  faults?: string[]
}

/** The chaos user: anna of the demo data (nPVR, PIN 1234, products she can still buy). */
const USER = { id: '1001', customerId: '5001', username: 'anna', password: 'anna', pin: '1234' }
const PRODUCTS = ['5', '7']
const SAMPLE_MS = 250

const readDb = <T>(sim: RestartableSimulator, sql: string, ...params: unknown[]): T[] => {
  const conn = new Database(path.join(sim.dir, 'kanal.sqlite'), { readonly: true })
  try {
    return conn.prepare(sql).all(...params) as T[]
  } finally {
    conn.close()
  }
}

const simNow = async (url: string): Promise<number> =>
  ((await (await fetch(`${url}qa/clock`)).json()) as { now: number }).now

/** What the operator holds for the chaos user now. */
const operatorView = (sim: RestartableSimulator): OperatorView => {
  const recs = readDb<{ id: number; programme_id: string; protected: number }>(
    sim,
    'SELECT id, programme_id, protected FROM recordings WHERE user_id = ?',
    USER.id,
  )
  const purchased = readDb<{ product_id: string }>(
    sim,
    "SELECT product_id FROM licences WHERE user_id = ? AND source = 'purchase'",
    USER.id,
  )
  const [customer] = readDb<{ npvr_storage: number | null }>(
    sim,
    'SELECT npvr_storage FROM customers WHERE id = ?',
    USER.customerId,
  )
  return {
    recordedProgrammes: new Set(recs.map((r) => r.programme_id)),
    recordings: new Map(recs.map((r) => [String(r.id), r.protected === 1])),
    purchased: new Set(purchased.map((p) => p.product_id)),
    storageHours: customer?.npvr_storage ?? null,
  }
}

/** The recordings screen's counts and first rows: what the viewer sees of the data. */
const recordingsShown = async (tv: Tv): Promise<string[]> =>
  (await tv.screenTexts()).filter(
    (s) => !/^(Updated at|Offline|Storage|\d\d:\d\d)/.test(s) && !/ h free of /.test(s),
  )

/**
 * Screens of the user's own data that a box restarted without the operator shows from its cache
 * besides the recordings: the licences (docs: recordings, licences, services and guide windows
 * are cached; the account's settings are not, they need the operator).
 */
const CACHED_PAGES = ['store/mine']
/** Lines that say where the data came from (fetched now, or saved), not what it is. */
const SOURCE_LINES =
  /^(Your licences, what needs attention first|The operator cannot be reached: showing what was saved\.)$/

/** Opens a screen and reads it once its calls have ended (answered, or refused at once when offline). */
const visit = async (tv: Tv, hash: string): Promise<string[]> => {
  await tv.page.evaluate((h) => (location.hash = `#${h}`), hash)
  await tv.waitForRoute(hash)
  await tv.page.waitForFunction(
    () => (window as unknown as { __kanal: { pageReady(): boolean } }).__kanal.pageReady(),
    undefined,
    { timeout: 20_000 },
  )
  await tv.quiet(1500)
  return (await tv.screenTexts()).filter((s) => !SOURCE_LINES.test(s))
}

/**
 * Samples the screen every `SAMPLE_MS`: a sample is blank when no text is drawn and no video
 * plays. Stops when `stop` resolves.
 */
const sampleScreen = (tv: Tv, figures: ChaosFigures): { stop(): Promise<void> } => {
  let running = true
  let blankSince: number | undefined
  const loop = (async () => {
    while (running) {
      const at = Date.now()
      const blank = await tv.page
        .evaluate(() => {
          const k = (window as unknown as { __kanal?: { screenTexts(): string[] } }).__kanal
          if (!k) return false // the page is loading: the box shows its splash, not the app
          const video = document.querySelector('video')
          const playing = video !== null && !video.paused && video.readyState >= 2
          return k.screenTexts().length === 0 && !playing
        })
        .catch(() => false)
      figures.samples += 1
      if (blank) {
        figures.blankSamples += 1
        blankSince ??= at
        figures.longestBlankMs = Math.max(figures.longestBlankMs, Date.now() - blankSince)
      } else blankSince = undefined
      await new Promise((r) => setTimeout(r, Math.max(0, SAMPLE_MS - (Date.now() - at))))
    }
  })()
  return {
    async stop() {
      running = false
      await loop
    },
  }
}

/** Collects the simulator's request log as it goes (it keeps the last 2000 only). */
const requestCollector = (url: string): { poll(): Promise<void>; entries: Map<number, LoggedRequest> } => {
  const entries = new Map<number, LoggedRequest>()
  return {
    entries,
    async poll() {
      const log = (await (await fetch(`${url}qa/requests`)).json()) as { requests: LoggedRequest[] }
      for (const r of log.requests) entries.set(r.id, r)
    },
  }
}

/**
 * A chaos run: anna signs in, then for `seconds` the operator's clock runs fast and faults hit
 * about a quarter of the operator calls while a seeded viewer goes through the guide,
 * recordings, store, account and player. Afterwards, with the faults off: every change the
 * viewer was told succeeded is checked on the operator, and the app restarted with the
 * operator gone must show the same recordings from its cache.
 */
export const runChaos = async (options: ChaosOptions): Promise<ChaosFigures> => {
  const figures: ChaosFigures = {
    seconds: options.seconds,
    seed: options.seed,
    requests: 0,
    faulted: 0,
    faultsByKind: {},
    actions: {},
    signIns: 0,
    giveUps: [],
    writesTried: 0,
    writes: [],
    writesAcknowledged: 0,
    writesFound: 0,
    lost: [],
    pageErrors: [],
    consoleErrors: [],
    samples: 0,
    blankSamples: 0,
    longestBlankMs: 0,
    cache: { before: [], after: [], offlineNotice: false, pages: {} },
  }
  // Lightning's canvas2d renderer: software WebGL draws about 12 frames a second here, and the
  // viewer waits a frame or two after each key; what is checked is text, video and data, not pixels.
  const sim = await startRestartableSimulator({ stage: { canvas2d: true } })
  let tv: Tv | undefined
  try {
    tv = await openTv(sim.url)
    const page = tv.page
    page.on('pageerror', (e) => figures.pageErrors.push(e.message))
    page.on('console', (m) => {
      if (m.type() !== 'error' || /Failed to load resource/.test(m.text())) return
      if (m.location().url.endsWith('/favicon.ico')) return
      if (/^Uncaught/.test(m.text())) figures.pageErrors.push(m.text())
      else figures.consoleErrors.push(m.text())
    })
    await keepAppFiles(tv)
    await reloadTv(tv)
    await signIn(tv, USER.username, USER.password)

    const ports = {
      username: USER.username,
      password: USER.password,
      pin: USER.pin,
      products: PRODUCTS,
      finishedRecordings: async (): Promise<FinishedRecording[]> => {
        const now = await simNow(sim.url)
        return readDb<{ id: number; title: string; protected: number }>(
          sim,
          `SELECT id, title, protected FROM recordings WHERE user_id = ? AND end < ? AND failed = 0
           AND series_id IS NULL`,
          USER.id,
          now,
        ).map((r) => ({ id: String(r.id), title: r.title, protected: r.protected === 1 }))
      },
    }
    const random = seededRandom(options.seed)
    const viewer = new ChaosViewer(tv, ports, random)
    const collector = requestCollector(sim.url)
    const sampler = sampleScreen(tv, figures)

    await fetch(`${sim.url}qa/requests`, { method: 'DELETE' })
    await qa(sim.url, 'clock', { speed: options.clockSpeed })
    if (options.faults !== false) for (const fault of chaosFaults()) await qa(sim.url, 'faults', fault)

    const deadline = Date.now() + options.seconds * 1000
    // Every kind of action comes up early; after that the die chooses.
    const order: ActionName[] = [...ACTIONS]
    while (Date.now() < deadline) {
      const action = order.shift() ?? (ACTIONS[Math.floor(random() * ACTIONS.length)] as ActionName)
      await viewer.run(action)
      await collector.poll()
    }

    // The faults end and the clock stops; what is in flight settles.
    await fetch(`${sim.url}qa/faults`, { method: 'DELETE' })
    await qa(sim.url, 'clock', { speed: 0 })
    await tv.quiet(1000)
    await collector.poll()
    await sampler.stop()

    for (const r of collector.entries.values()) {
      figures.requests += 1
      if (r.faults && r.faults.length > 0) {
        figures.faulted += 1
        for (const k of r.faults) figures.faultsByKind[k] = (figures.faultsByKind[k] ?? 0) + 1
      }
    }
    figures.actions = viewer.actions
    figures.signIns = viewer.signIns
    figures.giveUps = viewer.giveUps
    figures.writesTried = viewer.writes.length
    figures.writes = viewer.writes
    const acked = viewer.writes.filter((w: Write) => w.outcome === 'acked')
    figures.writesAcknowledged = acked.length
    figures.lost = lostWrites(viewer.writes, operatorView(sim))
    figures.writesFound = acked.length - figures.lost.length

    // The cache: the recordings as the box shows them with the operator there, then after a
    // restart with the operator gone.
    // The operator's clock back at the real time: a box restarted without the operator has only
    // its own clock, and the QA clock ran ahead; the states shown (recorded, recording now)
    // follow the time, the data does not.
    await qa(sim.url, 'clock', { set: Math.floor(Date.now() / 1000), speed: 1 })
    // Restarted with the operator there first, so that both pictures start from the same screen.
    if (!(await viewer.signedIn())) await viewer.signIn()
    await reloadTv(tv, 'recordings')
    await tv.page.waitForFunction(
      () =>
        (window as unknown as { __kanal: { screenTexts(): string[] } }).__kanal
          .screenTexts()
          .some((s) => s.startsWith('Updated at')),
      undefined,
      { timeout: 20_000 },
    )
    await tv.quiet(1000)
    figures.cache.before = await recordingsShown(tv)
    for (const hash of CACHED_PAGES) figures.cache.pages[hash] = { before: await visit(tv, hash), after: [] }
    await sim.stop()
    await reloadTv(tv, 'recordings')
    await until(
      'the recordings from the cache',
      async () =>
        (await tv!.screenTexts()).some((s) => s.startsWith('Offline: showing the recordings saved at')),
      20_000,
    ).then(
      () => (figures.cache.offlineNotice = true),
      () => undefined,
    )
    figures.cache.after = await recordingsShown(tv)
    for (const hash of CACHED_PAGES) {
      const page = figures.cache.pages[hash]
      if (page) page.after = await visit(tv, hash)
    }
    return figures
  } finally {
    fs.mkdirSync(RESULTS, { recursive: true })
    fs.writeFileSync(path.join(RESULTS, `chaos-${options.seconds}s.json`), JSON.stringify(figures, null, 2))
    await tv?.close()
    await sim.close()
  }
}

/** The figures as the report prints them. */
export const describeFigures = (f: ChaosFigures): string =>
  [
    `chaos run: ${f.seconds} s, seed ${f.seed}`,
    `requests: ${f.requests}, faults injected: ${f.faulted} (${((100 * f.faulted) / Math.max(1, f.requests)).toFixed(1)}%)`,
    `faults by kind: ${Object.entries(f.faultsByKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
    `actions: ${Object.entries(f.actions)
      .map(([k, a]) => `${k} ${a.completed}/${a.tried} (${(a.ms / 1000).toFixed(1)} s)`)
      .join(', ')}; sign-ins ${f.signIns}`,
    `gave up: ${f.giveUps.length}${f.giveUps.map((g) => `\n  ${g}`).join('')}`,
    `writes: tried ${f.writesTried} (${f.writes.map((w) => `${w.kind} ${w.outcome}`).join(', ')}), acknowledged ${f.writesAcknowledged}, found on the operator ${f.writesFound}`,
    ...f.lost.map((l) => `  LOST: ${JSON.stringify(l.write)}: ${l.why}`),
    `page errors: ${f.pageErrors.length}${f.pageErrors.map((e) => `\n  ${e}`).join('')}`,
    `other console errors: ${f.consoleErrors.length}`,
    `screen samples: ${f.samples}, blank: ${f.blankSamples}, longest blank: ${f.longestBlankMs} ms`,
    `cache after a restart without the operator: ${f.cache.offlineNotice ? 'offline notice shown' : 'NO offline notice'}, ${
      JSON.stringify(f.cache.before) === JSON.stringify(f.cache.after) ? 'same data' : 'DIFFERENT data'
    }${Object.entries(f.cache.pages)
      .map(
        ([hash, p]) =>
          `; ${hash}: ${JSON.stringify(p.before) === JSON.stringify(p.after) ? 'same' : 'DIFFERENT'}`,
      )
      .join('')}`,
  ].join('\n')
