/** What an import did to one file: every fix and every drop is counted, nothing happens silently. */
export interface ImportReport {
  file: string
  /** Channels written (declared, plus auto-declared ones when asked for). */
  channels: number
  /** Programmes in the file. */
  read: number
  /** Programmes written. */
  programmes: number
  /** First start and last end written, Unix seconds. */
  from?: number
  to?: number
  fixed: {
    /** Programmes whose times had a non-zero UTC offset, converted to UTC. */
    offsetsNormalised: number
    /** Programmes whose start had no zone: UTC assumed, as the XMLTV DTD says. */
    noOffsetAssumedUtc: number
    /** Programmes cut short because the next one on the channel starts before they end. */
    overlapsTrimmed: number
    /** A stop earlier than the start by less than a day: the stop was put on the next day. */
    stopBeforeStartFixed: number
    /** No stop: taken from <length>, or else from the next programme's start. */
    missingStopFilled: number
    /** No title: "Untitled" given. */
    untitledFilled: number
    /** Declared channels with the same id more than once: merged into the first. */
    duplicateChannelsMerged: number
    /** Channels created for programmes of channels the file does not declare (--declare-undeclared). */
    channelsAutoDeclared: number
  }
  dropped: {
    /** A stop equal to the start, or earlier by a day or more. */
    stopBeforeStart: number
    /** No stop, no <length> and no next programme to end at. */
    missingStop: number
    /** A second programme at the same start on the same channel. */
    duplicates: number
    /** Programmes of a channel the file does not declare (the default). */
    undeclaredChannel: number
    /** A start that is missing or not an XMLTV date. */
    badStart: number
    /** A <channel> without an id, or a <programme> without a channel. */
    withoutId: number
  }
  kept: {
    /** Holes between two programmes of a channel: left empty, nothing is invented. */
    gaps: number
    /** Titles in a non-Latin script (Arabic, Cyrillic...), stored as they are. */
    nonLatinTitles: number
    /** Programmes with titles in several languages: the first one is used. */
    multiLanguageTitles: number
  }
  undeclaredChannels: string[]
  seconds: number
}

export const emptyReport = (file: string): ImportReport => ({
  file,
  channels: 0,
  read: 0,
  programmes: 0,
  fixed: {
    offsetsNormalised: 0,
    noOffsetAssumedUtc: 0,
    overlapsTrimmed: 0,
    stopBeforeStartFixed: 0,
    missingStopFilled: 0,
    untitledFilled: 0,
    duplicateChannelsMerged: 0,
    channelsAutoDeclared: 0,
  },
  dropped: {
    stopBeforeStart: 0,
    missingStop: 0,
    duplicates: 0,
    undeclaredChannel: 0,
    badStart: 0,
    withoutId: 0,
  },
  kept: { gaps: 0, nonLatinTitles: 0, multiLanguageTitles: 0 },
  undeclaredChannels: [],
  seconds: 0,
})

const LABELS: Record<string, string> = {
  offsetsNormalised: 'UTC offsets normalised',
  noOffsetAssumedUtc: 'no offset (UTC assumed)',
  overlapsTrimmed: 'overlaps trimmed',
  stopBeforeStartFixed: 'stop before start (moved to next day)',
  missingStopFilled: 'missing stop filled',
  untitledFilled: 'untitled',
  duplicateChannelsMerged: 'duplicate channels merged',
  channelsAutoDeclared: 'undeclared channels auto-declared',
  stopBeforeStart: 'stop before start',
  missingStop: 'missing stop at end of channel',
  duplicates: 'duplicates',
  undeclaredChannel: 'programmes of undeclared channels',
  badStart: 'bad start',
  withoutId: 'without id/channel',
  gaps: 'gaps',
  nonLatinTitles: 'non-Latin titles intact',
  multiLanguageTitles: 'multi-language titles (first kept)',
}

const list = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([key, n]) => `${LABELS[key] ?? key} ${n}`)
    .join(', ')

/** A few lines per file for the terminal. */
export const formatReport = (r: ImportReport): string => {
  const range =
    r.from !== undefined && r.to !== undefined
      ? ` (${new Date(r.from * 1000).toISOString()} .. ${new Date(r.to * 1000).toISOString()})`
      : ''
  const lines = [
    `${r.file}: ${r.channels} channels, ${r.programmes} of ${r.read} programmes imported${range} in ${r.seconds.toFixed(2)} s`,
    `  fixed:   ${list(r.fixed)}`,
    `  dropped: ${list(r.dropped)}`,
    `  kept:    ${list(r.kept)}`,
  ]
  if (r.undeclaredChannels.length > 0) lines.push(`  undeclared channels: ${r.undeclaredChannels.join(', ')}`)
  return lines.join('\n')
}
