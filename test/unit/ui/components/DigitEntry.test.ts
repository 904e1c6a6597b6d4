import {
  DIGIT_WAIT_MS,
  DigitEntry,
  GUIDE_MAX_DIGITS,
  PLAYER_MAX_DIGITS,
  type DigitTimer,
} from '../../../../src/ui/components/DigitEntry'

/** A timer the test fires by hand: no real time passes. */
const manualTimer = () => {
  const pending: { run: () => void; ms: number; cancelled: boolean }[] = []
  const timer: DigitTimer = {
    start(run, ms) {
      const entry = { run, ms, cancelled: false }
      pending.push(entry)
      return () => {
        entry.cancelled = true
      }
    },
  }
  const live = () => pending.filter((p) => !p.cancelled)
  return {
    timer,
    live,
    fire: () => {
      const next = live().at(-1)
      if (!next) throw new Error('no timer running')
      next.cancelled = true
      next.run()
    },
  }
}

const entryWith = (maxDigits: number) => {
  const clock = manualTimer()
  const shown: string[] = []
  const taken: string[] = []
  const entry = new DigitEntry({
    maxDigits,
    timer: clock.timer,
    onChange: (d) => shown.push(d),
    onNumber: (n) => taken.push(n),
  })
  return { entry, clock, shown, taken }
}

describe('typing a channel number', () => {
  it('keeps the wait and the limits the README gives', () => {
    expect(DIGIT_WAIT_MS).toBe(1500)
    expect(PLAYER_MAX_DIGITS).toBe(3)
    expect(GUIDE_MAX_DIGITS).toBe(4)
  })

  it('takes the number when the wait after the last digit is over', () => {
    const { entry, clock, shown, taken } = entryWith(PLAYER_MAX_DIGITS)
    entry.push(1)
    entry.push(2)
    expect(taken).toEqual([])
    // Each digit restarts the wait: only one timer runs, for the full wait.
    expect(clock.live().map((p) => p.ms)).toEqual([DIGIT_WAIT_MS])
    clock.fire()
    expect(taken).toEqual(['12'])
    expect(shown).toEqual(['1', '12', ''])
    expect(entry.digits).toBe('')
  })

  it('takes the number at once at the most digits, without waiting', () => {
    const { entry, clock, taken } = entryWith(PLAYER_MAX_DIGITS)
    entry.push(0)
    entry.push(0)
    entry.push(7)
    expect(taken).toEqual(['007'])
    expect(clock.live()).toEqual([])
  })

  it('lets the guide type four digits where the player stops at three', () => {
    const guide = entryWith(GUIDE_MAX_DIGITS)
    const player = entryWith(PLAYER_MAX_DIGITS)
    for (const d of [1, 2, 3]) {
      guide.entry.push(d)
      player.entry.push(d)
    }
    expect(player.taken).toEqual(['123'])
    expect(guide.taken).toEqual([])
    guide.entry.push(4)
    expect(guide.taken).toEqual(['1234'])
  })

  it('drops what was typed when cleared, and never acts on it later', () => {
    const { entry, clock, shown, taken } = entryWith(GUIDE_MAX_DIGITS)
    entry.push(5)
    entry.clear()
    expect(clock.live()).toEqual([])
    expect(shown).toEqual(['5', ''])
    entry.clear()
    expect(shown).toEqual(['5', ''])
    entry.push(6)
    clock.fire()
    expect(taken).toEqual(['6'])
  })
})
