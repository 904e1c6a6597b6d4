import { Lightning } from '@lightningjs/sdk'
import { stepLanguage, stepPollPeriod } from '../../domain/preferences'
import { stepRating, type ParentalControl } from '../../domain/parental'
import { stepChoice, type AudioPreference, type SubtitlePreference } from '../../domain/trackChoice'
import { say, t } from '../i18n'
import { parentalRowLook } from './parentalRow'
import { ACCOUNT_ROW_H, AccountRow, type AccountRowModel } from './AccountRow'
import { pollPeriodText } from './labels'
import { audioChoices, subtitleChoices, trackPreferenceText } from './trackPreferences'
import { sectionIntro } from './sectionIntro'

interface PreferencesSectionTemplateSpec extends Lightning.Component.TemplateSpec {
  Intro: object
  Rows: object
}

/** Rows that fit under the tabs inside the safe area; more scroll. */
const VISIBLE_ROWS = 4

export type PreferenceRow =
  | 'language'
  | 'poll'
  | 'voice'
  | 'audio'
  | 'subtitles'
  | 'pin'
  | 'parental'
  | 'signOut'
  | 'signIn'

export interface PreferencesInput {
  languages: readonly { code: string; name: string }[]
  language: string
  pollPeriodSeconds: number
  /** Voice guidance in force (the viewer's choice, else the platform's, else the operator's). */
  voiceGuidance: boolean
  /** The audio and subtitle languages the player picks on every zap. */
  audioLanguage: AudioPreference
  subtitleLanguage: SubtitlePreference
  /** The signed-in user's name; undefined for an anonymous session. */
  userName: string | undefined
  /** The operator's parental settings, once the box has them (signed in only). */
  parental?: ParentalControl | undefined
}

export interface PreferencesIntents {
  setLanguage(code: string): void
  setPollPeriod(seconds: number): void
  setVoiceGuidance(on: boolean): void
  setAudioLanguage(preference: AudioPreference): void
  setSubtitleLanguage(preference: SubtitlePreference): void
  changePin(): void
  /** Parental control on or off and its limit; asks for the PIN. */
  setParental(control: { enabled: boolean; maxRating: number }): void
  signOut(): void
  signIn(): void
}

/**
 * Preferences: interface language, poll period and the preferred audio and subtitle languages
 * (Left/Right choose, OK applies), voice guidance (OK turns it over), the parental/purchase PIN change, and signing out (or in).
 */
export class PreferencesSection
  extends Lightning.Component<PreferencesSectionTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<PreferencesSectionTemplateSpec>
{
  readonly Intro = this.getByRef('Intro')!
  readonly Rows = this.getByRef('Rows')!
  intents: PreferencesIntents | undefined
  private _input: PreferencesInput | undefined
  private _rows: PreferenceRow[] = []
  private _index = 0
  private _language = ''
  private _period = 0
  /** The parental limit being chosen (Left/Right), saved with OK. */
  private _limit: number | undefined
  private _audio: AudioPreference = ''
  private _subtitles: SubtitlePreference = ''

  static override _template(): Lightning.Component.Template<PreferencesSectionTemplateSpec> {
    return {
      Intro: sectionIntro(),
      Rows: { y: 70 },
    }
  }

  readonly focusable = true

  resetFocus(): void {
    this._index = 0
    this._language = this._input?.language ?? ''
    this._period = this._input?.pollPeriodSeconds ?? 0
    this._limit = this._input?.parental?.maxRating
    this._audio = this._input?.audioLanguage ?? ''
    this._subtitles = this._input?.subtitleLanguage ?? ''
    this._draw()
    this._place()
  }

  show(input: PreferencesInput): void {
    const first = this._input === undefined
    this._input = input
    if (first || this._language === '') this._language = input.language
    if (first || this._period === 0) this._period = input.pollPeriodSeconds
    if (this._limit === undefined) this._limit = input.parental?.maxRating
    if (first || this._audio === '') this._audio = input.audioLanguage
    if (first || this._subtitles === '') this._subtitles = input.subtitleLanguage
    this._rows = [
      'language',
      'poll',
      'voice',
      'audio',
      'subtitles',
      ...(input.userName !== undefined
        ? (['pin', ...(input.parental !== undefined ? (['parental'] as const) : []), 'signOut'] as const)
        : (['signIn'] as const)),
    ]
    this.Intro.patch({ text: { text: t('account.prefs.intro') } })
    if (this.Rows.children.length !== this._rows.length) {
      this.Rows.children = this._rows.map((id, i) => ({
        type: AccountRow,
        ref: `Pref-${id}`,
        y: i * ACCOUNT_ROW_H,
      }))
    }
    this._index = Math.min(this._index, this._rows.length - 1)
    this._draw()
    this._place()
    this._refocus()
  }

  /** Keeps the focused row in view: VISIBLE_ROWS at a time, the rest hidden. */
  private _place(): void {
    const top = Math.max(0, Math.min(this._index - (VISIBLE_ROWS - 1), this._rows.length - VISIBLE_ROWS))
    this.Rows.children.forEach((row, i) => {
      row.y = (i - top) * ACCOUNT_ROW_H
      row.visible = i >= top && i < top + VISIBLE_ROWS
    })
  }

  private _draw(): void {
    const input = this._input
    if (!input) return
    this._rows.forEach((id, i) => {
      const row = this.Rows.children[i] as AccountRow | undefined
      if (row) row.model = this._model(id, input)
    })
  }

  private _model(id: PreferenceRow, input: PreferencesInput): AccountRowModel {
    const base = { stepper: false, readOnly: false, tone: 'muted' as const }
    switch (id) {
      case 'language': {
        const name = input.languages.find((l) => l.code === this._language)?.name ?? this._language
        const dirty = this._language !== input.language
        return {
          ...base,
          stepper: true,
          label: t('account.prefs.language'),
          value: name,
          note: t(dirty ? 'account.prefs.language.dirty' : 'account.prefs.language.hint'),
          tone: dirty ? 'accent' : 'muted',
        }
      }
      case 'poll': {
        const dirty = this._period !== input.pollPeriodSeconds
        return {
          ...base,
          stepper: true,
          label: t('account.prefs.poll'),
          value: pollPeriodText(this._period),
          note: t(dirty ? 'account.prefs.poll.dirty' : 'account.prefs.poll.hint'),
          tone: dirty ? 'accent' : 'muted',
        }
      }
      case 'voice':
        return {
          ...base,
          label: t('account.prefs.voice'),
          value: t(input.voiceGuidance ? 'account.prefs.voice.on' : 'account.prefs.voice.off'),
          note: t('account.prefs.voice.hint'),
        }
      case 'audio':
      case 'subtitles': {
        const chosen = id === 'audio' ? this._audio : this._subtitles
        const dirty = chosen !== (id === 'audio' ? input.audioLanguage : input.subtitleLanguage)
        return {
          ...base,
          stepper: true,
          label: t(`account.prefs.${id}`),
          value: trackPreferenceText(chosen, input.languages),
          note: t(dirty ? 'account.prefs.poll.dirty' : `account.prefs.${id}.hint`),
          tone: dirty ? 'accent' : 'muted',
        }
      }
      case 'pin':
        return { ...base, label: t('account.prefs.pin'), value: '••••', note: t('account.prefs.pin.hint') }
      case 'parental': {
        const control = input.parental
        if (!control) return { ...base, label: t('account.parental.title'), value: '', note: '' }
        const look = parentalRowLook(control, this._limit ?? control.maxRating)
        return {
          ...base,
          stepper: true,
          label: t('account.parental.title'),
          value: say(look.value),
          note: say(look.note),
          tone: look.dirty ? 'accent' : 'muted',
        }
      }
      case 'signOut':
        return {
          ...base,
          label: t('account.prefs.signOut'),
          value: input.userName ?? '',
          note: t('account.prefs.signOut.hint'),
        }
      case 'signIn':
        return { ...base, label: t('account.action.signIn'), value: '', note: t('account.prefs.signIn.hint') }
    }
  }

  private get _row(): PreferenceRow | undefined {
    return this._rows[this._index]
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.Rows.children[this._index] as Lightning.Component | undefined
  }

  override _handleUp(): boolean | void {
    if (this._index === 0) return false
    this._index -= 1
    this._place()
    this._refocus()
  }

  override _handleDown(): boolean | void {
    if (this._index < this._rows.length - 1) {
      this._index += 1
      this._place()
      this._refocus()
    }
  }

  private _step(direction: 1 | -1): boolean {
    const input = this._input
    if (!input) return false
    if (this._row === 'language') {
      this._language = stepLanguage(
        input.languages.map((l) => l.code),
        this._language,
        direction,
      )
    } else if (this._row === 'poll') {
      this._period = stepPollPeriod(this._period, direction)
    } else if (this._row === 'parental' && input.parental) {
      this._limit = stepRating(this._limit ?? input.parental.maxRating, direction)
    } else if (this._row === 'audio') {
      this._audio = stepChoice(audioChoices(input.languages), this._audio, direction)
    } else if (this._row === 'subtitles') {
      this._subtitles = stepChoice(subtitleChoices(input.languages), this._subtitles, direction)
    } else return false
    this._draw()
    return true
  }

  override _handleLeft(): boolean | void {
    return this._step(-1) ? undefined : false
  }

  override _handleRight(): boolean | void {
    this._step(1)
  }

  override _handleEnter(): void {
    const intents = this.intents
    if (!intents) return
    switch (this._row) {
      case 'language':
        if (this._language !== this._input?.language) intents.setLanguage(this._language)
        return
      case 'poll':
        intents.setPollPeriod(this._period)
        return
      case 'voice':
        intents.setVoiceGuidance(!(this._input?.voiceGuidance ?? false))
        return
      case 'audio':
        intents.setAudioLanguage(this._audio)
        return
      case 'subtitles':
        intents.setSubtitleLanguage(this._subtitles)
        return
      case 'pin':
        intents.changePin()
        return
      case 'parental': {
        const control = this._input?.parental
        if (!control) return
        const limit = this._limit ?? control.maxRating
        // A new limit is saved switched on; OK on the limit in force turns the control over.
        intents.setParental(
          limit !== control.maxRating
            ? { enabled: true, maxRating: limit }
            : { enabled: !control.enabled, maxRating: limit },
        )
        return
      }
      case 'signOut':
        intents.signOut()
        return
      case 'signIn':
        intents.signIn()
    }
  }

  override _handleBack(): boolean | void {
    const input = this._input
    const limitDirty = this._limit !== undefined && this._limit !== input?.parental?.maxRating
    if (
      input &&
      (this._language !== input.language ||
        this._period !== input.pollPeriodSeconds ||
        this._audio !== input.audioLanguage ||
        this._subtitles !== input.subtitleLanguage ||
        limitDirty)
    ) {
      this._language = input.language
      this._period = input.pollPeriodSeconds
      this._audio = input.audioLanguage
      this._subtitles = input.subtitleLanguage
      this._limit = input.parental?.maxRating
      this._draw()
      return
    }
    return false
  }
}
