import { SectionPage, Section } from './SectionPage'
import { appContext } from '../context'

export class RecordingsPage extends SectionPage {
  protected readonly titleKey = 'recordings.title'
  protected readonly subtitleKey = 'recordings.subtitle'
  protected readonly sections: readonly Section[] = [
    { id: 'all', labelKey: 'recordings.all', emptyKey: 'recordings.all.empty' },
    { id: 'scheduled', labelKey: 'recordings.scheduled', emptyKey: 'recordings.scheduled.empty' },
    { id: 'ongoing', labelKey: 'recordings.ongoing', emptyKey: 'recordings.ongoing.empty' },
    { id: 'recorded', labelKey: 'recordings.recorded', emptyKey: 'recordings.recorded.empty' },
  ]

  /** Opening the screen is a moment to look at the stamps (document 000, action based). */
  override _active(): void {
    appContext().state?.check('recordings-opened')
  }
}
