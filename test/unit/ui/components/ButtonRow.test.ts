import { ButtonRow, RowItem } from '../../../../src/ui/components/ButtonRow'
import { Button } from '../../../../src/ui/components/Button'
import { mount, Mounted } from '../../../helpers/lightning'

const items: RowItem[] = [
  { id: 'a', label: 'All' },
  { id: 's', label: 'Scheduled' },
  { id: 'r', label: 'Recorded' },
]

describe('ButtonRow with the remote', () => {
  let m: Mounted<ButtonRow>
  let selected: RowItem[]
  beforeEach(() => {
    selected = []
    m = mount(ButtonRow)
    m.subject.items = items
    m.subject.onSelect = (item) => selected.push(item)
  })
  afterEach(() => m.destroy())

  const focusedLabel = (): string => (m.focused() as Button).label

  it('starts on the first item and moves right and left', () => {
    expect(focusedLabel()).toBe('All')
    m.press('Right', 'Right')
    expect(focusedLabel()).toBe('Recorded')
    m.press('Left')
    expect(focusedLabel()).toBe('Scheduled')
  })

  it('stays on the last item when Right is pressed at the end', () => {
    m.press('Right', 'Right', 'Right', 'Right')
    expect(focusedLabel()).toBe('Recorded')
    expect(m.subject.index).toBe(2)
  })

  it('lets Left at the first item travel up to the parent', () => {
    m.press('Left')
    expect(m.unhandled).toEqual(['Left'])
    m.press('Right', 'Left')
    expect(m.unhandled).toEqual(['Left'])
    m.press('Right', 'Right', 'Right')
    expect(m.unhandled).toEqual(['Left', 'Right'])
  })

  it('OK selects the focused item', () => {
    m.press('Right', 'Enter')
    expect(selected.map((i) => i.id)).toEqual(['s'])
  })

  it('keeps the focus inside the list when the items shrink', () => {
    m.press('Right', 'Right')
    m.subject.items = items.slice(0, 1)
    expect(focusedLabel()).toBe('All')
  })
})
