import { focusSpeech, newFrom, type Announcing } from '../../../../src/ui/components/voice'

const el = (parts: Partial<Announcing>): Announcing => parts

describe('the focus path walk', () => {
  const page = el({ announce: () => 'Recordings' })
  const list = el({ announceContext: () => '3 of 40' })
  const row = el({ announce: () => ['Recorded', 'The Village'], announceDetail: () => 'DR1' })
  const other = el({ announce: () => ['Scheduled', 'Borgen'] })

  it('says what came into the path, then the nearest context', () => {
    expect(focusSpeech([page, list, row], 0)).toEqual({
      text: 'Recordings, Recorded, The Village, 3 of 40',
      detail: 'DR1',
    })
    expect(focusSpeech([page, list, other], 2)).toEqual({ text: 'Scheduled, Borgen, 3 of 40', detail: '' })
  })

  it('says nothing, not even the context, when nothing new has words', () => {
    expect(focusSpeech([page, list, el({})], 2).text).toBe('')
  })

  it('starts at the first change, and at least at the focused element', () => {
    expect(newFrom([page, list, row], [page, list, other])).toBe(2)
    expect(newFrom([], [page, list, row])).toBe(0)
    // The focus went back up (to the tabs): the tab itself is said.
    expect(newFrom([page, list, row], [page, list])).toBe(1)
    expect(newFrom([page, list], [page, list])).toBe(1)
  })
})
