import { Lightning, Router } from '@lightningjs/sdk'
import { ButtonRow, RowItem } from '../components/ButtonRow'
import { COLORS, FONT, RADIUS, SPACE, TYPE } from '../theme'
import { t } from '../i18n'

interface ExitDialogTemplateSpec extends Lightning.Component.TemplateSpec {
  Dim: object
  Panel: { Title: object; Body: object; Buttons: typeof ButtonRow }
}

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
    return {
      zIndex: 30,
      w: 1920,
      h: 1080,
      Dim: { rect: true, w: 1920, h: 1080, color: COLORS.overlay },
      Panel: {
        x: 960,
        y: 540,
        mount: 0.5,
        w: 900,
        h: 380,
        rect: true,
        color: COLORS.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.m },
        Title: {
          x: SPACE.xl,
          y: SPACE.xl,
          text: { text: '', fontFace: FONT.bold, fontSize: TYPE.heading, textColor: COLORS.text },
        },
        Body: {
          x: SPACE.xl,
          y: SPACE.xl + 70,
          text: {
            text: '',
            fontFace: FONT.regular,
            fontSize: TYPE.body,
            textColor: COLORS.textDim,
            wordWrapWidth: 900 - 2 * SPACE.xl,
          },
        },
        Buttons: { type: ButtonRow, x: SPACE.xl, y: 380 - SPACE.xl - 72 },
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
