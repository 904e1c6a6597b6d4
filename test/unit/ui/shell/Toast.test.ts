import { Toast } from '../../../../src/ui/shell/Toast'
import { mount } from '../../../helpers/lightning'

describe('Toast', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  it('shows a message and takes it away by itself after a few seconds', () => {
    const m = mount(Toast)
    m.subject.show('Recording scheduled', 'success', 4)
    expect(m.subject.message).toBe('Recording scheduled')
    jest.advanceTimersByTime(3900)
    expect(m.subject.message).toBe('Recording scheduled')
    jest.advanceTimersByTime(200)
    expect(m.subject.message).toBe('')
    m.destroy()
  })

  it('restarts its time when a new message replaces the old one', () => {
    const m = mount(Toast)
    m.subject.show('first', 'info', 4)
    jest.advanceTimersByTime(3000)
    m.subject.show('second', 'error', 4)
    jest.advanceTimersByTime(3000)
    expect(m.subject.message).toBe('second')
    jest.advanceTimersByTime(1100)
    expect(m.subject.message).toBe('')
    m.destroy()
  })
})
