import { Lightning } from '@lightningjs/sdk'
import { Button } from '../components/Button'
import { COLORS, FONT, RADIUS, SPACE, TYPE } from '../theme'

export interface MenuAction {
  id: string
  label: string
}

interface ActionMenuTemplateSpec extends Lightning.Component.TemplateSpec {
  Dim: object
  Panel: { Title: object; Items: object }
}

const PANEL_W = 620
const ITEM_H = 72

/**
 * What can be done with the focused recording, opened with OK: a panel on the right with one
 * button per action that the recording's state allows. Up/Down move, OK runs, Back closes.
 */
export class ActionMenu
  extends Lightning.Component<ActionMenuTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ActionMenuTemplateSpec>
{
  readonly Panel = this.getByRef('Panel')!
  readonly Title = this.Panel.getByRef('Title')!
  readonly Items = this.Panel.getByRef('Items')!
  onSelect: (id: string) => void = () => undefined
  onClose: () => void = () => undefined
  private _actions: readonly MenuAction[] = []
  private _index = 0

  static override _template(): Lightning.Component.Template<ActionMenuTemplateSpec> {
    return {
      zIndex: 25,
      w: 1920,
      h: 1080,
      visible: false,
      Dim: { rect: true, w: 1920, h: 1080, color: 0x99000000 },
      Panel: {
        x: 1920 - PANEL_W,
        w: PANEL_W,
        h: 1080,
        rect: true,
        color: COLORS.surface,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: [RADIUS.m, 0, 0, RADIUS.m] },
        Title: {
          x: SPACE.xl,
          y: 200,
          text: {
            text: '',
            fontFace: FONT.bold,
            fontSize: TYPE.heading,
            textColor: COLORS.text,
            wordWrapWidth: PANEL_W - 2 * SPACE.xl,
            maxLines: 2,
            textOverflow: 'ellipsis',
          },
        },
        Items: { x: SPACE.xl, y: 340 },
      },
    }
  }

  get isOpen(): boolean {
    return this.visible
  }

  open(title: string, actions: readonly MenuAction[]): void {
    this._actions = actions
    this._index = 0
    this.Title.patch({ text: { text: title } })
    this.Items.children = actions.map((a, i) => ({
      type: Button,
      y: i * (ITEM_H + SPACE.s),
      label: a.label,
      minWidth: PANEL_W - 2 * SPACE.xl,
    }))
    this.visible = true
    this._refocus()
  }

  close(): void {
    this.visible = false
  }

  /** Voice guidance: the recording the actions are for, as the menu opens (the focused action follows). */
  announce(): string {
    return this.Title.text?.text ?? ''
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.Items.children[this._index] as Lightning.Component | undefined
  }

  override _handleUp(): void {
    this._index = Math.max(0, this._index - 1)
    this._refocus()
  }

  override _handleDown(): void {
    this._index = Math.min(this._actions.length - 1, this._index + 1)
    this._refocus()
  }

  override _handleEnter(): void {
    const action = this._actions[this._index]
    if (action) this.onSelect(action.id)
  }

  override _handleBack(): void {
    this.onClose()
  }

  // The page underneath must not move while the menu is open.
  override _handleKey(): boolean {
    return true
  }
}
