import { formatTime } from '../../../../src/ui/format'
import { pinPrompt } from '../../../../src/ui/account/pinPrompt'

describe('the PIN change as the dialog shows it', () => {
  it('asks the old PIN, and again after a wrong one with the tries left', () => {
    expect(pinPrompt({ step: 'old' })).toEqual({
      kind: 'ask',
      title: { key: 'account.pin.old.title' },
      body: { key: 'account.pin.old.body' },
      wrong: false,
      attemptsLeft: undefined,
    })
    expect(pinPrompt({ step: 'old', wrong: true, attemptsLeft: 2 })).toMatchObject({
      wrong: true,
      attemptsLeft: 2,
    })
  })

  it('asks the new PIN, saying so after a mismatch, then the repeat', () => {
    expect(pinPrompt({ step: 'new' })).toMatchObject({ body: { key: 'account.pin.new.body' } })
    expect(pinPrompt({ step: 'new', mismatch: true })).toMatchObject({
      body: { key: 'account.pin.mismatch' },
    })
    expect(pinPrompt({ step: 'repeat' })).toMatchObject({ title: { key: 'account.pin.repeat.title' } })
  })

  it('says until when a lock lasts, and why a change failed', () => {
    expect(pinPrompt({ step: 'locked', lockedUntil: 1_800_000_000 })).toEqual({
      kind: 'locked',
      text: { key: 'account.pin.locked', values: { time: formatTime(1_800_000_000) } },
    })
    expect(pinPrompt({ step: 'failed', offline: true })).toEqual({
      kind: 'failed',
      toast: { key: 'account.pin.offline' },
    })
    expect(pinPrompt({ step: 'failed', offline: false })).toEqual({
      kind: 'failed',
      toast: { key: 'account.pin.failed' },
    })
  })

  it('closes when the change is over and waits while it is sent', () => {
    expect(pinPrompt({ step: 'closed' })).toEqual({ kind: 'close' })
    expect(pinPrompt({ step: 'sending' })).toEqual({ kind: 'wait' })
  })
})
