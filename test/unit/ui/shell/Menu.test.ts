import { Router } from '@lightningjs/sdk'
import { Menu, MENU_ENTRIES } from '../../../../src/ui/shell/Menu'
import { mount, Mounted } from '../../../helpers/lightning'

describe('Menu widget', () => {
  let m: Mounted<Menu>
  let navigate: jest.SpyInstance
  let focusPage: jest.SpyInstance
  beforeEach(() => {
    navigate = jest.spyOn(Router, 'navigate').mockImplementation(() => undefined)
    focusPage = jest.spyOn(Router, 'focusPage').mockImplementation(() => undefined)
    m = mount(Menu)
    m.subject.setActive('guide')
  })
  afterEach(() => {
    m.destroy()
    jest.restoreAllMocks()
  })

  it('lists the top-level pages in order, search last', () => {
    expect(MENU_ENTRIES.map((e) => e.route)).toEqual(['guide', 'recordings', 'store', 'account', 'search'])
  })

  it('opens the page chosen with Right and OK', () => {
    m.press('Right', 'Right', 'Enter')
    expect(navigate).toHaveBeenCalledWith('store')
  })

  it('does not navigate again to the page already shown, it hands focus back', () => {
    m.press('Enter')
    expect(navigate).not.toHaveBeenCalled()
    expect(focusPage).toHaveBeenCalled()
  })

  it('starts from the page on screen', () => {
    m.subject.setActive('account')
    m.press('Left', 'Enter')
    expect(navigate).toHaveBeenCalledWith('store')
  })

  it('gives focus back to the page with Down or Back', () => {
    m.press('Down')
    m.press('Back')
    expect(focusPage).toHaveBeenCalledTimes(2)
  })

  it('does not move past either end', () => {
    m.press('Left', 'Left', 'Enter')
    expect(navigate).not.toHaveBeenCalled()
    m.press('Right', 'Right', 'Right', 'Right', 'Right', 'Right', 'Right', 'Enter')
    expect(navigate).toHaveBeenCalledWith('signin')
  })

  it('ends with who is signed in: sign-in for nobody, the account for a name', () => {
    m.press('Right', 'Right', 'Right', 'Right', 'Enter')
    expect(navigate).toHaveBeenLastCalledWith('search')
    m.press('Right', 'Enter')
    expect(navigate).toHaveBeenLastCalledWith('signin')
    m.subject.setWho({ kind: 'user', name: 'Anna Berg' })
    m.press('Enter')
    expect(navigate).toHaveBeenLastCalledWith('account')
  })
})
