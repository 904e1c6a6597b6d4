import * as v from 'valibot'
import { recordingSchema } from '../../../../src/api/recordings'
import type { Recording } from '../../../../src/domain/recordings'
import { formatDay } from '../../../../src/ui/format'
import { failurePhrase, recordingName, rowTitle } from '../../../../src/ui/recordings/recordingLooks'

const episode = (extra: Partial<Recording> = {}): Recording => ({
  id: '7',
  programmeId: '70',
  channelId: 'ch7',
  title: 'Kingdom of Salt',
  start: 1_800_000_000,
  end: 1_800_003_600,
  state: 'finished',
  protected: false,
  seriesId: 'ch7-kingdom-of-salt',
  episode: 'S1 E4',
  expiresAt: null,
  ...extra,
})

describe('an episode of a series', () => {
  it('is read with its episode and a failed recording with its reason', () => {
    const wire = {
      ID: '7',
      ChannelID: 'ch7',
      ProgrammeID: '70',
      Title: 'Kingdom of Salt',
      Start: 1,
      End: 2,
      State: 'Failed',
      SeriesID: 's',
      Episode: 'S1 E4',
      FailureReason: 'NoSpace',
    }
    expect(v.parse(recordingSchema(90), wire)).toMatchObject({ episode: 'S1 E4', failure: 'noSpace' })
    expect(v.parse(recordingSchema(90), { ...wire, FailureReason: 'Gremlins' })).toMatchObject({
      failure: 'unknown',
    })
    const plain = v.parse(recordingSchema(90), {
      ...wire,
      State: 'Finished',
      Episode: null,
      FailureReason: undefined,
    })
    expect('episode' in plain || 'failure' in plain).toBe(false)
  })

  it('reads as its episode in a series folder’s row, not the series title alone', () => {
    expect(rowTitle(episode(), true)).toEqual({
      key: 'recordings.title.episode',
      values: { title: 'Kingdom of Salt', episode: 'S1 E4' },
    })
    expect(rowTitle(episode(), false)).toBe('Kingdom of Salt')
  })

  it('is named with its episode and date where it is deleted or cancelled', () => {
    expect(recordingName(episode(), true)).toEqual({
      key: 'recordings.name.episode',
      values: { title: 'Kingdom of Salt', episode: 'S1 E4', date: formatDay(1_800_000_000) },
    })
    // An episode the guide gave no number: its date tells it apart.
    expect(recordingName(episode({ episode: undefined }), true)).toEqual({
      key: 'recordings.name.dated',
      values: { title: 'Kingdom of Salt', date: formatDay(1_800_000_000) },
    })
    expect(recordingName(episode(), false)).toBe('Kingdom of Salt')
  })

  it('says why a recording failed', () => {
    expect(failurePhrase(episode({ state: 'failed', failure: 'noSpace' }))).toEqual({
      key: 'recordings.failure.noSpace',
    })
    expect(failurePhrase(episode({ state: 'failed', failure: 'channelUnavailable' }))).toEqual({
      key: 'recordings.failure.channelUnavailable',
    })
    expect(failurePhrase(episode({ state: 'failed' }))).toEqual({ key: 'recordings.failure.unknown' })
    expect(failurePhrase(episode())).toBeUndefined()
  })
})
