import { Lightning } from '@lightningjs/sdk'
import { SectionTabs } from '../../../../src/ui/account/SectionTabs'
import { Button } from '../../../../src/ui/components/Button'
import { COLORS } from '../../../../src/ui/theme'
import { mount } from '../../../helpers/lightning'

/** The tabs above a section's body: Down gives the focus to the body, Up back to the tabs. */
class Host extends Lightning.Component {
  inBody = false
  static override _template() {
    return { Tabs: { type: SectionTabs }, Body: { y: 200, type: Button, label: 'Language' } }
  }
  get tabs(): SectionTabs {
    return this.tag('Tabs') as SectionTabs
  }
  override _handleDown(): void {
    this.inBody = true
    this._refocus()
  }
  override _handleUp(): void {
    this.inBody = false
    this._refocus()
  }
  override _getFocused(): Lightning.Component {
    return (this.inBody ? this.tag('Body') : this.tag('Tabs')) as Lightning.Component
  }
}

const colourOf = (el: Lightning.Element): number => {
  const t = el.transition('color')
  return t.isRunning() ? (t.targetValue as number) : el.color
}

describe('the account’s section tabs', () => {
  it('keep the open section’s tab marked while its body has the focus', () => {
    const m = mount(Host)
    const tabs = m.subject.tabs
    tabs.items = ['recording', 'playback', 'preferences'].map((id) => ({ id, label: id }))
    m.press('Right', 'Right')
    m.press('Down')
    const buttons = tabs.Items.children as Button[]
    const [first, , open] = buttons
    if (!first || !open) throw new Error('no tabs')
    expect(colourOf(open)).not.toBe(colourOf(first))
    expect(colourOf(open)).not.toBe(COLORS.surfaceRaised)
    expect(open.Label.text?.textColor).not.toBe(first.Label.text?.textColor)
    // Back on the tabs, the open one is the focused one again, and the mark moves with the focus.
    m.press('Up')
    expect(colourOf(open)).toBe(COLORS.focus)
    m.press('Left')
    expect(colourOf(open)).toBe(COLORS.surfaceRaised)
    m.destroy()
  })
})
