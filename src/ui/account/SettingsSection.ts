import { Lightning } from '@lightningjs/sdk'
import { SETTING_FIELDS, type SettingField } from '../../domain/accountSettings'
import type { SettingsState, SettingsStore } from '../../state/account/settingsStore'
import { t } from '../i18n'
import { COLORS } from '../theme'
import { ACCOUNT_ROW_H, AccountRow } from './AccountRow'
import { settingRowModel, settingsLoadFailedText } from './labels'
import { sectionIntro } from './sectionIntro'

interface SettingsSectionTemplateSpec extends Lightning.Component.TemplateSpec {
  Intro: object
  Rows: object
}

/**
 * Recording settings (document 002's nPvr): cloud recording on or off, storage hours and days
 * before automatic deletion. Up/Down choose, Left/Right step (never beyond the limits), OK
 * sends, Back undoes a change not yet sent. Every note (limit, refusal, read-only reason) is
 * shown under the setting it concerns.
 */
export class SettingsSection
  extends Lightning.Component<SettingsSectionTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<SettingsSectionTemplateSpec>
{
  readonly Intro = this.getByRef('Intro')!
  readonly Rows = this.getByRef('Rows')!
  store: SettingsStore | undefined
  /** Told with a translated message when a setting was saved. */
  onSaved: (message: string) => void = () => undefined
  private _data: SettingsState = { kind: 'loading' }
  private _index = 0

  static override _template(): Lightning.Component.Template<SettingsSectionTemplateSpec> {
    return {
      Intro: sectionIntro(2),
      Rows: {
        y: 70,
        children: SETTING_FIELDS.map((field, i) => ({
          type: AccountRow,
          ref: `Row-${field}`,
          y: i * ACCOUNT_ROW_H,
        })),
      },
    }
  }

  get focusable(): boolean {
    return this._data.kind === 'ready'
  }

  show(state: SettingsState): void {
    const before = this._data
    this._data = state
    this.Rows.visible = state.kind === 'ready'
    if (state.kind === 'loading') {
      this.Intro.patch({ text: { text: t('account.loading'), textColor: COLORS.textDim } })
      return
    }
    if (state.kind === 'failed') {
      this.Intro.patch({
        text: { text: settingsLoadFailedText(state.problem), textColor: COLORS.danger },
      })
      return
    }
    this.Intro.patch({ text: { text: t('account.settings.intro'), textColor: COLORS.textDim } })
    SETTING_FIELDS.forEach((field, i) => {
      const row = this.Rows.children[i] as AccountRow | undefined
      if (row) row.model = settingRowModel(state.rows[field])
      const was = before.kind === 'ready' ? before.rows[field] : undefined
      const now = state.rows[field]
      if (was?.saving && !now.saving && now.problem === undefined) {
        this.onSaved(t('account.settings.saved', { setting: t(`account.settings.${field}`) }))
      }
    })
  }

  private get _field(): SettingField {
    return SETTING_FIELDS[this._index] ?? 'enabled'
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.Rows.children[this._index] as Lightning.Component | undefined
  }

  override _handleUp(): boolean | void {
    if (this._index === 0) return false
    this._index -= 1
    this._refocus()
  }

  override _handleDown(): boolean | void {
    if (this._index < SETTING_FIELDS.length - 1) {
      this._index += 1
      this._refocus()
    }
  }

  override _handleLeft(): boolean | void {
    const field = this._field
    if (field === 'enabled') return false
    this.store?.step(field, -1)
  }

  override _handleRight(): boolean | void {
    const field = this._field
    if (field !== 'enabled') this.store?.step(field, 1)
  }

  override _handleEnter(): void {
    void this.store?.confirm(this._field)
  }

  override _handleBack(): boolean | void {
    if (this.store?.revert(this._field)) return
    return false
  }
}
