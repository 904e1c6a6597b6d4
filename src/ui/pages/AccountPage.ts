import { SectionPage, Section } from './SectionPage'

export class AccountPage extends SectionPage {
  protected readonly titleKey = 'account.title'
  protected readonly subtitleKey = 'account.subtitle'
  protected readonly sections: readonly Section[] = [
    { id: 'recording', labelKey: 'account.recording', emptyKey: 'account.recording.empty' },
    { id: 'playback', labelKey: 'account.playback', emptyKey: 'account.playback.empty' },
    { id: 'packages', labelKey: 'account.packages', emptyKey: 'account.packages.empty' },
    { id: 'history', labelKey: 'account.history', emptyKey: 'account.history.empty' },
    { id: 'preferences', labelKey: 'account.preferences', emptyKey: 'account.preferences.empty' },
  ]
}
