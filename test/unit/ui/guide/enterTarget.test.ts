import { enterTargetOf } from '../../../../src/ui/guide/enterTarget'

describe('OK on the guide', () => {
  it('opens the details of a programme, on a locked channel too (signed out every channel is)', () => {
    expect(enterTargetOf({ locked: true, channelId: 'ch1', programmeId: '153' })).toEqual({
      kind: 'details',
      programmeId: '153',
    })
    expect(enterTargetOf({ locked: false, channelId: 'ch1', programmeId: '153' })).toEqual({
      kind: 'details',
      programmeId: '153',
    })
  })

  it('on a gap leads to the store for a locked channel, and nowhere otherwise', () => {
    expect(enterTargetOf({ locked: true, channelId: 'ch9', programmeId: undefined })).toEqual({
      kind: 'store',
      channelId: 'ch9',
    })
    expect(enterTargetOf({ locked: false, channelId: 'ch9', programmeId: undefined })).toEqual({
      kind: 'none',
    })
  })
})
