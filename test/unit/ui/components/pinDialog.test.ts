import { PinDialog } from '../../../../src/ui/components/PinDialog'
import { mount } from '../../../helpers/lightning'

const texts = (el: { text?: { text?: string } | null; children: unknown[] }): string[] => {
  const own = el.text?.text ? [el.text.text] : []
  return [...own, ...(el.children as (typeof el)[]).flatMap(texts)]
}
const DIGIT = (d: number): number => 48 + d

describe('the PIN dialog with the remote', () => {
  const open = () => {
    const m = mount(PinDialog)
    const log: string[] = []
    m.subject.open({
      title: 'PIN',
      body: 'Buy',
      onSubmit: (pin) => log.push(`submit:${pin.length}`),
      onCancel: () => log.push('cancel'),
    })
    return { m, log }
  }

  it('shows dots, never the digits; Back erases; the fourth digit sends it', () => {
    const { m, log } = open()
    for (const d of [1, 2]) m.pressCode(DIGIT(d))
    expect(m.subject.shown).toBe('●●––')
    expect(texts(m.subject as never).join(' ')).not.toMatch(/[12]/)
    m.press('Back')
    expect(m.subject.shown).toBe('●–––')
    for (const d of [2, 3, 4]) m.pressCode(DIGIT(d))
    expect(log).toEqual(['submit:4'])
    // While the answer is awaited, more digits do nothing.
    m.pressCode(DIGIT(5))
    expect(m.subject.shown).toBe('●●●●')
    expect(m.unhandled).toEqual([])
    m.destroy()
  })

  it('after a wrong PIN it is cleared and says the tries left; Back with nothing typed cancels', () => {
    const { m, log } = open()
    for (const d of [0, 0, 0, 0]) m.pressCode(DIGIT(d))
    m.subject.showWrong(2)
    expect(m.subject.shown).toBe('––––')
    expect(texts(m.subject as never)).toContain('store.pin.wrongLeft')
    m.press('Back')
    expect(log).toEqual(['submit:4', 'cancel'])
    expect(m.subject.isOpen).toBe(false)
    m.destroy()
  })

  it('locked: no digit is taken, the message says so, and only closing is possible', () => {
    const { m, log } = open()
    m.subject.showLocked('Locked until 21:05')
    for (const d of [1, 2, 3, 4]) m.pressCode(DIGIT(d))
    expect(log).toEqual([])
    expect(texts(m.subject as never)).toContain('Locked until 21:05')
    expect(m.subject.Boxes.visible).toBe(false)
    m.press('Up', 'Left', 'Enter')
    expect(log).toEqual(['cancel'])
    expect(m.unhandled).toEqual([])
    m.destroy()
  })
})
