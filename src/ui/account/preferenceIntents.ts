import { Router } from '@lightningjs/sdk'
import type { AppState } from '../../state/appState'
import { setLanguage, t } from '../i18n'
import { to } from '../navigation'
import type { PreferencesIntents } from './PreferencesSection'

export interface PreferenceIntentPorts {
  state(): AppState | undefined
  toast(message: string, kind: 'success' | 'error' | 'info'): void
  changePin(): void
  /** Asks for the PIN and saves the parental settings. */
  setParental(control: { enabled: boolean; maxRating: number }): void
  /** Signed out: the page goes back to its tabs. */
  signedOut(): void
  /** Starts the app again at a hash (restartAt below, unless a test watches it). */
  restartAt?(hash: string): void
}

/** Reloads the app at `hash`: the hash is replaced first, so the reload opens there. */
export const restartAt = (hash: string): void => {
  window.history.replaceState(null, '', `#${hash}`)
  window.location.reload()
}

/**
 * What the preferences' buttons do: language, poll period, audio and subtitle languages, PIN
 * change, sign-in and sign-out.
 */
export const preferenceIntents = (ports: PreferenceIntentPorts): PreferencesIntents => ({
  /**
   * The saved language applies at start (App.language); the app restarts in it at once, back
   * in the Preferences the viewer changed it in.
   */
  setLanguage: (code) =>
    void (async () => {
      await ports.state()?.preferences.setLanguage(code)
      await setLanguage(code)
      ;(ports.restartAt ?? restartAt)(to.accountSection('preferences'))
    })(),
  setPollPeriod: (seconds) =>
    void (async () => {
      const state = ports.state()
      if (!state) return
      await state.preferences.setPollPeriod(seconds)
      ports.toast(t('account.prefs.poll.saved'), 'success')
    })(),
  /** Kept on the box; the player picks them from the next channel on. */
  setAudioLanguage: (preference) =>
    void (async () => {
      await ports.state()?.preferences.setAudioLanguage(preference)
      ports.toast(t('account.prefs.tracks.saved'), 'success')
    })(),
  setSubtitleLanguage: (preference) =>
    void (async () => {
      await ports.state()?.preferences.setSubtitleLanguage(preference)
      ports.toast(t('account.prefs.tracks.saved'), 'success')
    })(),
  /** Kept on the box; it speaks (or stops) at once. */
  setVoiceGuidance: (on) => void ports.state()?.preferences.setVoiceGuidance(on),
  changePin: () => ports.changePin(),
  setParental: (control) => ports.setParental(control),
  signOut: () =>
    void (async () => {
      const state = ports.state()
      if (!state) return
      try {
        await state.account.signOut()
        ports.signedOut()
        ports.toast(t('account.signedOutToast'), 'info')
      } catch {
        ports.toast(t('account.signOutFailed'), 'error')
      }
    })(),
  signIn: () => Router.navigate(to.signIn()),
})
