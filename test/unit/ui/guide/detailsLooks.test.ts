import type { Programme } from '../../../../src/domain/guide'
import { channelOffers, nextAiringPhrase, onAirOf } from '../../../../src/ui/guide/detailsLooks'

const T = 1_750_000_000
const p: Programme = { id: '1', channelId: 'ch1', title: 'Film', start: T, end: T + 157 * 60, categories: [] }

describe('the details page', () => {
  it('shows progress only while the programme is on air', () => {
    expect(onAirOf(p, T - 1)).toBeUndefined()
    expect(onAirOf(p, T + 157 * 60)).toBeUndefined()
    expect(onAirOf(p, T + 60 * 60)).toEqual({ fraction: 60 / 157, elapsed: 3600, remaining: 97 * 60 })
  })

  it('names the next airing with its channel, says when there is none, and waits for the answer', () => {
    const next = { ...p, id: '2', start: T + 86400, end: T + 86400 + 3600 }
    expect(nextAiringPhrase('unknown')).toBeUndefined()
    expect(nextAiringPhrase('none')).toEqual({ key: 'programme.next.none' })
    expect(nextAiringPhrase({ programme: next, channel: { number: 5, name: 'Kanal 5' } })).toMatchObject({
      key: 'programme.next.on',
      values: { channel: '5  Kanal 5' },
    })
    expect(nextAiringPhrase({ programme: next })?.key).toBe('programme.next.at')
  })

  it('offers to get the channel when it cannot be watched, and sign-in while signed out', () => {
    const known = { packageStatus: 'known' } as const
    expect(channelOffers({ signedIn: false, live: false, ...known })).toEqual(['signIn', 'getChannel'])
    expect(channelOffers({ signedIn: true, live: false, ...known })).toEqual(['getChannel'])
    expect(channelOffers({ signedIn: true, live: true, ...known })).toEqual([])
  })

  it('while the package is not known, never offers to get the channel; after a failure, to check again', () => {
    expect(channelOffers({ signedIn: true, live: false, packageStatus: 'checking' })).toEqual([])
    expect(channelOffers({ signedIn: true, live: false, packageStatus: 'failed' })).toEqual(['checkAgain'])
  })
})
