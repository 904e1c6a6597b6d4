import type { Recording } from '../../../../src/domain/recordings'
import type { RowModel } from '../../../../src/state/recordings/recordingsView'
import { accountRowSpeech } from '../../../../src/ui/account/accountSpeech'
import { pinProgressSpeech } from '../../../../src/ui/components/pinSpeech'
import type { Speech, Words } from '../../../../src/ui/components/voice'
import { guideCellDetail, guideCellSpeech, type CellFacts } from '../../../../src/ui/guide/guideSpeech'
import { miniGuideRowSpeech, osdSpeech } from '../../../../src/ui/player/playerSpeech'
import { recordingRowSpeech } from '../../../../src/ui/recordings/recordingSpeech'
import { pageTitle } from '../../../../src/ui/shell/pageTitle'

/** Keys and values as text: a test has no translations. */
const words = (speech: Speech): string[] => {
  const flat = (s: Speech): Words[] =>
    Array.isArray(s) ? (s as readonly Speech[]).flatMap(flat) : [s as Words]
  return flat(speech)
    .filter((w): w is Exclude<Words, undefined> => w !== undefined)
    .map((w) => (typeof w === 'string' ? w : w.values ? `${w.key}${JSON.stringify(w.values)}` : w.key))
}

const NOW = 1_800_000_000
const cell = (extra: Partial<CellFacts> = {}): CellFacts => ({
  channelName: 'Kanal 1',
  title: 'Morning Live',
  hole: undefined,
  start: NOW - 600,
  end: NOW + 3000,
  startText: '22:05',
  endText: '01:05',
  now: NOW,
  allowed: ['live', 'catchup'],
  locked: undefined,
  mark: 'none',
  ...extra,
})

describe('the guide cell as said', () => {
  it('names channel, title, times, on now and what the package allows', () => {
    expect(words(guideCellSpeech(cell()))).toEqual([
      'Kanal 1',
      'Morning Live',
      'voice.time.range{"start":"22:05","end":"01:05"}',
      'voice.guide.onNow',
      'voice.cap.catchup',
    ])
  })

  it('says later or ended against now, and each capability in the package', () => {
    const later = words(
      guideCellSpeech(cell({ start: NOW + 60, end: NOW + 600, allowed: ['startover', 'npvr'] })),
    )
    expect(later.slice(3)).toEqual(['voice.guide.later', 'voice.cap.startover', 'voice.cap.npvr'])
    expect(words(guideCellSpeech(cell({ start: NOW - 600, end: NOW, allowed: [] })))[3]).toBe(
      'voice.guide.ended',
    )
  })

  it('says a locked channel is locked instead of what it allows', () => {
    const said = words(guideCellSpeech(cell({ locked: { key: 'guide.locked' } })))
    expect(said).toContain('guide.locked')
    expect(said).not.toContain('voice.cap.catchup')
  })

  it('says a scheduled recording instead of "can be recorded"', () => {
    const said = words(guideCellSpeech(cell({ allowed: ['npvr'], mark: 'scheduled' })))
    expect(said).toContain('guide.mark.scheduled')
    expect(said).not.toContain('voice.cap.npvr')
  })

  it('says a hole as what the cell shows, with its times', () => {
    expect(words(guideCellSpeech(cell({ title: undefined, hole: 'gap' })))).toEqual([
      'Kanal 1',
      'guide.cell.gap',
      'voice.time.range{"start":"22:05","end":"01:05"}',
    ])
  })

  it('leaves the description and channel number to Info', () => {
    expect(
      words(guideCellDetail({ channelNumber: 7, day: 'Mon 23 Nov', episode: 'S1 E2', description: 'Talk.' })),
    ).toEqual(['voice.guide.channelNumber{"number":7}', 'Mon 23 Nov', 'S1 E2', 'Talk.'])
  })
})

const recording = (extra: Partial<Recording> = {}): Recording => ({
  id: 'r1',
  programmeId: 'p1',
  channelId: 'c1',
  title: 'The Village',
  start: NOW,
  end: NOW + 3600,
  state: 'finished',
  protected: false,
  expiresAt: null,
  ...extra,
})

describe('a recordings line as said', () => {
  it('says its state then its title ("Recorded, The Village")', () => {
    const row: RowModel = {
      kind: 'recording',
      id: 'r1',
      recording: recording(),
      state: 'finished',
      channel: 'DR1',
      progress: undefined,
      expiresAt: null,
    }
    expect(words(recordingRowSpeech(row))).toEqual(['recordings.state.finished', 'The Village'])
    const kept = { ...row, recording: recording({ protected: true }) }
    expect(words(recordingRowSpeech(kept))).toEqual([
      'recordings.state.finished',
      'The Village',
      'recordings.protected',
    ])
  })

  it('says a series with its number of episodes', () => {
    const row: RowModel = {
      kind: 'series',
      id: 's1',
      seriesId: 's1',
      title: 'Borgen',
      channel: 'DR1',
      episodes: 6,
      counts: { scheduled: 2, ongoing: 0, recorded: 4 },
      willNotFit: false,
    }
    expect(words(recordingRowSpeech(row))).toEqual([
      'recordings.series',
      'Borgen',
      'voice.recordings.episodes{"count":6}',
    ])
  })
})

describe('the PIN as said', () => {
  it('says how many digits are typed, never which', () => {
    expect.hasAssertions()
    for (let typed = 0; typed <= 4; typed++) {
      const p = pinProgressSpeech(typed)
      expect(p).toEqual({ key: 'voice.pin.entered', values: { count: typed, total: 4 } })
    }
    // Only counts can reach it: a value out of range is clamped, not passed through.
    expect(pinProgressSpeech(1234).values).toEqual({ count: 4, total: 4 })
  })
})

describe('the player as said', () => {
  it('says channel, programme, state and position', () => {
    const said = words(
      osdSpeech({
        channel: '1  Kanal 1',
        title: 'Morning Live',
        times: '22:05–01:05',
        played: 0.5,
        reach: 0.5,
        positionLabel: '23:35',
        badge: 'LIVE',
        badgeLive: true,
        showEdge: true,
        elapsed: 5400,
        remaining: 5400,
        progress: '1 h 30 min in, 1 h 30 min left',
        clock: '23:35',
        next: 'Next: Night News',
        nextTime: '01:05',
      }),
    )
    expect(said).toEqual(['1 Kanal 1', 'Morning Live', 'LIVE', 'voice.player.position{"time":"23:35"}'])
  })

  it('says a mini guide line with what is on now', () => {
    const channel = { number: 3, name: 'DR2' }
    expect(words(miniGuideRowSpeech({ channel, nowNext: { now: { title: 'News' } } }))).toEqual([
      '3 DR2',
      'voice.player.now{"title":"News"}',
    ])
    expect(words(miniGuideRowSpeech({ channel, nowNext: undefined }))).toEqual(['3 DR2'])
  })
})

describe('account rows and page titles as said', () => {
  it('says a setting with its value, and nothing for a masked one', () => {
    const base = { note: 'OK turns it on or off', tone: 'muted' as const, stepper: false, readOnly: false }
    expect(words(accountRowSpeech({ ...base, label: 'Voice guidance', value: 'On' }))).toEqual([
      'Voice guidance',
      'On',
    ])
    expect(words(accountRowSpeech({ ...base, label: 'Change PIN', value: '••••' }))).toEqual(['Change PIN'])
  })

  it('titles the pages that do not say their own', () => {
    expect(pageTitle('#guide')).toEqual({ key: 'guide.title' })
    expect(pageTitle('recordings')).toEqual({ key: 'recordings.title' })
    expect(pageTitle('store')).toEqual({ key: 'store.title' })
    expect(pageTitle('store/mine')).toEqual({ key: 'store.mine.title' })
    expect(pageTitle('account')).toEqual({ key: 'account.title' })
    expect(pageTitle('store/product/p1')).toBeUndefined()
    expect(pageTitle('play/live/c1')).toBeUndefined()
  })
})
