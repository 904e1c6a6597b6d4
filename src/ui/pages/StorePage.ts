import { SectionPage, Section } from './SectionPage'

export class StorePage extends SectionPage {
  protected readonly titleKey = 'store.title'
  protected readonly subtitleKey = 'store.subtitle'
  protected readonly sections: readonly Section[] = [
    { id: 'packs', labelKey: 'store.packs', emptyKey: 'store.packs.empty' },
    { id: 'channels', labelKey: 'store.channels', emptyKey: 'store.channels.empty' },
    { id: 'addons', labelKey: 'store.addons', emptyKey: 'store.addons.empty' },
    { id: 'mine', labelKey: 'store.mine', emptyKey: 'store.mine.empty' },
  ]
}
