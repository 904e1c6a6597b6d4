import { BehaviorSubject } from 'rxjs'

/**
 * The platform's own voice-guidance setting (Firebolt's or RDK's accessibility settings), where
 * there is one: true or false, or undefined while the platform says nothing. The viewer's own
 * choice in Preferences wins over it; it wins over settings.json.
 */
export const platformVoiceGuidance$ = new BehaviorSubject<boolean | undefined>(undefined)

export const setPlatformVoiceGuidance = (on: boolean | undefined): void => {
  platformVoiceGuidance$.next(on)
}
