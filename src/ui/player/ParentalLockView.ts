import { Lightning } from '@lightningjs/sdk'
import { ButtonRow } from '../components/ButtonRow'
import { PinDialog } from '../components/PinDialog'
import { label } from '../components/Label'
import { say } from '../i18n'
import { COLORS, FONT, RADIUS, SPACE, TYPE } from '../theme'
import type { ParentalLockLook } from './parentalLockLooks'

interface ParentalLockViewTemplateSpec extends Lightning.Component.TemplateSpec {
  Box: { Accent: object; Title: object; Text: object; Actions: typeof ButtonRow }
  Pin: typeof PinDialog
}

const BOX_W = 1200
const BOX_H = 440

/**
 * The parental lock over the player: an opaque screen (no picture, and no stream is started
 * under it) with the channel, why it is locked and a button that asks for the PIN. OK opens
 * the PIN dialog; the channel keys, Back and the rest go on to the player page.
 */
export class ParentalLockView
  extends Lightning.Component<ParentalLockViewTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ParentalLockViewTemplateSpec>
{
  readonly Box = this.getByRef('Box')!
  readonly Title = this.Box.getByRef('Title')!
  readonly Text = this.Box.getByRef('Text')!
  readonly Actions = this.Box.getByRef('Actions')!
  readonly Pin = this.getByRef('Pin')!
  /** Told when the viewer asks to type the PIN. */
  onUnlock: () => void = () => undefined

  static override _template(): Lightning.Component.Template<ParentalLockViewTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      rect: true,
      color: 0xff0b0f1a,
      zIndex: 30,
      Box: {
        x: 960,
        y: 540,
        mount: 0.5,
        w: BOX_W,
        h: BOX_H,
        rect: true,
        color: COLORS.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.m },
        Accent: { x: 0, y: 0, w: 12, h: BOX_H, rect: true, color: COLORS.warning },
        Title: {
          x: SPACE.xl,
          y: SPACE.xl,
          ...label('', { font: FONT.bold, size: TYPE.heading, wordWrapWidth: BOX_W - 2 * SPACE.xl }),
        },
        Text: {
          x: SPACE.xl,
          y: SPACE.xl + 80,
          text: {
            text: '',
            fontFace: FONT.regular,
            fontSize: TYPE.body,
            lineHeight: TYPE.body + 14,
            textColor: COLORS.textDim,
            wordWrapWidth: BOX_W - 2 * SPACE.xl,
            maxLines: 4,
            textOverflow: 'ellipsis',
          },
        },
        Actions: { type: ButtonRow, x: SPACE.xl, y: BOX_H - SPACE.xl - 72 },
      },
      Pin: { type: PinDialog, visible: false },
    }
  }

  override _init(): void {
    this.Actions.onSelect = () => this.onUnlock()
  }

  show(look: ParentalLockLook): void {
    this.Title.patch({ text: { text: say(look.title) } })
    this.Text.patch({ text: { text: look.text.map(say).join('\n') } })
    this.Actions.items = [{ id: 'unlock', label: say(look.action) }]
    this.visible = true
  }

  hide(): void {
    this.Pin.close()
    this.visible = false
  }

  get title(): string {
    return this.Title.text?.text ?? ''
  }

  /** Voice guidance: the lock's title and why. */
  announce(): string[] {
    return [this.title, this.Text.text?.text ?? '']
  }

  override _getFocused(): Lightning.Component {
    return this.Pin.isOpen ? this.Pin : this.Actions
  }
}
