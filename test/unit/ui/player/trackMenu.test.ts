import { SLEEP_OFF } from '../../../../src/domain/sleepTimer'
import { subtitleText } from '../../../../src/ui/player/subtitleText'
import { SubtitleView } from '../../../../src/ui/player/SubtitleView'
import { bindStreamTracks, type TrackPreferences } from '../../../../src/ui/player/trackBinding'
import { TrackMenu } from '../../../../src/ui/player/TrackMenu'
import { stepTrackMenu, trackMenuRows, type TrackMenuAction } from '../../../../src/ui/player/trackMenuModel'
import { EN_ES_AUDIO, EN_ES_SUBTITLES, FakeStreamTracks } from '../../../helpers/fakeStreamTracks'
import { mount } from '../../../helpers/lightning'

// No translations are loaded in unit tests: phrases are asserted by key.
const lists = (over: Partial<{ audioId: number; subtitleId: number }> = {}) => ({
  audio: EN_ES_AUDIO,
  subtitles: EN_ES_SUBTITLES,
  audioId: 0,
  subtitleId: -1,
  ...over,
})

describe('the track menu model', () => {
  it('names the tracks in use, Off for subtitles, and the sleep timer with its time left', () => {
    const rows = trackMenuRows(lists(), { phase: 'running', minutes: 30, remainingMs: 29 * 60_000 + 1 })
    expect(rows.map((r) => [r.id, r.value])).toEqual([
      ['audio', 'English'],
      ['subtitles', { key: 'player.tracks.off' }],
      ['sleep', { key: 'player.sleep.minutes', values: { count: 30 } }],
    ])
    expect(rows[2]?.note).toEqual({ key: 'player.sleep.left', values: { count: 30 } })
    expect(trackMenuRows(lists({ subtitleId: 1 }), SLEEP_OFF)[1]?.value).toBe('Español')
  })

  it('says None and does not step where a stream has no tracks (yet)', () => {
    const rows = trackMenuRows(undefined, SLEEP_OFF)
    expect(rows.map((r) => [r.value, r.canStep])).toEqual([
      [{ key: 'player.tracks.none' }, false],
      [{ key: 'player.tracks.none' }, false],
      [{ key: 'player.sleep.off' }, true],
    ])
    expect(stepTrackMenu('audio', undefined, SLEEP_OFF, 1)).toBeUndefined()
    const nameless = { ...lists(), audio: [{ id: 4, language: '', name: ' ' }] }
    expect(trackMenuRows(nameless, SLEEP_OFF)[0]?.value).toEqual({
      key: 'player.tracks.numbered',
      values: { count: 1 },
    })
  })

  it('steps audio round the tracks, subtitles through Off, and the sleep timer through its choices', () => {
    expect(stepTrackMenu('audio', lists(), SLEEP_OFF, 1)).toEqual({ type: 'audio', id: 1 })
    expect(stepTrackMenu('audio', lists({ audioId: 1 }), SLEEP_OFF, 1)).toEqual({ type: 'audio', id: 0 })
    expect(stepTrackMenu('subtitles', lists(), SLEEP_OFF, 1)).toEqual({ type: 'subtitles', id: 0 })
    expect(stepTrackMenu('subtitles', lists({ subtitleId: 1 }), SLEEP_OFF, 1)).toEqual({
      type: 'subtitles',
      id: -1,
    })
    expect(stepTrackMenu('subtitles', lists(), SLEEP_OFF, -1)).toEqual({ type: 'subtitles', id: 1 })
    expect(stepTrackMenu('sleep', undefined, SLEEP_OFF, 1)).toEqual({ type: 'sleep', minutes: 15 })
  })
})

describe('binding a stream to the preferred languages', () => {
  const bind = (tracks: FakeStreamTracks, prefs: TrackPreferences) => {
    const cues: (string | null)[] = []
    let changes = 0
    const unbind = bindStreamTracks(tracks, {
      preferences: () => prefs,
      changed: () => (changes += 1),
      cue: (text) => cues.push(text),
    })
    return { cues, unbind, changes: () => changes }
  }

  it('applies the preferences once the lists arrive, and only once per stream', async () => {
    const tracks = new FakeStreamTracks()
    const bound = bind(tracks, { audio: 'es', subtitles: 'en', interfaceLanguage: 'en' })
    expect(tracks.calls).toEqual([])
    tracks.load(EN_ES_AUDIO, EN_ES_SUBTITLES)
    expect(tracks.calls).toEqual(['audio 1'])
    // Subtitles once the player has made its own first choice.
    await Promise.resolve()
    expect(tracks.calls).toEqual(['audio 1', 'subtitles 0'])
    // The viewer's own choice in the menu then holds for this stream.
    tracks.setAudio(0)
    tracks.load(EN_ES_AUDIO, EN_ES_SUBTITLES, 0)
    expect(tracks.audioId).toBe(0)
    expect(tracks.calls).toEqual(['audio 1', 'subtitles 0', 'audio 0'])
    expect(bound.changes()).toBeGreaterThan(1)
    tracks.cue('Hola')
    bound.unbind()
    // A stream gone before its subtitles were chosen is left alone.
    const gone = new FakeStreamTracks()
    const goneBinding = bind(gone, { audio: 'es', subtitles: 'es', interfaceLanguage: 'en' })
    gone.load(EN_ES_AUDIO, EN_ES_SUBTITLES)
    goneBinding.unbind()
    await Promise.resolve()
    expect(gone.calls).toEqual(['audio 1'])
    tracks.cue('ignored')
    expect(bound.cues).toEqual(['Hola', null])
    expect(tracks.listeners).toBe(0)
  })

  it('turns subtitles off when the stream selects some and the viewer wants none', async () => {
    const tracks = new FakeStreamTracks()
    tracks.subtitleId = 1
    bind(tracks, { audio: 'auto', subtitles: 'off', interfaceLanguage: 'es' })
    tracks.load(EN_ES_AUDIO, EN_ES_SUBTITLES)
    await Promise.resolve()
    expect(tracks.calls).toEqual(['audio 1', 'subtitles -1'])
  })

  it('shows automatic subtitles in the interface language when the audio is in another', async () => {
    const tracks = new FakeStreamTracks()
    bind(tracks, { audio: 'en', subtitles: 'auto', interfaceLanguage: 'es' })
    tracks.load(EN_ES_AUDIO, EN_ES_SUBTITLES)
    await Promise.resolve()
    expect(tracks.calls).toEqual(['subtitles 1'])
  })
})

describe('the track menu', () => {
  it('draws its rows and asks for a change on Left/Right, closing on OK and Back', () => {
    const actions: TrackMenuAction[] = []
    let closed = 0
    const m = mount(TrackMenu)
    m.subject.onAction = (a) => actions.push(a)
    m.subject.onClose = () => (closed += 1)
    m.subject.update(lists(), SLEEP_OFF)
    m.subject.open()
    m.press('Right')
    m.press('Down', 'Right')
    m.press('Down', 'Left')
    expect(actions).toEqual([
      { type: 'audio', id: 1 },
      { type: 'subtitles', id: 0 },
      { type: 'sleep', minutes: 90 },
    ])
    expect(m.subject.focusedRow?.id).toBe('sleep')
    // Zapping and seeking keys do not reach the video behind an open menu.
    m.press('ChannelUp', 'Digit')
    expect(m.unhandled).toEqual([])
    m.press('Enter', 'Back', 'Yellow')
    expect(closed).toBe(3)
    m.destroy()
  })

  it('announces the focused row with its value', () => {
    const m = mount(TrackMenu)
    m.subject.update(lists({ subtitleId: 1 }), SLEEP_OFF)
    m.subject.open()
    m.press('Down')
    const line = m.focused() as unknown as { announce(): unknown }
    expect(line.announce()).toEqual([{ key: 'player.tracks.subtitles' }, 'Español', undefined])
    m.destroy()
  })
})

describe('subtitles', () => {
  it('shows a cue without its markup, and nothing for an empty one', () => {
    expect(subtitleText('<v Ana><i>Hola</i> &amp; adiós</v>\n\n <c.yellow>¿Qué tal?</c>')).toBe(
      'Hola & adiós\n¿Qué tal?',
    )
    expect(subtitleText('<i> </i>')).toBeNull()
    expect(subtitleText(null)).toBeNull()
  })

  it('draws the cue in a box at the bottom of the safe area, above the OSD while it shows', () => {
    const m = mount(SubtitleView)
    m.subject.show('Hello')
    expect(m.subject.cue).toBe('Hello')
    expect(m.subject.Box.visible).toBe(true)
    expect(SubtitleView.bottomWith(true)).toBeLessThan(SubtitleView.bottomWith(false))
    expect(SubtitleView.bottomWith(false)).toBe(1080 - 54)
    m.subject.show(null)
    expect(m.subject.Box.visible).toBe(false)
    m.destroy()
  })
})
