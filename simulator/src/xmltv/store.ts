import type { Sim } from '../model/context'
import { getMeta, setMeta } from '../db/connection'
import { refreshGuideStats } from '../model/guide'
import { indexProgrammesFrom } from '../model/searchIndex'
import { seedScenario } from '../db/seed/scenarios'
import type { CleanGuide } from './clean'
import type { ImportReport } from './report'

const slug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)

/** FNV-1a: a short stable key for a title in any script. */
const hash = (text: string): string => {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

/**
 * Writes a cleaned guide. The caller holds the transaction. A channel is matched by its XMLTV
 * id, so importing the same file again replaces its programmes instead of doubling them: the
 * programmes of each channel in the file's time range are deleted first.
 */
export const storeGuide = (sim: Sim, guide: CleanGuide, report: ImportReport): void => {
  const db = sim.db
  // A database that was never seeded gets the accounts, or a later start would seed the demo over it.
  if (getMeta(db, 'guide_anchor') === undefined) seedScenario(sim, 'empty')

  const byXmltv = db.prepare<[string], { id: string }>('SELECT id FROM channels WHERE xmltv_id = ?')
  const idTaken = db.prepare<[string], { id: string }>('SELECT id FROM channels WHERE id = ?')
  const nextNumber = db.prepare<[], { n: number }>('SELECT coalesce(max(number), 0) + 1 AS n FROM channels')
  const insertChannel = db.prepare(
    'INSERT INTO channels (id, number, name, genre, catchup_hours, xmltv_id, icon_url) VALUES (?, ?, ?, NULL, 0, ?, ?)',
  )
  const updateChannel = db.prepare(
    'UPDATE channels SET name = ?, icon_url = coalesce(?, icon_url) WHERE id = ?',
  )
  const clearRange = db.prepare('DELETE FROM programmes WHERE channel_id = ? AND start < ? AND end > ?')
  const insertProgramme = db.prepare(
    `INSERT INTO programmes (channel_id, start, end, title, description, categories, series_id, episode, flags)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )

  const channelIds = new Map<string, string>()
  for (const c of guide.channels) {
    const existing = byXmltv.get(c.xmltvId)
    if (existing) {
      updateChannel.run(c.name, c.icon ?? null, existing.id)
      channelIds.set(c.xmltvId, existing.id)
      continue
    }
    const number = nextNumber.get()?.n ?? 1
    const base = `x-${slug(c.xmltvId) || String(number)}`
    let id = base
    for (let n = 2; idTaken.get(id); n += 1) id = `${base}-${n}`
    insertChannel.run(id, number, c.name, c.xmltvId, c.icon ?? null)
    channelIds.set(c.xmltvId, id)
  }
  report.channels = guide.channels.length

  for (const [xmltvId, programmes] of guide.programmes) {
    const channelId = channelIds.get(xmltvId)
    const first = programmes[0]
    const last = programmes[programmes.length - 1]
    if (channelId === undefined || !first || !last) continue
    clearRange.run(channelId, last.end, first.start)
    let firstId: number | undefined
    for (const p of programmes) {
      const seriesId = p.isEpisode ? `${channelId}:${hash(p.title)}` : null
      const { lastInsertRowid } = insertProgramme.run(
        channelId,
        p.start,
        p.end,
        p.title,
        p.description,
        p.categories,
        seriesId,
        p.episode,
        p.flags,
      )
      firstId ??= Number(lastInsertRowid)
    }
    if (firstId !== undefined) indexProgrammesFrom(db, firstId)
    report.programmes += programmes.length
    report.from = Math.min(report.from ?? first.start, first.start)
    report.to = Math.max(report.to ?? last.end, last.end)
  }
  refreshGuideStats(sim)
  // The seeded demo guide is regenerated when it gets old; an imported one is the user's own.
  setMeta(db, 'guide_source', 'xmltv')
}
