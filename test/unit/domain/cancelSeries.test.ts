import { programmeActions, seriesRules, type ActionContext } from '../../../src/domain/guideActions'

const NOW = 1_800_000_000
const caps = { live: true, catchup: true, npvr: true, startover: true }
const context = (extra: Partial<ActionContext> = {}): ActionContext => ({
  caps,
  catchupHours: 24,
  now: NOW,
  signedIn: true,
  mark: 'none',
  ...extra,
})
const episode = { start: NOW + 3600, end: NOW + 7200, seriesId: 'ch7-salt' }

describe('"Cancel the series" on the details page', () => {
  it('is offered once the series is being recorded, beside cancelling this episode', () => {
    const actions = programmeActions(
      episode,
      context({ mark: 'scheduled', recordingId: '16', seriesScheduled: 3 }),
    ).map((o) => o.action)
    expect(actions).toEqual(['cancelRecording', 'cancelSeries'])
  })

  it('is not offered when no episode of the series is still to be recorded', () => {
    expect(programmeActions(episode, context({ seriesScheduled: 0 })).map((o) => o.action)).toEqual([
      'record',
      'recordSeries',
    ])
  })

  it('counts the scheduled episodes of each series (not failed ones, not those that started)', () => {
    const r = (id: string, start: number, state = 'scheduled', seriesId: string | null = 's1') => ({
      id,
      programmeId: `p${id}`,
      start,
      end: start + 600,
      state,
      ...(seriesId !== null ? { seriesId } : {}),
    })
    const rules = seriesRules(
      [
        r('1', NOW + 10),
        r('2', NOW + 20),
        r('3', NOW - 10),
        r('4', NOW + 30, 'failed'),
        r('5', NOW + 40, 'scheduled', null),
      ],
      NOW,
    )
    expect([...rules]).toEqual([['s1', 2]])
  })
})
