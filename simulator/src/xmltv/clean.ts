import type { ParsedXmltv, RawChannel, RawProgramme } from './parse'
import type { ImportReport } from './report'
import { FLAG_BITS } from '../model/flags'

export interface CleanProgramme {
  start: number
  end: number
  title: string
  description: string | null
  /** JSON array, as the programmes table stores it. */
  categories: string | null
  /** Programmes with episode information are episodes of a series named by their title. */
  isEpisode: boolean
  episode: string | null
  /** model/flags.ts's bits. */
  flags: number
}

export interface CleanGuide {
  channels: RawChannel[]
  /** By XMLTV channel id, sorted by start, without overlaps. */
  programmes: Map<string, CleanProgramme[]>
}

const DAY = 86400
/** Categories that say a programme is broadcast live, as grabbers write them in a few languages. */
const LIVE_CATEGORIES = new Set(['live', 'en vivo', 'ao vivo', 'en direct', 'direkt', 'otse'])
const NON_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u

interface Timed {
  raw: RawProgramme
  start: number
  end: number | undefined
}

/** "2.11.0/1" (zero-based season.episode.part) as "S3 E12". */
const episodeOfNs = (ns: string): string | undefined => {
  const [season, episode] = ns.split('.').map((part) => part.split('/')[0]?.trim() ?? '')
  const s = season !== undefined && /^\d+$/.test(season) ? `S${Number(season) + 1}` : ''
  const e = episode !== undefined && /^\d+$/.test(episode) ? `E${Number(episode) + 1}` : ''
  const out = [s, e].filter((x) => x !== '').join(' ')
  return out === '' ? undefined : out
}

const episodeOf = (p: RawProgramme, title: string): string | null => {
  if (p.episodeOnscreen !== undefined) return p.episodeOnscreen
  const ns = p.episodeNs !== undefined ? episodeOfNs(p.episodeNs) : undefined
  if (ns !== undefined) return ns
  // Many guides repeat the title as sub-title: that says nothing about an episode.
  return p.subTitle !== undefined && p.subTitle !== title ? p.subTitle : null
}

const toClean = (t: Timed & { end: number }, report: ImportReport): CleanProgramme => {
  const p = t.raw
  let title = p.titles[0]
  if (title === undefined) {
    title = 'Untitled'
    report.fixed.untitledFilled += 1
  }
  if (p.titles.length > 1) report.kept.multiLanguageTitles += 1
  if (NON_LATIN.test(title)) report.kept.nonLatinTitles += 1
  const episode = episodeOf(p, title)
  return {
    start: t.start,
    end: t.end,
    title,
    description: p.description ?? null,
    categories: p.categories.length > 0 ? JSON.stringify(p.categories) : null,
    isEpisode: episode !== null,
    episode,
    flags: p.categories.some((c) => LIVE_CATEGORIES.has(c.toLowerCase()))
      ? p.flags | FLAG_BITS.Live
      : p.flags,
  }
}

/**
 * One channel's programmes made into a schedule the guide can serve: sorted, one programme per
 * start, every stop after its start, no overlaps. Gaps are counted and kept.
 */
const cleanChannel = (raws: RawProgramme[], report: ImportReport): CleanProgramme[] => {
  const timed: Timed[] = []
  for (const raw of raws) {
    if (!raw.start) {
      report.dropped.badStart += 1
      continue
    }
    const offsets = [raw.start.offsetMinutes, raw.stop?.offsetMinutes]
    if (offsets.some((o) => o !== undefined && o !== 0)) report.fixed.offsetsNormalised += 1
    if (raw.start.offsetMinutes === undefined) report.fixed.noOffsetAssumedUtc += 1
    let end = raw.stop?.at
    if (end !== undefined && end <= raw.start.at) {
      // Around midnight some grabbers keep the start's date on the stop: 23:30 -> 00:30 the same day.
      if (end < raw.start.at && end + DAY > raw.start.at) {
        end += DAY
        report.fixed.stopBeforeStartFixed += 1
      } else {
        report.dropped.stopBeforeStart += 1
        continue
      }
    }
    timed.push({ raw, start: raw.start.at, end })
  }
  timed.sort((a, b) => a.start - b.start || a.raw.order - b.raw.order)

  const unique: Timed[] = []
  for (const t of timed) {
    if (unique.length > 0 && unique[unique.length - 1]?.start === t.start) report.dropped.duplicates += 1
    else unique.push(t)
  }

  const complete: (Timed & { end: number })[] = []
  unique.forEach((t, i) => {
    if (t.end !== undefined) {
      complete.push({ ...t, end: t.end })
      return
    }
    const next = unique[i + 1]
    const end = t.raw.lengthSeconds !== undefined ? t.start + t.raw.lengthSeconds : next?.start
    if (end === undefined) {
      report.dropped.missingStop += 1
      return
    }
    report.fixed.missingStopFilled += 1
    complete.push({ ...t, end })
  })

  for (let i = 0; i + 1 < complete.length; i += 1) {
    const current = complete[i]
    const next = complete[i + 1]
    if (!current || !next) continue
    if (current.end > next.start) {
      current.end = next.start
      report.fixed.overlapsTrimmed += 1
    } else if (current.end < next.start) {
      report.kept.gaps += 1
    }
  }
  return complete.map((t) => toClean(t, report))
}

/** Fixes what can be fixed and drops the rest, counting each in the report. */
export const cleanGuide = (
  parsed: ParsedXmltv,
  declareUndeclared: boolean,
  report: ImportReport,
): CleanGuide => {
  report.read = parsed.programmes.length + parsed.programmesWithoutChannel
  report.dropped.withoutId = parsed.channelsWithoutId + parsed.programmesWithoutChannel
  report.fixed.duplicateChannelsMerged = parsed.duplicateChannels
  const channels = [...parsed.channels]
  const declared = new Set(channels.map((c) => c.xmltvId))
  const byChannel = new Map<string, RawProgramme[]>()
  for (const p of parsed.programmes) {
    const list = byChannel.get(p.channel)
    if (list) list.push(p)
    else byChannel.set(p.channel, [p])
  }
  const programmes = new Map<string, CleanProgramme[]>()
  for (const [id, raws] of byChannel) {
    if (!declared.has(id)) {
      report.undeclaredChannels.push(id)
      if (!declareUndeclared) {
        report.dropped.undeclaredChannel += raws.length
        continue
      }
      channels.push({ xmltvId: id, name: id })
      declared.add(id)
      report.fixed.channelsAutoDeclared += 1
    }
    programmes.set(id, cleanChannel(raws, report))
  }
  return { channels, programmes }
}
