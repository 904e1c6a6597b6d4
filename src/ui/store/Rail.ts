import { Lightning } from '@lightningjs/sdk'
import type { Tile } from '../../state/store/storeView'
import { COLORS, FONT, SAFE, SPACE, TYPE } from '../theme'
import { FOCUS_LOOK, StoreTile, TILE } from './Tile'
import { phrase, type Phrase } from '../i18n'

/** Where the tiles start under the rail's title. */
export const TILES_Y = 66
/** Clear space between a zoomed, outlined tile and the next rail's title. */
export const RAIL_GAP = 16
/** A rail: title, tiles, and room for the focused tile's zoom and outline above the next rail. */
export const RAIL_HEIGHT = Math.ceil(
  TILES_Y + TILE.h + (TILE.h * (FOCUS_LOOK.scale - 1)) / 2 + FOCUS_LOOK.outline + RAIL_GAP,
)

interface RailTemplateSpec extends Lightning.Component.TemplateSpec {
  Title: object
  Empty: object
  Tiles: object
}

const GAP = SPACE.l

/**
 * A titled row of tiles. Left/Right move and scroll it so the focused tile stays on screen;
 * keys at either end are not consumed (Left at the start reaches the page, which opens the
 * menu). The focus stays on the same tile (by key) when the rail's tiles change.
 */
export class Rail
  extends Lightning.Component<RailTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<RailTemplateSpec>
{
  readonly Title = this.getByRef('Title')!
  readonly Empty = this.getByRef('Empty')!
  readonly Tiles = this.getByRef('Tiles')!
  onSelect: (tile: Tile) => void = () => undefined
  private _tiles: readonly Tile[] = []
  private _index = 0

  static override _template(): Lightning.Component.Template<RailTemplateSpec> {
    return {
      h: RAIL_HEIGHT,
      Title: {
        text: { text: '', fontFace: FONT.semibold, fontSize: TYPE.heading - 4, textColor: COLORS.text },
      },
      Empty: {
        y: 70,
        text: { text: '', fontFace: FONT.regular, fontSize: TYPE.body, textColor: COLORS.textMuted },
      },
      Tiles: { y: TILES_Y },
    }
  }

  set title(value: string) {
    this.Title.patch({ text: { text: value } })
  }

  /** Voice guidance: the rail's name as the focus comes into it, then the tile; "2 of 5" after. */
  announce(): string {
    return this.Title.text?.text ?? ''
  }

  announceContext(): Phrase | undefined {
    return this._tiles.length > 1
      ? phrase('list.position', { index: this._index + 1, count: this._tiles.length })
      : undefined
  }

  set emptyText(value: string) {
    this.Empty.patch({ text: { text: value } })
  }

  get tiles(): readonly Tile[] {
    return this._tiles
  }
  set tiles(tiles: readonly Tile[]) {
    const focusedKey = this._tiles[this._index]?.key
    const same = tiles.length === this._tiles.length && tiles.every((x, i) => x.key === this._tiles[i]?.key)
    this._tiles = tiles
    const kept = focusedKey === undefined ? -1 : tiles.findIndex((x) => x.key === focusedKey)
    this._index = kept >= 0 ? kept : Math.min(this._index, Math.max(0, tiles.length - 1))
    if (same) {
      tiles.forEach((model, i) => {
        const tile = this.Tiles.children[i] as StoreTile | undefined
        if (tile) tile.model = model
      })
    } else {
      this.Tiles.children = tiles.map((model, i) => ({ type: StoreTile, x: i * (TILE.w + GAP), model }))
    }
    this.Empty.visible = tiles.length === 0
    this._scroll()
    this._refocus()
  }

  get isEmpty(): boolean {
    return this._tiles.length === 0
  }

  get selected(): Tile | undefined {
    return this._tiles[this._index]
  }

  private _scroll(): void {
    const perScreen = Math.floor((SAFE.w + GAP) / (TILE.w + GAP))
    const first = Math.max(0, Math.min(this._index - perScreen + 2, this._tiles.length - perScreen))
    this.Tiles.setSmooth('x', -Math.max(0, first) * (TILE.w + GAP), { duration: 0.2 })
  }

  override _getFocused(): Lightning.Component | undefined {
    return this.Tiles.children[this._index] as Lightning.Component | undefined
  }

  override _handleLeft(): boolean | void {
    if (this._index === 0) return false
    this._index -= 1
    this._scroll()
    this._refocus()
  }

  override _handleRight(): boolean | void {
    if (this._index >= this._tiles.length - 1) return false
    this._index += 1
    this._scroll()
    this._refocus()
  }

  override _handleEnter(): void {
    const tile = this.selected
    if (tile) this.onSelect(tile)
  }
}
