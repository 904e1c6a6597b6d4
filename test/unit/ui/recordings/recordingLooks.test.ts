import { scheduledEpisodes, type Recording } from '../../../../src/domain/recordings'
import type { RecordingsListView } from '../../../../src/state/recordings/recordingsView'
import type { UserState } from '../../../../src/state/user/userState'
import { formatTime } from '../../../../src/ui/format'
import type { Phrase } from '../../../../src/ui/i18n'
import { RecordingIntents } from '../../../../src/ui/recordings/recordingIntents'
import {
  emptyState,
  filterBar,
  recordingActions,
  recordingsStatus,
} from '../../../../src/ui/recordings/recordingLooks'

const START = 1_800_000_000
const rec = (extra: Partial<Recording> = {}): Recording => ({
  id: 'r1',
  programmeId: 'p1',
  channelId: 'c1',
  title: 'News',
  start: START,
  end: START + 3600,
  state: 'scheduled',
  protected: false,
  expiresAt: null,
  ...extra,
})
const ids = (r: Recording, now: number, series = 0) => recordingActions(r, now, series).map((a) => a.id)
const labels = (r: Recording, now: number) => recordingActions(r, now, 0).map((a) => a.label.key)
/** Keys and values as text: a test has no translations. */
const sayKey = (p: Phrase): string => (p.values ? `${p.key}${JSON.stringify(p.values)}` : p.key)

describe("a recording's action menu", () => {
  it('offers Cancel before the start, without Play or Delete', () => {
    expect(ids(rec(), START - 60)).toEqual(['protect', 'cancel', 'close'])
    expect(labels(rec(), START - 60)).toContain('recordings.action.cancel')
  })

  it('offers Play and Stop while it records', () => {
    expect(ids(rec(), START + 60)).toEqual(['play', 'protect', 'cancel', 'close'])
    expect(labels(rec(), START + 60)).toContain('recordings.action.stop')
  })

  it('offers Play, Unprotect and Delete once it is over', () => {
    const done = rec({ state: 'finished', protected: true })
    expect(ids(done, START + 7200)).toEqual(['play', 'protect', 'delete', 'close'])
    expect(labels(done, START + 7200)).toContain('recordings.action.unprotect')
  })

  it('offers only Delete for a failed recording', () => {
    expect(ids(rec({ state: 'failed' }), START + 7200)).toEqual(['delete', 'close'])
  })

  it('offers Cancel series while episodes of its series are still to come', () => {
    const episode = rec({ seriesId: 's1', state: 'finished' })
    expect(ids(episode, START + 7200, 2)).toContain('cancelSeries')
    expect(ids(episode, START + 7200, 0)).not.toContain('cancelSeries')
    expect(ids(rec(), START - 60, 3)).not.toContain('cancelSeries')
  })

  it('counts the episodes still to come, not the failed or started ones', () => {
    const list = [
      rec({ id: 'a', seriesId: 's1' }),
      rec({ id: 'b', seriesId: 's1', state: 'failed' }),
      rec({ id: 'c', seriesId: 's1', start: START - 600 }),
      rec({ id: 'd', seriesId: 's2' }),
      rec({ id: 'e', seriesId: 's1', start: START + 86_400 }),
    ]
    expect(scheduledEpisodes(list, 's1', START - 60)).toBe(2)
  })
})

const listView = (extra: Partial<RecordingsListView> = {}): RecordingsListView => ({
  kind: 'list',
  filter: 'all',
  sort: 'date',
  series: undefined,
  rows: [],
  counts: { all: 5, scheduled: 2, ongoing: 0, recorded: 3 },
  empty: false,
  quota: { allowedHours: 10, usedHours: 1, scheduledHours: 1, leftHours: 8 },
  shortfalls: [],
  fetchedAt: undefined,
  offline: false,
  ...extra,
})

describe('the recordings status line', () => {
  it('says when the list was updated, and in the warning colour when it is offline', () => {
    const at = START * 1000
    expect(recordingsStatus(listView({ fetchedAt: at }))).toEqual({
      text: { key: 'recordings.updatedAt', values: { time: formatTime(START) } },
      tone: 'textMuted',
      bold: false,
    })
    expect(recordingsStatus(listView({ fetchedAt: at, offline: true }))).toEqual({
      text: { key: 'recordings.offline', values: { time: formatTime(START) } },
      tone: 'warning',
      bold: true,
    })
    expect(recordingsStatus(listView({ offline: true })).text).toEqual({ key: 'recordings.offlineNoTime' })
    expect(recordingsStatus(listView()).text).toBeUndefined()
    expect(recordingsStatus({ kind: 'loading' }).text).toBeUndefined()
  })
})

describe('the filter bar', () => {
  it('counts each filter and ends with the sort', () => {
    expect(filterBar(listView({ filter: 'recorded' }), sayKey)).toEqual([
      { id: 'all', label: 'recordings.all (5)', selected: false },
      { id: 'scheduled', label: 'recordings.scheduled (2)', selected: false },
      { id: 'ongoing', label: 'recordings.ongoing (0)', selected: false },
      { id: 'recorded', label: 'recordings.recorded (3)', selected: true },
      { id: 'sort', label: 'recordings.sort.date', selected: false },
    ])
  })

  it('inside a series, starts with the way back and offers Cancel series while episodes are to come', () => {
    const series = { seriesId: 's1', title: 'Docs' }
    const bar = filterBar(listView({ series }), sayKey).map((i) => i.id)
    expect(bar).toEqual(['back', 'all', 'scheduled', 'ongoing', 'recorded', 'cancelSeries'])
    const over = filterBar(
      listView({ series, counts: { all: 3, scheduled: 0, ongoing: 0, recorded: 3 } }),
      sayKey,
    )
    expect(over.map((i) => i.id)).not.toContain('cancelSeries')
    expect(over[0]?.label).toBe('‹ recordings.action.allRecordings')
  })
})

describe('the empty states', () => {
  it('names the offers with nPVR, joined with "or"', () => {
    const look = emptyState({ kind: 'noNpvr', offers: ['A', 'B', 'C'] }, sayKey)
    expect(look.body).toEqual({
      key: 'recordings.empty.noNpvr.body',
      values: { offers: '“A”, “B” recordings.empty.or “C”' },
    })
    expect(look.action?.id).toBe('store')
    expect(emptyState({ kind: 'noNpvr', offers: [] }, sayKey).body).toEqual({
      key: 'recordings.empty.noNpvr.bodyGeneric',
    })
  })

  it('offers the way out that fits each state', () => {
    expect(emptyState({ kind: 'signedOut' }, sayKey).action?.id).toBe('signin')
    expect(emptyState({ kind: 'loading' }, sayKey)).toEqual({
      title: { key: 'recordings.loading' },
      body: undefined,
      action: undefined,
    })
    expect(emptyState({ kind: 'unavailable', offline: true }, sayKey).body).toEqual({
      key: 'recordings.empty.unavailable.offline',
    })
    expect(emptyState({ kind: 'unavailable', offline: false }, sayKey).action?.id).toBe('retry')
    expect(emptyState(listView({ empty: true }), sayKey).action?.id).toBe('guide')
  })
})

describe('the recording actions when run', () => {
  const setup = (list: Recording[], now: number, refuse = false) => {
    const calls: string[] = []
    const questions: { title: string; yes: () => void }[] = []
    const toasts: [string, string][] = []
    const answer = (): Promise<void> => (refuse ? Promise.reject(new Error('no')) : Promise.resolve())
    const user = {
      recordings: { current: { data: { recordings: list, autoExpireDays: 30 } } },
      deleteRecording: (id: string) => (calls.push(`delete ${id}`), answer()),
      cancelRecording: (id: string) => (calls.push(`cancel ${id}`), answer()),
      protectRecording: (id: string, on: boolean) => (calls.push(`protect ${id} ${on}`), answer()),
      cancelSeries: (id: string) => (calls.push(`series ${id}`), answer()),
    } as unknown as UserState
    const intents = new RecordingIntents({
      user: () => user,
      now: () => now,
      confirm: (title, _body, _label, yes) => questions.push({ title, yes }),
      toast: (message, kind) => toasts.push([message, kind]),
      play: (id) => calls.push(`play ${id}`),
    })
    return { intents, calls, questions, toasts }
  }
  /** Lets the promise callbacks of the change run (no time passes). */
  const settled = async (): Promise<void> => {
    for (let i = 0; i < 5; i++) await Promise.resolve()
  }

  it('refuses to delete a protected recording without asking', () => {
    const r = rec({ state: 'finished', protected: true })
    const { intents, calls, questions, toasts } = setup([r], START + 7200)
    intents.run('delete', r)
    expect(questions).toEqual([])
    expect(calls).toEqual([])
    expect(toasts).toEqual([['recordings.error.protected', 'error']])
  })

  it('asks before deleting, and deletes only on yes', async () => {
    const r = rec({ state: 'finished' })
    const { intents, calls, questions, toasts } = setup([r], START + 7200)
    intents.run('delete', r)
    expect(questions.map((q) => q.title)).toEqual(['recordings.confirm.delete.title'])
    expect(calls).toEqual([])
    questions[0]?.yes()
    await settled()
    expect(calls).toEqual(['delete r1'])
    expect(toasts).toEqual([['recordings.done.deleted', 'success']])
  })

  it('asks to stop a recording under way, and says why when the operator refuses', async () => {
    const r = rec()
    const { intents, questions, toasts } = setup([r], START + 60, true)
    intents.run('cancel', r)
    expect(questions.map((q) => q.title)).toEqual(['recordings.confirm.stop.title'])
    questions[0]?.yes()
    await settled()
    expect(toasts.map(([, kind]) => kind)).toEqual(['error'])
    expect(toasts[0]?.[0]).toMatch(/^recordings\.failed\.cancel: recordings\.reason\./)
  })

  it('counts the series episodes still to come in the user list', () => {
    const list = [rec({ id: 'a', seriesId: 's1' }), rec({ id: 'b', seriesId: 's1', start: START - 60 })]
    const { intents } = setup(list, START - 600)
    expect(intents.scheduledOf('s1')).toBe(2)
    expect(setup(list, START - 30).intents.scheduledOf('s1')).toBe(1)
  })
})
