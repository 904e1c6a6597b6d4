import { Subject } from 'rxjs'
import { Clock } from '../../../../src/ui/components/Clock'
import { formatTime } from '../../../../src/ui/format'
import { mount } from '../../../helpers/lightning'

describe('Clock: the time of day on screen, from the clock it is given', () => {
  it('shows each tick as HH:MM, stops following when its source is taken away', () => {
    const m = mount(Clock)
    const ticks = new Subject<number>()
    const t0 = Date.UTC(2025, 1, 9, 12, 5, 30)
    m.subject.source = ticks
    ticks.next(t0)
    expect(m.subject.shown).toBe(formatTime(t0 / 1000))
    ticks.next(t0 + 60_000)
    expect(m.subject.shown).toBe(formatTime(t0 / 1000 + 60))
    expect(m.subject.text?.text).toBe(formatTime(t0 / 1000 + 60))
    m.subject.source = undefined
    expect(ticks.observed).toBe(false)
    m.destroy()
  })
})
