import { lockedLook } from '../../../../src/ui/player/lockedLooks'

const T = 1_750_000_000

describe('the message over a locked channel', () => {
  it('names the channel and what is on, and offers the smallest product that grants it', () => {
    const look = lockedLook({
      channelId: 'ch150',
      channel: { number: 150, name: 'Nordic Sport 3' },
      onNow: { title: 'Match of the Day', start: T, end: T + 3600 },
      product: { id: '12', title: 'Sport pack' },
    })
    expect(look.title).toEqual({ key: 'player.locked.title', values: { channel: '150  Nordic Sport 3' } })
    expect(look.text.map((p) => p.key)).toEqual([
      'player.locked.onNow',
      'player.locked.product',
      'player.locked.keys',
    ])
    expect(look.text[0]?.values?.title).toBe('Match of the Day')
    expect(look.offer).toEqual({
      label: { key: 'player.locked.get', values: { product: 'Sport pack' } },
      to: { kind: 'product', id: '12' },
    })
  })

  it('states the price of the product when the catalogue gives one', () => {
    const look = lockedLook({
      channelId: 'ch150',
      product: { id: '12', title: 'Sport pack', price: '€9.00/month' },
    })
    expect(look.text[0]).toEqual({
      key: 'player.locked.productPrice',
      values: { product: 'Sport pack', price: '€9.00/month' },
    })
  })

  it('without the catalogue or the guide still offers the store for the channel', () => {
    const look = lockedLook({ channelId: 'ch150' })
    expect(look.title.key).toBe('player.error.notAllowed.title')
    expect(look.text.map((p) => p.key)).toEqual(['player.error.notAllowed.text', 'player.locked.keys'])
    expect(look.offer).toEqual({
      label: { key: 'player.locked.store' },
      to: { kind: 'channel', id: 'ch150' },
    })
  })
})
