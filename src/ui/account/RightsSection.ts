import { Lightning } from '@lightningjs/sdk'
import { rightsSummary } from '../../domain/accountSettings'
import type { SettingsState } from '../../state/account/settingsStore'
import { t } from '../i18n'
import { COLORS } from '../theme'
import { ACCOUNT_ROW_H, AccountRow } from './AccountRow'
import { rightRowModel } from './labels'
import { sectionIntro } from './sectionIntro'

interface RightsSectionTemplateSpec extends Lightning.Component.TemplateSpec {
  Intro: object
  Rows: object
}

const ACTIONS = ['pause', 'forward', 'backward'] as const

/** Playback rights (document 002's scrub) in plain words; the provider sets them, so read-only. */
export class RightsSection
  extends Lightning.Component<RightsSectionTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<RightsSectionTemplateSpec>
{
  readonly Intro = this.getByRef('Intro')!
  readonly Rows = this.getByRef('Rows')!

  static override _template(): Lightning.Component.Template<RightsSectionTemplateSpec> {
    return {
      Intro: sectionIntro(2),
      Rows: { y: 70, children: ACTIONS.map((_, i) => ({ type: AccountRow, y: i * ACCOUNT_ROW_H })) },
    }
  }

  readonly focusable = false

  show(state: SettingsState): void {
    this.Rows.visible = state.kind === 'ready'
    if (state.kind !== 'ready') {
      this.Intro.patch({
        text: {
          text:
            state.kind === 'loading' ? t('account.loading') : t(`account.settings.problem.${state.problem}`),
          textColor: state.kind === 'loading' ? COLORS.textDim : COLORS.danger,
        },
      })
      return
    }
    this.Intro.patch({ text: { text: t('account.rights.intro'), textColor: COLORS.textDim } })
    const summary = rightsSummary(state.settings.scrub)
    ACTIONS.forEach((action, i) => {
      const row = this.Rows.children[i] as AccountRow | undefined
      if (row) row.model = rightRowModel(action, summary[action])
    })
  }
}
