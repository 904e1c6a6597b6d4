import { canCancel, type Recording, type RecordingFilter } from '../../domain/recordings'
import type { RecordingsListView, RecordingsView } from '../../state/recordings/recordingsView'
import { formatDay, formatTime } from '../format'
import { phrase, type Phrase } from '../i18n'
import type { Tone } from '../theme'

/**
 * What the recordings screen decides before it draws: the actions a recording offers, the
 * status line, the filter bar and the empty states. Pure; phrases are translated by the caller.
 */

export type RecordingActionId = 'play' | 'protect' | 'delete' | 'cancel' | 'cancelSeries' | 'close'

export interface RecordingActionLook {
  id: RecordingActionId
  label: Phrase
}

/**
 * The action menu of a recording at `now`: Play once it has started (not a failed one),
 * Protect/Unprotect (not a failed one), Delete once it is over, Cancel before it starts and Stop
 * while it runs, Cancel series while episodes of its series are still to come, and Close.
 */
export const recordingActions = (
  r: Recording,
  now: number,
  scheduledInSeries: number,
): RecordingActionLook[] => {
  const when = canCancel(r, now).allowed ? (now < r.start ? 'scheduled' : 'ongoing') : 'over'
  const out: RecordingActionLook[] = []
  if (r.state !== 'failed' && now >= r.start)
    out.push({ id: 'play', label: phrase('recordings.action.play') })
  if (r.state !== 'failed')
    out.push({
      id: 'protect',
      label: phrase(r.protected ? 'recordings.action.unprotect' : 'recordings.action.protect'),
    })
  if (when === 'over') out.push({ id: 'delete', label: phrase('recordings.action.delete') })
  if (when === 'scheduled') out.push({ id: 'cancel', label: phrase('recordings.action.cancel') })
  if (when === 'ongoing') out.push({ id: 'cancel', label: phrase('recordings.action.stop') })
  if (r.seriesId !== undefined && scheduledInSeries > 0)
    out.push({ id: 'cancelSeries', label: phrase('recordings.action.cancelSeries') })
  out.push({ id: 'close', label: phrase('recordings.action.close') })
  return out
}

export interface StatusLook {
  text: Phrase | undefined
  tone: Tone
  bold: boolean
}

/** "Updated at 21:05", or in the warning colour that the list is the last one seen offline. */
export const recordingsStatus = (view: RecordingsView): StatusLook => {
  if (view.kind !== 'list') return { text: undefined, tone: 'textMuted', bold: false }
  const at = view.fetchedAt !== undefined ? formatTime(Math.floor(view.fetchedAt / 1000)) : undefined
  if (view.offline)
    return {
      text:
        at !== undefined ? phrase('recordings.offline', { time: at }) : phrase('recordings.offlineNoTime'),
      tone: 'warning',
      bold: true,
    }
  return {
    text: at !== undefined ? phrase('recordings.updatedAt', { time: at }) : undefined,
    tone: 'textMuted',
    bold: false,
  }
}

export const FILTERS: readonly RecordingFilter[] = ['all', 'scheduled', 'ongoing', 'recorded']
export const FILTER_LABEL: Record<RecordingFilter, string> = {
  all: 'recordings.all',
  scheduled: 'recordings.scheduled',
  ongoing: 'recordings.ongoing',
  recorded: 'recordings.recorded',
}

export interface FilterLook {
  id: string
  label: string
  selected: boolean
}

/**
 * The bar above the list: the filters with their counts, then the sort; inside a series, the
 * way back first and "Cancel series" while episodes are still to come.
 */
export const filterBar = (view: RecordingsListView, say: (p: Phrase) => string): FilterLook[] => {
  const filters = FILTERS.map((f) => ({
    id: f,
    label: `${say(phrase(FILTER_LABEL[f]))} (${view.counts[f]})`,
    selected: view.filter === f,
  }))
  if (view.series) {
    const hasScheduled = view.counts.scheduled + view.counts.ongoing > 0
    return [
      { id: 'back', label: `‹ ${say(phrase('recordings.action.allRecordings'))}`, selected: false },
      ...filters,
      ...(hasScheduled
        ? [{ id: 'cancelSeries', label: say(phrase('recordings.action.cancelSeries')), selected: false }]
        : []),
    ]
  }
  return [...filters, { id: 'sort', label: say(phrase(`recordings.sort.${view.sort}`)), selected: false }]
}

export type EmptyActionId = 'signin' | 'store' | 'retry' | 'guide'

export interface EmptyLook {
  title: Phrase
  body: Phrase | undefined
  action: { id: EmptyActionId; label: Phrase } | undefined
}

/** "A", "A or B", "A, B or C", each in quotes. */
const offerList = (offers: readonly string[], say: (p: Phrase) => string): string => {
  const quoted = offers.map((o) => `“${o}”`)
  return quoted.length > 1
    ? `${quoted.slice(0, -1).join(', ')} ${say(phrase('recordings.empty.or'))} ${quoted[quoted.length - 1] ?? ''}`
    : (quoted[0] ?? '')
}

/** What the screen says instead of a list: signed out, loading, no nPVR, unavailable, none yet. */
export const emptyState = (
  view: Exclude<RecordingsView, { kind: 'list' }> | RecordingsListView,
  say: (p: Phrase) => string,
): EmptyLook => {
  switch (view.kind) {
    case 'signedOut':
      return {
        title: phrase('recordings.empty.signedOut.title'),
        body: phrase('recordings.empty.signedOut.body'),
        action: { id: 'signin', label: phrase('recordings.action.signIn') },
      }
    case 'loading':
      return { title: phrase('recordings.loading'), body: undefined, action: undefined }
    case 'noNpvr':
      return {
        title: phrase('recordings.empty.noNpvr.title'),
        body:
          view.offers.length > 0
            ? phrase('recordings.empty.noNpvr.body', { offers: offerList(view.offers, say) })
            : phrase('recordings.empty.noNpvr.bodyGeneric'),
        action: { id: 'store', label: phrase('recordings.action.store') },
      }
    case 'unavailable':
      return {
        title: phrase('recordings.empty.unavailable.title'),
        body: phrase(
          view.offline ? 'recordings.empty.unavailable.offline' : 'recordings.empty.unavailable.other',
        ),
        action: { id: 'retry', label: phrase('action.retry') },
      }
    case 'list':
      return {
        title: phrase('recordings.empty.none.title'),
        body: phrase('recordings.empty.none.body'),
        action: { id: 'guide', label: phrase('action.toGuide') },
      }
  }
}

/** A series folder's row title: the episode with its episode ("Kingdom of Salt · S1 E4"). */
export const rowTitle = (r: Recording, inSeries: boolean): Phrase | string =>
  inSeries && r.episode !== undefined
    ? phrase('recordings.title.episode', { title: r.title, episode: r.episode })
    : r.title

/**
 * A recording named where the list is not in sight (a confirmation, a toast): an episode of an
 * opened series folder with its episode and date, or its date alone when the guide gave no
 * episode (all the folder's lines share the title).
 */
export const recordingName = (r: Recording, inSeries: boolean): Phrase | string => {
  if (!inSeries) return r.title
  const date = formatDay(r.start)
  return r.episode !== undefined
    ? phrase('recordings.name.episode', { title: r.title, episode: r.episode, date })
    : phrase('recordings.name.dated', { title: r.title, date })
}

/** Why a failed recording failed; nothing for one that did not fail. */
export const failurePhrase = (r: Recording): Phrase | undefined =>
  r.state === 'failed' ? phrase(`recordings.failure.${r.failure ?? 'unknown'}`) : undefined

/** Where a series' folder is in the list (-1 when it is not there): Back from it lands on it. */
export const seriesRowIndex = (
  rows: readonly ({ kind: 'series'; seriesId: string } | { kind: 'recording' })[],
  seriesId: string | undefined,
): number =>
  seriesId === undefined ? -1 : rows.findIndex((r) => r.kind === 'series' && r.seriesId === seriesId)
