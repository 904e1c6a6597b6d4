import { SectionPage, Section } from './SectionPage'
import { appContext } from '../context'

/** Home. Back here asks before the app closes (the App owns that dialog). */
export class GuidePage extends SectionPage {
  protected readonly titleKey = 'guide.title'
  protected readonly subtitleKey = 'guide.subtitle'
  protected readonly sections: readonly Section[] = [
    { id: 'now', labelKey: 'guide.now', emptyKey: 'guide.now.empty' },
    { id: 'tonight', labelKey: 'guide.tonight', emptyKey: 'guide.tonight.empty' },
    { id: 'tomorrow', labelKey: 'guide.tomorrow', emptyKey: 'guide.tomorrow.empty' },
  ]

  override _handleBack(): void {
    this.fireAncestors('$askExit')
  }

  /** Opening the screen is a moment to look at the stamps (document 000, action based). */
  override _active(): void {
    appContext().state?.check('guide-opened')
  }
}
