import { createSettingsStore } from '../../../../src/state/account/settingsStore'
import type { SubscriptionSettings } from '../../../../src/domain/subscription'
import { SettingsSection } from '../../../../src/ui/account/SettingsSection'
import { mount } from '../../../helpers/lightning'

const texts = (el: { text?: { text?: string } | null; children: unknown[] }): string[] => {
  const own = el.text?.text ? [el.text.text] : []
  return [...own, ...(el.children as (typeof el)[]).flatMap(texts)]
}
const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0))

const settings: SubscriptionSettings = {
  nPvr: { override: false, enabled: true, storageHours: 990, autoExpireDays: 90 },
  scrub: { override: false },
  packages: [],
}

describe('the recording settings with the remote', () => {
  it('steps with Left/Right, stops at the limit, sends with OK and undoes with Back', async () => {
    const sent: unknown[] = []
    const store = createSettingsStore({
      load: () => Promise.resolve(settings),
      save: (patch) => {
        sent.push(patch)
        return Promise.resolve(settings)
      },
      afterSave: () => undefined,
    })
    const m = mount(SettingsSection)
    m.subject.store = store
    store.state$.subscribe((s) => m.subject.show(s))
    await store.load()
    m.subject._refocus()

    // Row 1 is the switch; Down to the storage hours.
    m.press('Down')
    m.press('Right')
    m.press('Right')
    // The key names come from src/platform/keys.ts; the section shows the translation keys in tests.
    const shown = texts(m.subject as never)
    expect(shown).toContain('account.settings.limit.storageHours.max')
    expect(sent).toEqual([])
    m.press('Back')
    expect(store.current.kind === 'ready' && store.current.rows.storageHours.value).toBe(990)
    m.press('Right')
    m.press('Enter')
    await flush()
    expect(sent).toEqual([{ nPvr: { override: true, storageHours: 999 } }])
    // Up from the top row leaves the section (the page takes the focus back to the tabs).
    m.press('Up')
    m.press('Up')
    expect(m.unhandled).toContain('Up')
    m.destroy()
  })
})
