/** @jest-environment node */
import { firstValueFrom } from 'rxjs'
import type { Programme } from '../../../../src/domain/guide'
import { createMemoryStore } from '../../../../src/state/storage/keyValueStore'
import { startSimulator, type RunningSimulator } from '../../api/support/simulator'
import { bootApp, closeApps, type App } from './support/app'

/**
 * A broken XMLTV guide reaching the operator: the messy parts of a file that imports (times
 * without a stop, overlaps, a stop before the start, a programme without a title) and a file
 * that does not import at all. The guide state of a box that restarts on it (lineup and
 * programme windows) shows what was kept, drawable, and nothing of a refused file.
 */
let s: RunningSimulator

beforeAll(async () => {
  s = await startSimulator()
})
afterAll(async () => s.close())
afterEach(closeApps)

const MESSY = `<?xml version="1.0" encoding="UTF-8"?>
<tv>
  <channel id="alpha.test"><display-name>Alpha Messy</display-name></channel>
  <channel id="alpha.test"><display-name>Alpha again</display-name></channel>
  <channel><display-name>No id</display-name></channel>
  <programme start="20250101233000 +0100" stop="20250101003000 +0100" channel="alpha.test"><title>Late show</title></programme>
  <programme start="20250102010000" channel="alpha.test"><title lang="ru">Новости</title><title lang="en">News</title></programme>
  <programme start="20250102020000 +0000" stop="20250102040000 +0000" channel="alpha.test"><title>Film</title></programme>
  <programme start="20250102030000 +0000" stop="20250102050000 +0000" channel="alpha.test"><title>Overlapping</title></programme>
  <programme start="20250102060000 +0000" stop="20250102060000 +0000" channel="alpha.test"><title>Zero</title></programme>
  <programme start="20250102070000 +0000" stop="20250101070000 +0000" channel="alpha.test"><title>Day early</title></programme>
  <programme start="2025-01-02 08:00" stop="20250102090000 +0000" channel="alpha.test"><title>Bad start</title></programme>
  <programme start="20250102090000 +0000" stop="20250102100000 +0000" channel="alpha.test"></programme>
  <programme start="20250102100000 +0000" channel="alpha.test"><title>Last, no stop</title></programme>
  <programme start="20250102060000 +0000" stop="20250102070000 +0000" channel="ghost.test"><title>Boo</title></programme>
</tv>
`
const FROM = Date.UTC(2025, 0, 1, 20) / 1000
const TO = FROM + 20 * 3600

const importXmltv = async (body: string): Promise<{ status: number; json: Record<string, unknown> }> => {
  const res = await fetch(`${s.url}qa/import`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/xml' },
    body,
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

/** A box starting now: its lineup, then Alpha's programmes over the day of the file. */
const guideOf = async (app: App): Promise<{ channels: string[]; alpha: Programme[] }> => {
  await app.state.start()
  await app.state.guide.loadChannels()
  const channels = app.state.guide.lineup.channels
  const row = channels.findIndex((c) => c.name === 'Alpha Messy')
  if (row < 0) throw new Error('Alpha is not in the lineup')
  const store = app.state.guide.store
  for (;;) {
    const shown = store.programmes(row, FROM, TO)
    if (shown.state === 'ready') return { channels: channels.map((c) => c.id), alpha: shown.items }
    if (shown.state === 'failed') throw new Error('the window failed')
    const next = firstValueFrom(store.changed$)
    store.show({ firstRow: row, lastRow: row, from: FROM, to: TO })
    await next
  }
}

describe('a broken XMLTV guide', () => {
  it('what a messy file keeps reaches the guide drawable; a file that does not import changes nothing', async () => {
    const imported = await importXmltv(MESSY)
    expect(imported.status).toBe(200)

    const disk = createMemoryStore()
    const first = await guideOf(bootApp(s, disk))
    // Every programme can be drawn: a title, a positive length, in order, none over another.
    expect(first.alpha.length).toBeGreaterThan(3)
    for (const [i, p] of first.alpha.entries()) {
      expect(p.title).not.toBe('')
      expect(p.end).toBeGreaterThan(p.start)
      const before = first.alpha[i - 1]
      if (before !== undefined) expect(p.start).toBeGreaterThanOrEqual(before.end)
    }
    expect(first.alpha.map((p) => p.title)).not.toContain('Zero')
    closeApps()

    // A truncated copy of the same file is refused whole, with a reason for the one who sent it.
    const refused = await importXmltv(MESSY.slice(0, MESSY.length / 2))
    expect(refused.status).toBe(400)
    expect(refused.json).toMatchObject({ code: 'invalid_xmltv' })
    expect(String(refused.json.message)).toMatch(/nothing was imported/)

    // The box restarts on the same operator: the same lineup and the same programmes.
    const again = await guideOf(bootApp(s, disk))
    expect(again).toEqual(first)
  })
})
