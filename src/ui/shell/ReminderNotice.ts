import { Lightning } from '@lightningjs/sdk'
import { ButtonRow, type RowItem } from '../components/ButtonRow'
import { label } from '../components/Label'
import type { Speech } from '../components/voice'
import { COLORS, FONT, RADIUS, SAFE, SPACE, TYPE } from '../theme'

interface ReminderNoticeTemplateSpec extends Lightning.Component.TemplateSpec {
  Panel: { Accent: object; Heading: object; Message: object; Buttons: typeof ButtonRow }
}

const W = 1100
const H = 330

export interface NoticeRequest {
  heading: string
  message: string
  buttons: RowItem[]
  onAction: (id: string) => void
  /** Seconds before it hides by itself. */
  seconds: number
  onHidden: () => void
}

/**
 * A reminder's notice over whatever is on screen (the guide, a film playing): bigger than a
 * toast, with buttons, the first (Watch) focused while it shows. It hides by itself after a
 * while, as if dismissed; the App gives it the focus while `isOpen`.
 */
export class ReminderNotice
  extends Lightning.Component<ReminderNoticeTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ReminderNoticeTemplateSpec>
{
  readonly Panel = this.getByRef('Panel')!
  readonly Heading = this.Panel.getByRef('Heading')!
  readonly Message = this.Panel.getByRef('Message')!
  readonly Buttons = this.Panel.getByRef('Buttons')!
  private _request: NoticeRequest | undefined
  private _timer: ReturnType<typeof setTimeout> | undefined

  static override _template(): Lightning.Component.Template<ReminderNoticeTemplateSpec> {
    return {
      zIndex: 25,
      visible: false,
      Panel: {
        x: 1920 - SAFE.x - W,
        y: 1080 - SAFE.y - H,
        w: W,
        h: H,
        rect: true,
        color: COLORS.surfaceRaised,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.m },
        Accent: { rect: true, w: 12, h: H, color: COLORS.focus },
        Heading: {
          x: SPACE.xl,
          y: SPACE.l,
          ...label('', { font: FONT.semibold, size: TYPE.caption, color: COLORS.focus }),
        },
        Message: {
          x: SPACE.xl,
          y: SPACE.l + 48,
          text: {
            text: '',
            fontFace: FONT.bold,
            fontSize: TYPE.heading,
            textColor: COLORS.text,
            wordWrapWidth: W - 2 * SPACE.xl,
            maxLines: 2,
            lineHeight: 52,
            textOverflow: 'ellipsis',
          },
        },
        Buttons: { type: ButtonRow, x: SPACE.xl, y: H - SPACE.l - 72 },
      },
    }
  }

  get isOpen(): boolean {
    return this._request !== undefined
  }

  get message(): string {
    return this._request?.message ?? ''
  }

  override _init(): void {
    this.Buttons.onSelect = (item: RowItem) => {
      const request = this._request
      this.hide()
      request?.onAction(item.id)
    }
  }

  show(request: NoticeRequest): void {
    this._request = request
    this.Heading.patch({ text: { text: request.heading } })
    this.Message.patch({ text: { text: request.message } })
    this.Buttons.items = request.buttons
    this.Buttons.index = 0
    this.visible = true
    if (this._timer) clearTimeout(this._timer)
    this._timer = setTimeout(() => this.hide(), request.seconds * 1000)
  }

  hide(): void {
    if (this._timer) clearTimeout(this._timer)
    this._timer = undefined
    const request = this._request
    this._request = undefined
    this.visible = false
    request?.onHidden()
  }

  /** Voice guidance: what the notice says, then the focused button. */
  announce(): Speech {
    return this._request ? [this._request.heading, this._request.message] : undefined
  }

  override _getFocused(): Lightning.Component {
    return this.Buttons
  }

  /** Back dismisses it. */
  override _handleBack(): void {
    this.hide()
  }

  override _detach(): void {
    if (this._timer) clearTimeout(this._timer)
  }
}
