import type { Capabilities, Channel } from '../../../../src/domain/channels'
import type { Programme } from '../../../../src/domain/guide'
import type { Viewport, WindowState } from '../../../../src/state/guide/guideStore'
import {
  GuideGrid,
  type GridFocus,
  type GridLooks,
  type GridSource,
} from '../../../../src/ui/guide/GuideGrid'
import { mount } from '../../../helpers/lightning'

const NOW = 1_800_000_000 + 600
const ALL: Capabilities = { live: true, catchup: true, npvr: true, startover: true }
const NONE: Capabilities = { live: false, catchup: false, npvr: false, startover: false }

const channels: Channel[] = Array.from({ length: 100 }, (_, i) => ({
  id: `ch${i + 1}`,
  number: i + 1,
  name: `Channel ${i + 1}`,
  logo: '',
  catchupHours: 24,
}))

/** Half-hour programmes, shifted by 10 minutes on odd channels, so that rows do not line up. */
const programmesOf = (row: number, from: number, to: number): Programme[] => {
  const shift = row % 2 === 0 ? 0 : 600
  const out: Programme[] = []
  for (let t = Math.floor((from - shift) / 1800) * 1800 + shift; t < to; t += 1800)
    out.push({
      id: `${row}-${t}`,
      channelId: `ch${row + 1}`,
      title: `Show ${row}-${t}`,
      start: t,
      end: t + 1800,
      categories: [],
    })
  return out
}

const source = (state: () => WindowState = () => 'ready') => {
  const views: Viewport[] = []
  const s: GridSource = {
    channels,
    programmes: (row, from, to) =>
      state() === 'ready'
        ? { items: programmesOf(row, from, to), state: 'ready' }
        : { items: [], state: state() },
    show: (view) => views.push(view),
  }
  return { s, views }
}

const looks = (locked: (id: string) => boolean = () => false): GridLooks => ({
  caps: (id) => (locked(id) ? NONE : ALL),
  mark: () => 'none',
  badges: () => 'Catch-up',
  lockedText: 'Locked',
  gapText: 'No information',
  loadingText: 'Loading…',
  failedText: 'Not available',
  recordingText: 'REC',
  favourite: () => false,
  flagText: (flag: string) => flag.toUpperCase(),
})

const contains = (f: GridFocus | undefined, t: number): boolean =>
  f !== undefined && f.slot.start <= t && t < f.slot.end

describe('the guide grid with the remote', () => {
  it('keeps its time position between rows and moves programme by programme', () => {
    const m = mount(GuideGrid)
    const { s } = source()
    m.subject.setLooks(looks())
    m.subject.open(s, 0, NOW, NOW)
    expect(contains(m.subject.focused, NOW)).toBe(true)
    m.press('Right', 'Right')
    const anchor = m.subject.anchor
    for (let i = 1; i <= 5; i++) {
      m.press('Down')
      expect(m.subject.row).toBe(i)
      expect(m.subject.anchor).toBe(anchor)
      expect(contains(m.subject.focused, anchor)).toBe(true)
    }
    const before = m.subject.focused!
    m.press('Right')
    expect(m.subject.focused?.slot.start).toBe(before.slot.end)
    m.press('Left')
    expect(m.subject.focused?.slot.start).toBe(before.slot.start)
    m.destroy()
  })

  it('scrolls time when the focus leaves the view, and back', () => {
    const m = mount(GuideGrid)
    const { s, views } = source()
    m.subject.setLooks(looks())
    m.subject.open(s, 0, NOW, NOW)
    const start = m.subject.viewStart
    for (let i = 0; i < 6; i++) m.press('Right')
    expect(m.subject.viewStart).toBeGreaterThan(start)
    expect(contains(m.subject.focused, m.subject.anchor)).toBe(true)
    // The store was told what is on screen at each step.
    expect(views[views.length - 1]).toMatchObject({ firstRow: 0, from: m.subject.viewStart })
    for (let i = 0; i < 10; i++) m.press('Left')
    expect(m.subject.viewStart).toBeLessThan(start)
    m.destroy()
  })

  it('pages by a screenful, jumps days and back to now, recycling its elements', () => {
    const m = mount(GuideGrid)
    const { s } = source()
    m.subject.setLooks(looks())
    m.subject.open(s, 0, NOW, NOW)
    m.press('ChannelDown')
    expect(m.subject.row).toBe(7)
    for (let i = 0; i < 30; i++) m.press('ChannelDown')
    expect(m.subject.row).toBe(99)
    m.press('Yellow')
    expect(m.subject.anchor).toBe(NOW + 86400)
    m.press('Red', 'Red')
    expect(m.subject.anchor).toBe(NOW - 86400)
    m.press('Green')
    expect(contains(m.subject.focused, NOW)).toBe(true)
    m.press('ChannelUp')
    expect(m.subject.row).toBe(92)
    // The pools have grown to what a screen needs; another sweep creates nothing more.
    const elements = m.subject.elementCount
    for (let i = 0; i < 15; i++) m.press('ChannelUp')
    for (let i = 0; i < 15; i++) m.press('ChannelDown', 'Right', 'Left')
    expect(m.subject.elementCount).toBe(elements)
    expect(elements).toBeLessThan(7 * 40)
    m.destroy()
  })

  it('shows loading cells while windows arrive, then the programme at the anchor', () => {
    const m = mount(GuideGrid)
    let state: WindowState = 'loading'
    const { s } = source(() => state)
    m.subject.setLooks(looks())
    m.subject.open(s, 3, NOW, NOW)
    expect(m.subject.focused?.slot.kind).toBe('loading')
    // Navigation works on placeholders too.
    m.press('Down', 'Up')
    state = 'ready'
    m.subject.refresh()
    expect(m.subject.focused?.slot.kind).toBe('programme')
    expect(contains(m.subject.focused, NOW)).toBe(true)
    m.destroy()
  })

  it('marks a locked channel and hands OK on it to the page; Up on the first row leaves', () => {
    const m = mount(GuideGrid)
    const { s } = source()
    const entered: GridFocus[] = []
    let top = 0
    m.subject.onEnter = (f) => entered.push(f)
    m.subject.onTop = () => top++
    m.subject.setLooks(looks((id) => id === 'ch2'))
    m.subject.open(s, 0, NOW, NOW)
    m.press('Enter')
    m.press('Down', 'Enter')
    expect(entered.map((f) => [f.channel.id, f.locked])).toEqual([
      ['ch1', false],
      ['ch2', true],
    ])
    m.press('Up', 'Up')
    expect(top).toBe(1)
    m.destroy()
  })
})
