import { accountStartOf } from '../../../../src/ui/account/accountStart'
import { to } from '../../../../src/ui/navigation'

jest.mock('../../../../src/ui/i18n', () => ({
  setLanguage: jest.fn(() => Promise.resolve()),
  t: (key: string) => key,
}))

const SECTIONS = ['recording', 'playback', 'preferences'] as const

describe('where the account page starts', () => {
  it('opens at its first tab from the menu or a plain link', () => {
    expect(accountStartOf({}, SECTIONS)).toEqual({ section: 'recording', zone: 'tabs' })
  })

  it('opens in a named section’s body, and ignores a section it does not have', () => {
    expect(accountStartOf({ section: 'preferences' }, SECTIONS)).toEqual({
      section: 'preferences',
      zone: 'body',
    })
    expect(accountStartOf({ section: 'nonsense' }, SECTIONS)).toEqual({ section: 'recording', zone: 'tabs' })
  })

  it('has a link of its own for a section', () => {
    expect(to.accountSection('preferences')).toBe('account/preferences')
  })
})

describe('a language change', () => {
  it('restarts the app in the Preferences it was made in', async () => {
    const { preferenceIntents } = await import('../../../../src/ui/account/preferenceIntents')
    const restarts: string[] = []
    const intents = preferenceIntents({
      state: () => undefined,
      toast: () => undefined,
      changePin: () => undefined,
      setParental: () => undefined,
      signedOut: () => undefined,
      restartAt: (hash) => restarts.push(hash),
    })
    intents.setLanguage('da')
    await new Promise((r) => setTimeout(r, 0))
    expect(restarts).toEqual(['account/preferences'])
  })
})
