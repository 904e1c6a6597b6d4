import { BehaviorSubject, asyncScheduler } from 'rxjs'
import { createAnnouncer, type Announcer } from '../../../src/state/voice/announcer'

interface Call {
  kind: 'speak' | 'cancel'
  text?: string
  lang?: string
}

describe('voice guidance announcer', () => {
  let calls: Call[]
  let enabled: BehaviorSubject<boolean>
  let announcer: Announcer

  beforeEach(() => {
    jest.useFakeTimers()
    calls = []
    enabled = new BehaviorSubject(true)
    announcer = createAnnouncer({
      speech: {
        speak: (text, lang) => calls.push({ kind: 'speak', text, lang }),
        cancel: () => calls.push({ kind: 'cancel' }),
      },
      enabled$: enabled,
      delayMs: 300,
      scheduler: asyncScheduler,
    })
  })

  afterEach(() => {
    announcer.dispose()
    jest.useRealTimers()
  })

  const spoken = (): string[] => calls.filter((c) => c.kind === 'speak').map((c) => c.text ?? '')

  it('speaks a focus change after the pause, in its language', () => {
    announcer.announce({ text: 'Guide', lang: 'fi' })
    expect(calls).toEqual([])
    jest.advanceTimersByTime(300)
    expect(calls).toEqual([{ kind: 'speak', text: 'Guide', lang: 'fi' }])
  })

  it('says only where fast presses stop, cancelling what was being said', () => {
    announcer.announce({ text: 'Kanal 1', lang: 'en' })
    jest.advanceTimersByTime(300)
    for (const n of [2, 3, 4, 5]) {
      announcer.announce({ text: `Kanal ${n}`, lang: 'en' })
      jest.advanceTimersByTime(100)
    }
    jest.advanceTimersByTime(300)
    expect(spoken()).toEqual(['Kanal 1', 'Kanal 5'])
    // The first was cut off once, when the presses began; the rest had not started.
    expect(calls.map((c) => c.kind)).toEqual(['speak', 'cancel', 'speak'])
  })

  it('repeats the last announcement at once with its detail on Info', () => {
    announcer.announce({ text: 'Recorded, The Village', detail: 'DR1, Mon 23 Nov', lang: 'en' })
    jest.advanceTimersByTime(300)
    announcer.repeat()
    expect(spoken()).toEqual(['Recorded, The Village', 'Recorded, The Village. DR1, Mon 23 Nov'])
    expect(calls[1]).toEqual({ kind: 'cancel' })
  })

  it('repeats a pending announcement at once instead of waiting', () => {
    announcer.announce({ text: 'Store', lang: 'en' })
    announcer.repeat()
    jest.advanceTimersByTime(1000)
    expect(spoken()).toEqual(['Store'])
  })

  it('ignores an update whose words were just announced (a redraw), speaks a new one', () => {
    announcer.announce({ text: 'Guide, Kanal 1, News', lang: 'en' })
    announcer.update({ text: 'Kanal 1, News', lang: 'en' })
    jest.advanceTimersByTime(300)
    expect(spoken()).toEqual(['Guide, Kanal 1, News'])
    announcer.update({ text: 'Kanal 2, Sport', lang: 'en' })
    jest.advanceTimersByTime(300)
    expect(spoken()).toEqual(['Guide, Kanal 1, News', 'Kanal 2, Sport'])
  })

  it('says nothing while off, and turning it off stops what is being said', () => {
    announcer.announce({ text: 'Account', lang: 'en' })
    jest.advanceTimersByTime(300)
    enabled.next(false)
    expect(calls.map((c) => c.kind)).toEqual(['speak', 'cancel'])
    announcer.announce({ text: 'Store', lang: 'en' })
    announcer.repeat()
    jest.advanceTimersByTime(1000)
    expect(spoken()).toEqual(['Account'])
    expect(announcer.enabled).toBe(false)
  })

  it('says the same words again once turned back on, and tells whether something waits', () => {
    announcer.announce({ text: 'Voice guidance, On', lang: 'en' })
    expect(announcer.pending).toBe(true)
    jest.advanceTimersByTime(300)
    expect(announcer.pending).toBe(false)
    enabled.next(false)
    enabled.next(true)
    announcer.update({ text: 'Voice guidance, On', lang: 'en' })
    jest.advanceTimersByTime(300)
    expect(spoken()).toEqual(['Voice guidance, On', 'Voice guidance, On'])
  })

  it('drops a pending announcement when voice guidance is turned off before it is said', () => {
    announcer.announce({ text: 'Store', lang: 'en' })
    enabled.next(false)
    jest.advanceTimersByTime(1000)
    expect(spoken()).toEqual([])
  })
})
