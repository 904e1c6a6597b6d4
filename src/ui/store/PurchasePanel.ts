import { Lightning } from '@lightningjs/sdk'
import { ButtonRow, type RowItem } from '../components/ButtonRow'
import { dialogFrame } from '../components/dialogFrame'
import { COLORS, SPACE } from '../theme'

export interface PanelAction {
  id: string
  label: string
  run: () => void
}

interface PurchasePanelTemplateSpec extends Lightning.Component.TemplateSpec {
  Dim: object
  Panel: { Accent: object; Title: object; Body: object; Track: { Bar: object }; Buttons: typeof ButtonRow }
}

const PANEL = { w: 1040, h: 480 } as const
export type PanelTone = 'progress' | 'success' | 'error'
const TONE: Record<PanelTone, number> = {
  progress: COLORS.accent,
  success: COLORS.success,
  error: COLORS.danger,
}

/**
 * Where a purchase stands, over the product page: progress while the order is sent and its
 * licence is PROCESSING (a moving bar), then the outcome (ACTIVE, or a clear ORDER_ERROR) with
 * what the viewer can do next. Back does the first action (close).
 */
export class PurchasePanel
  extends Lightning.Component<PurchasePanelTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<PurchasePanelTemplateSpec>
{
  readonly Panel = this.getByRef('Panel')!
  readonly Accent = this.Panel.getByRef('Accent')!
  readonly Title = this.Panel.getByRef('Title')!
  readonly Body = this.Panel.getByRef('Body')!
  readonly Track = this.Panel.getByRef('Track')!
  readonly Bar = this.Track.getByRef('Bar')!
  readonly Buttons = this.Panel.getByRef('Buttons')!
  private _actions: readonly PanelAction[] = []
  private _animation: Lightning.types.Animation | undefined

  static override _template(): Lightning.Component.Template<PurchasePanelTemplateSpec> {
    const frame = dialogFrame({
      ...PANEL,
      zIndex: 35,
      accent: COLORS.accent,
      bodyY: SPACE.xl + 70,
      bodyLines: 4,
    })
    return {
      ...frame,
      Panel: {
        ...frame.Panel,
        Track: {
          x: SPACE.xl,
          y: 300,
          w: PANEL.w - 2 * SPACE.xl,
          h: 10,
          rect: true,
          color: COLORS.surfaceRaised,
          clipping: true,
          Bar: { w: 240, h: 10, rect: true, color: COLORS.accent },
        },
        Buttons: { type: ButtonRow, x: SPACE.xl, y: PANEL.h - SPACE.xl - 72 },
      },
    }
  }

  get isOpen(): boolean {
    return this.visible
  }

  override _init(): void {
    this.Buttons.onSelect = (item: RowItem) => this._actions.find((a) => a.id === item.id)?.run()
    this._animation = this.Bar.animation({
      duration: 1.6,
      repeat: -1,
      actions: [{ p: 'x', v: { 0: -240, 1: PANEL.w - 2 * SPACE.xl } }],
    })
  }

  show(tone: PanelTone, title: string, body: string, actions: readonly PanelAction[]): void {
    this.Accent.color = TONE[tone]
    this.Title.patch({ text: { text: title } })
    this.Body.patch({ text: { text: body } })
    this.Track.visible = tone === 'progress'
    if (tone === 'progress') this._animation?.start()
    else this._animation?.stop()
    const sameActions =
      actions.length === this._actions.length && actions.every((a, i) => a.id === this._actions[i]?.id)
    this._actions = actions
    if (!sameActions) {
      this.Buttons.items = actions.map((a) => ({ id: a.id, label: a.label }))
      this.Buttons.index = 0
    }
    this.Buttons.visible = actions.length > 0
    this.visible = true
  }

  hide(): void {
    this._animation?.stop()
    this.visible = false
  }

  override _getFocused(): Lightning.Component {
    return this.Buttons
  }

  override _handleBack(): boolean {
    this._actions[0]?.run()
    return true
  }

  override _handleKey(): boolean {
    return true
  }
}
