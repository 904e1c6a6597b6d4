import { Lightning, Router } from '@lightningjs/sdk'
import { ButtonRow, RowItem } from '../components/ButtonRow'
import { dialogFrame } from '../components/dialogFrame'
import { COLORS, SPACE } from '../theme'
import { t } from '../i18n'

interface ExitDialogTemplateSpec extends Lightning.Component.TemplateSpec {
  Dim: object
  Panel: { Accent: object; Title: object; Body: object; Buttons: typeof ButtonRow }
}

const PANEL = { w: 900, h: 380 } as const

/**
 * "Leave Kanal?", asked when Back is pressed on the home page. Stay is focused first, so a
 * second accidental Back never closes the app.
 */
export class ExitDialog
  extends Lightning.Component<ExitDialogTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ExitDialogTemplateSpec>
{
  readonly Panel = this.getByRef('Panel')!
  readonly Title = this.Panel.getByRef('Title')!
  readonly Body = this.Panel.getByRef('Body')!
  readonly Buttons = this.Panel.getByRef('Buttons')!

  static override _template(): Lightning.Component.Template<ExitDialogTemplateSpec> {
    const frame = dialogFrame({
      w: PANEL.w,
      h: PANEL.h,
      zIndex: 30,
      accent: COLORS.accent,
      bodyY: SPACE.xl + 70,
      bodyLines: 3,
    })
    return {
      ...frame,
      Panel: {
        ...frame.Panel,
        Buttons: { type: ButtonRow, x: SPACE.xl, y: PANEL.h - SPACE.xl - 72 },
      },
    }
  }

  override _init(): void {
    this.Buttons.onSelect = (item: RowItem) => {
      if (item.id === 'leave') (this.application as unknown as { closeApp(): void }).closeApp()
      else Router.focusPage()
    }
  }

  override _focus(): void {
    this.Title.patch({ text: { text: t('exit.title') } })
    this.Body.patch({ text: { text: t('exit.body') } })
    this.Buttons.items = [
      { id: 'stay', label: t('exit.stay') },
      { id: 'leave', label: t('exit.leave') },
    ]
    this.Buttons.index = 0
    this.visible = true
  }

  override _unfocus(): void {
    this.visible = false
  }

  override _getFocused(): Lightning.Component {
    return this.Buttons
  }

  override _handleBack(): void {
    Router.focusPage()
  }

  // Keys the dialog does not use must not leak to the page underneath.
  override _handleKey(): boolean {
    return true
  }
}
