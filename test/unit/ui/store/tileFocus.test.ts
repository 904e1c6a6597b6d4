import { Rail, RAIL_HEIGHT, TILES_Y } from '../../../../src/ui/store/Rail'
import { FOCUS_LOOK, StoreTile, TILE } from '../../../../src/ui/store/Tile'
import type { Tile } from '../../../../src/state/store/storeView'
import { mount } from '../../../helpers/lightning'

const tile = (id: string): Tile => ({
  key: `product:${id}`,
  target: { kind: 'product', productId: id },
  title: `Pack ${id}`,
  description: 'Channels',
  premium: false,
  price: { kind: 'amount', amount: 19, currency: 'EUR', period: 'month' },
  status: 'buy',
  channelCount: 3,
})

interface Shown {
  zIndex: number
  alpha: number
  scale: number
  transition(p: string): { targetValue: number; isRunning(): boolean }
}
const target = (el: Shown, property: 'alpha' | 'scale'): number => {
  const t = el.transition(property)
  return t.isRunning() ? t.targetValue : el[property]
}

describe('the store’s focused tile', () => {
  it('zooms and is outlined in front of the tile, not behind it', () => {
    const m = mount(Rail, { tiles: [tile('1'), tile('2')] })
    const focused = m.focused() as StoreTile
    expect(focused).toBeInstanceOf(StoreTile)
    const border = focused.Border as unknown as Shown
    expect(target(border, 'alpha')).toBe(1)
    // Drawn after the tile: a negative zIndex puts it behind the page's background.
    expect(border.zIndex).toBeGreaterThanOrEqual(0)
    expect(focused.children[focused.children.length - 1]).toBe(focused.Border)
    expect(target(focused as unknown as Shown, 'scale')).toBeGreaterThanOrEqual(1.06)
    const other = m.subject.Tiles.children[1] as unknown as Shown
    expect(target(other, 'scale')).toBe(1)
    m.destroy()
  })

  it('leaves the next rail’s title clear when zoomed and outlined', () => {
    const grown = (TILE.h * (FOCUS_LOOK.scale - 1)) / 2 + FOCUS_LOOK.outline
    expect(TILES_Y + TILE.h + grown).toBeLessThan(RAIL_HEIGHT - 8)
    // The zoom grows upwards too: it stays below the rail's own title (a 40 px line).
    expect(TILES_Y - grown).toBeGreaterThanOrEqual(48)
  })
})
