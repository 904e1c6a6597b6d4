import { Lightning } from '@lightningjs/sdk'
import { COLORS, FONT, SAFE, TYPE } from '../theme'
import { phrase, t } from '../i18n'
import type { Announcing, Speech } from './voice'
import { visibleTexts, type TextualElement } from './visibleTexts'

interface WindowListTemplateSpec extends Lightning.Component.TemplateSpec {
  Rows: object
  Position: object
}

/** A row of the list: a component that draws the model it is given. */
export type WindowRow<M> = Lightning.Component & { model: M | undefined }

/**
 * A vertical list of rows of one height of which only those on screen exist as Lightning
 * elements, whatever the number of models (a product with every channel, a long recording
 * history). Up from the first row and Down from the last are not consumed, so they travel to
 * the page. When `idOf` names the models, the focus stays on the same one when the list
 * changes under it, and stays at the same place when that one went away.
 *
 * Subclasses say which row draws a model (`rowType`) and its height.
 */
export class WindowList<M>
  extends Lightning.Component<WindowListTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<WindowListTemplateSpec>
{
  readonly Rows = this.getByRef('Rows')!
  readonly Position = this.getByRef('Position')!
  /** How many rows fit on screen. */
  visibleRows = 5
  /** Told the focused model on OK; without it OK travels to the page. */
  onSelect: ((model: M) => void) | undefined
  protected rowType: Lightning.Component.Constructor<WindowRow<M>> | undefined
  protected rowHeight = 100
  protected idOf: ((model: M) => string) | undefined
  private _models: readonly M[] = []
  private _index = 0
  private _top = 0

  static override _template(): Lightning.Component.Template<WindowListTemplateSpec> {
    return {
      Rows: {},
      Position: {
        x: SAFE.w,
        mountX: 1,
        text: { text: '', fontFace: FONT.regular, fontSize: TYPE.caption, textColor: COLORS.textMuted },
      },
    }
  }

  get rows(): readonly M[] {
    return this._models
  }
  set rows(models: readonly M[]) {
    const before = this._models[this._index]
    const focusedId = before === undefined || !this.idOf ? undefined : this.idOf(before)
    this._models = models
    const idOf = this.idOf
    const kept = focusedId === undefined || !idOf ? -1 : models.findIndex((m) => idOf(m) === focusedId)
    this._index = kept >= 0 ? kept : Math.min(this._index, Math.max(0, models.length - 1))
    this._render()
  }

  get index(): number {
    return this._index
  }
  set index(value: number) {
    this._index = Math.max(0, Math.min(value, this._models.length - 1))
    this._render()
  }

  get selected(): M | undefined {
    return this._models[this._index]
  }

  private _render(): void {
    const focusedBefore = this._getFocused() as WindowRow<M> | undefined
    const modelBefore = focusedBefore?.model
    this._draw()
    // Scrolling re-points the rows on screen: the focused element may stay while its item
    // changes, which Lightning does not see as a focus change; voice guidance is told here.
    const focused = this._getFocused() as (WindowRow<M> & Announcing) | undefined
    if (focused && focused === focusedBefore && focused.model !== modelBefore && this.hasFocus()) {
      const words = focused.announce ? focused.announce() : visibleTexts(focused as unknown as TextualElement)
      this.fireAncestors('$voiceUpdate', [words, this.announceContext()], focused.announceDetail?.())
    }
  }

  private _draw(): void {
    const n = this.visibleRows
    if (this._index < this._top) this._top = this._index
    if (this._index >= this._top + n) this._top = this._index - n + 1
    this._top = Math.max(0, Math.min(this._top, Math.max(0, this._models.length - n)))
    const slice = this._models.slice(this._top, this._top + n)
    const children = this.Rows.children as WindowRow<M>[]
    if (children.length !== slice.length) {
      const type = this.rowType
      this.Rows.children = type ? slice.map((model, i) => ({ type, y: i * this.rowHeight, model })) : []
    } else {
      slice.forEach((model, i) => {
        const row = children[i]
        if (row && row.model !== model) row.model = model
      })
    }
    this.Position.patch({
      y: n * this.rowHeight + 4,
      text: {
        text:
          this._models.length > n
            ? t('list.position', { index: this._index + 1, count: this._models.length })
            : '',
      },
    })
    this._refocus()
  }

  /** Voice guidance: after the focused row's own words, where it is in the list ("3 of 40"). */
  announceContext(): Speech {
    return this._models.length > 1
      ? phrase('list.position', { index: this._index + 1, count: this._models.length })
      : undefined
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.Rows.children[this._index - this._top] as Lightning.Component | undefined
  }

  override _handleUp(): boolean | void {
    if (this._index === 0) return false
    this.index = this._index - 1
  }

  override _handleDown(): boolean | void {
    if (this._index >= this._models.length - 1) return false
    this.index = this._index + 1
  }

  override _handleEnter(): boolean | void {
    const model = this.selected
    if (model === undefined || !this.onSelect) return false
    this.onSelect(model)
  }
}
