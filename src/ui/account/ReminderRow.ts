import { Lightning } from '@lightningjs/sdk'
import { rowFrame, showRowFocus } from '../components/listRow'
import type { Speech } from '../components/voice'
import { phrase } from '../i18n'
import { COLORS, FONT, RADIUS, SAFE, SPACE, TYPE } from '../theme'
import type { ReminderRowModel } from './reminderRows'

export const REMINDER_ROW_H = 112
const WIDTH = SAFE.w
const CANCEL_W = 220

interface ReminderRowTemplateSpec extends Lightning.Component.TemplateSpec {
  model: ReminderRowModel | undefined
  Marker: object
  Title: object
  When: object
  Cancel: { Label: object }
}

/** One reminder: its title, when and where, and Cancel (what OK does). */
export class ReminderRow
  extends Lightning.Component<ReminderRowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ReminderRowTemplateSpec>
{
  readonly Marker = this.getByRef('Marker')!
  readonly Title = this.getByRef('Title')!
  readonly When = this.getByRef('When')!
  readonly Cancel = this.getByRef('Cancel')!
  private _model: ReminderRowModel | undefined
  /** The Cancel button's word, in the interface language. */
  static cancelLabel = 'Cancel'

  static override _template(): Lightning.Component.Template<ReminderRowTemplateSpec> {
    const h = REMINDER_ROW_H - SPACE.xs
    return {
      ...rowFrame(WIDTH, h),
      Title: {
        x: SPACE.l,
        y: 14,
        text: {
          text: '',
          fontFace: FONT.semibold,
          fontSize: TYPE.body,
          textColor: COLORS.text,
          wordWrapWidth: WIDTH - 2 * SPACE.l - CANCEL_W,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
      When: {
        x: SPACE.l,
        y: 58,
        text: { text: '', fontFace: FONT.regular, fontSize: TYPE.caption, textColor: COLORS.textDim },
      },
      Cancel: {
        x: WIDTH - SPACE.l - CANCEL_W,
        y: (h - 60) / 2,
        w: CANCEL_W,
        h: 60,
        rect: true,
        color: COLORS.surfaceRaised,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.s },
        Label: {
          x: CANCEL_W / 2,
          y: 32,
          mount: 0.5,
          text: { text: '', fontFace: FONT.semibold, fontSize: TYPE.caption, textColor: COLORS.text },
        },
      },
    }
  }

  get model(): ReminderRowModel | undefined {
    return this._model
  }
  set model(value: ReminderRowModel | undefined) {
    this._model = value
    this.Title.patch({ text: { text: value?.title ?? '' } })
    this.When.patch({ text: { text: value?.when ?? '' } })
    this.Cancel.getByRef('Label')?.patch({ text: { text: ReminderRow.cancelLabel } })
  }

  announce(): Speech {
    const m = this._model
    return m ? [m.title, m.when, phrase('account.reminders.cancel')] : undefined
  }

  override _focus(): void {
    showRowFocus(this, this.Marker, true)
    this.Cancel.setSmooth('color', COLORS.focus)
    this.Cancel.getByRef('Label')?.patch({ text: { textColor: COLORS.focusText } })
  }

  override _unfocus(): void {
    showRowFocus(this, this.Marker, false)
    this.Cancel.setSmooth('color', COLORS.surfaceRaised)
    this.Cancel.getByRef('Label')?.patch({ text: { textColor: COLORS.text } })
  }
}
