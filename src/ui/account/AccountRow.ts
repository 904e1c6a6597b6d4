import { Lightning } from '@lightningjs/sdk'
import { rowFrame, showRowFocus } from '../components/listRow'
import { COLORS, FONT, SAFE, SPACE, TYPE } from '../theme'
import type { Speech } from '../components/voice'
import { accountRowDetail, accountRowSpeech } from './accountSpeech'

export type NoteTone = 'muted' | 'accent' | 'warning' | 'danger' | 'success'

export interface AccountRowModel {
  label: string
  value: string
  /** Under the value: a hint, the limit a press ran into, the refusal, or why it is read-only. */
  note: string
  tone: NoteTone
  /** Left/Right change the value: arrows show beside it while focused. */
  stepper: boolean
  readOnly: boolean
}

export const ACCOUNT_ROW_H = 128
const WIDTH = SAFE.w
const VALUE_X = 620

const TONE: Record<NoteTone, number> = {
  muted: COLORS.textMuted,
  accent: COLORS.accent,
  warning: COLORS.warning,
  danger: COLORS.danger,
  success: COLORS.success,
}

interface AccountRowTemplateSpec extends Lightning.Component.TemplateSpec {
  model: AccountRowModel | undefined
  Marker: object
  Label: object
  Value: object
  Left: object
  Right: object
  Note: object
}

/**
 * One setting or preference: its name, its value (with ‹ › while focused when Left/Right
 * change it), and a note under the value that carries the hint, a limit, a refusal from the
 * operator, or the reason it cannot be changed (read-only settings are dimmed).
 */
export class AccountRow
  extends Lightning.Component<AccountRowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<AccountRowTemplateSpec>
{
  readonly Marker = this.getByRef('Marker')!
  readonly Label = this.getByRef('Label')!
  readonly Value = this.getByRef('Value')!
  readonly Left = this.getByRef('Left')!
  readonly Right = this.getByRef('Right')!
  readonly Note = this.getByRef('Note')!
  private _model: AccountRowModel | undefined
  private _focused = false

  static override _template(): Lightning.Component.Template<AccountRowTemplateSpec> {
    const h = ACCOUNT_ROW_H - SPACE.s
    return {
      ...rowFrame(WIDTH, h),
      Label: {
        x: SPACE.l,
        y: 24,
        text: {
          text: '',
          fontFace: FONT.semibold,
          fontSize: TYPE.body,
          textColor: COLORS.text,
          wordWrapWidth: VALUE_X - SPACE.l - SPACE.m,
          maxLines: 2,
          lineHeight: 38,
        },
      },
      Left: {
        x: VALUE_X,
        y: 22,
        alpha: 0,
        text: { text: '‹', fontFace: FONT.bold, fontSize: TYPE.body, textColor: COLORS.focus },
      },
      Value: {
        x: VALUE_X + 36,
        y: 22,
        text: { text: '', fontFace: FONT.bold, fontSize: TYPE.body, textColor: COLORS.text },
      },
      Right: {
        x: VALUE_X + 60,
        y: 22,
        alpha: 0,
        text: { text: '›', fontFace: FONT.bold, fontSize: TYPE.body, textColor: COLORS.focus },
      },
      Note: {
        x: VALUE_X + 36,
        y: 66,
        text: {
          text: '',
          fontFace: FONT.regular,
          fontSize: TYPE.caption,
          textColor: COLORS.textMuted,
          wordWrapWidth: WIDTH - VALUE_X - 36 - SPACE.l,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
    }
  }

  get model(): AccountRowModel | undefined {
    return this._model
  }
  set model(value: AccountRowModel | undefined) {
    this._model = value
    this._update()
    // A value stepped or sent while focused is said again (voice guidance ignores a redraw).
    if (this._focused && value)
      this.fireAncestors('$voiceUpdate', accountRowSpeech(value), accountRowDetail(value))
  }

  /** Voice guidance: its name and value ("Voice guidance, On"); Info adds the note. */
  announce(): Speech {
    return this._model ? accountRowSpeech(this._model) : undefined
  }

  announceDetail(): Speech {
    return this._model ? accountRowDetail(this._model) : undefined
  }

  override _init(): void {
    this.Value.on('txLoaded', () => this._placeArrow())
    this._update()
  }

  override _focus(): void {
    this._focused = true
    showRowFocus(this, this.Marker, true)
    this._update()
  }

  override _unfocus(): void {
    this._focused = false
    showRowFocus(this, this.Marker, false)
    this._update()
  }

  private _update(): void {
    const m = this._model
    if (!m) return
    const arrows = m.stepper && !m.readOnly && this._focused ? 1 : 0
    this.Label.patch({ text: { text: m.label, textColor: m.readOnly ? COLORS.textDim : COLORS.text } })
    this.Value.patch({ text: { text: m.value, textColor: m.readOnly ? COLORS.textDim : COLORS.text } })
    this.Note.patch({ text: { text: m.note, textColor: TONE[m.tone] } })
    this.Left.alpha = arrows
    this.Right.alpha = arrows
    this._placeArrow()
  }

  private _placeArrow(): void {
    const width = this.Value.renderWidth || (this._model?.value.length ?? 0) * 17
    this.Right.x = VALUE_X + 36 + width + 16
  }
}
