import { createSettingsStore } from '../../../../src/state/account/settingsStore'
import { apiError } from '../../../../src/api'
import { SettingsSection } from '../../../../src/ui/account/SettingsSection'
import { settingsLoadFailedText } from '../../../../src/ui/account/labels'
import { mount } from '../../../helpers/lightning'

const texts = (el: { text?: { text?: string } | null; children: unknown[] }): string[] => {
  const own = el.text?.text ? [el.text.text] : []
  return [...own, ...(el.children as (typeof el)[]).flatMap(texts)]
}

/** The section as the viewer sees it after a first load that failed with `error`. */
const shownAfterFailedLoad = async (error: unknown): Promise<string[]> => {
  const store = createSettingsStore({
    load: () => Promise.reject(error),
    save: () => Promise.reject(new Error('not called')),
    afterSave: () => undefined,
  })
  const m = mount(SettingsSection)
  m.subject.store = store
  store.state$.subscribe((s) => m.subject.show(s))
  await store.load()
  const shown = texts(m.subject as never)
  m.destroy()
  return shown
}

describe('the recording settings when they cannot be loaded', () => {
  // The section shows the translation keys in tests.
  it('says the settings could not be loaded, not that something could not be saved', async () => {
    const shown = await shownAfterFailedLoad(apiError({ kind: 'server', reason: 'HTTP 503', status: 503 }))
    expect(shown).toContain('account.settings.loadFailed')
    expect(shown).not.toContain('account.settings.problem.server')
  })

  it('keeps the words that describe the account as it is', async () => {
    const shown = await shownAfterFailedLoad(apiError({ kind: 'network', reason: 'connection refused' }))
    expect(shown).toContain('account.settings.problem.offline')
    expect(settingsLoadFailedText('denied')).toBe('account.settings.problem.denied')
    expect(settingsLoadFailedText('invalid')).toBe('account.settings.loadFailed')
  })
})
