import { Router } from '@lightningjs/sdk'
import { ErrorPage } from '../../../../src/ui/shell/ErrorPage'
import { NotFoundPage } from '../../../../src/ui/shell/NotFoundPage'
import { mount } from '../../../helpers/lightning'

const texts = (el: { text?: { text?: string } | null; children: unknown[] }): string[] => {
  const own = el.text?.text ? [el.text.text] : []
  return [...own, ...(el.children as (typeof el)[]).flatMap(texts)]
}

describe('error and not-found pages', () => {
  afterEach(() => jest.restoreAllMocks())

  it('says what failed without the secrets in it, and offers to try the page again', () => {
    const navigate = jest.spyOn(Router, 'navigate').mockImplementation(() => undefined)
    const m = mount(ErrorPage)
    m.subject._onUrlParams({
      request: { error: new Error('GET /api/x failed: token=abc123'), hash: 'recordings' },
    } as unknown as Router.PageParams)
    const shown = texts(m.subject as never)
    expect(shown).toContain('error.title') // no translations loaded in unit tests: keys show
    expect(shown.join(' ')).toContain('GET /api/x failed: token=***')
    expect(shown.join(' ')).not.toContain('abc123')
    m.press('Enter')
    expect(navigate).toHaveBeenCalledWith('recordings')
    m.press('Right', 'Enter')
    expect(navigate).toHaveBeenLastCalledWith('guide')
    m.destroy()
  })

  it('offers only the way home when it does not know what failed', () => {
    const navigate = jest.spyOn(Router, 'navigate').mockImplementation(() => undefined)
    const m = mount(ErrorPage)
    m.press('Right', 'Enter')
    expect(navigate).toHaveBeenCalledWith('guide')
    m.destroy()
  })

  it('offers only a new start when the app itself did not finish loading', () => {
    const navigate = jest.spyOn(Router, 'navigate').mockImplementation(() => undefined)
    const m = mount(ErrorPage)
    m.subject._onUrlParams({
      request: { error: new Error('Failed to fetch dynamically imported module') },
      restart: true,
    } as unknown as Router.PageParams)
    const shown = texts(m.subject as never)
    expect(shown).toContain('action.retry')
    expect(shown).not.toContain('action.toGuide')
    expect(shown.join(' ')).toContain('Failed to fetch dynamically imported module')
    m.press('Right')
    expect(navigate).not.toHaveBeenCalled()
    m.destroy()
  })

  it('names the link that led nowhere', () => {
    const m = mount(NotFoundPage)
    m.subject._onUrlParams({ failedHash: 'nowhere/1' } as Router.PageParams)
    expect(texts(m.subject as never)).toContain('#nowhere/1')
    m.destroy()
  })
})
