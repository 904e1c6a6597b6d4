import { Lightning } from '@lightningjs/sdk'
import { COLORS, FONT, RADIUS, SAFE, TYPE } from '../theme'
import { say, t } from '../i18n'
import type { Speech } from '../components/voice'
import { GUIDE } from './layout'
import { GENRE_LEGEND, movePicker, pickerSpeech, type PickerModel } from './pickerModel'
import type { ChannelList } from '../../domain/channelLists'

interface ListPickerTemplateSpec extends Lightning.Component.TemplateSpec {
  Title: object
  Focus: object
  Items: object
  Help: object
  Legend: object
}

const W = 1100
const H = 1080 - SAFE.y - GUIDE.infoY
const LIST_W = 560
const ITEM_H = 56
const ITEMS_Y = 100
const LEGEND_X = LIST_W + 64
const SWATCH_W = 56
const WHITE = 0xffffffff
const VISIBLE = Math.floor((H - 72 - ITEMS_Y) / ITEM_H)

/**
 * The channel-list picker over the guide (Blue): All channels, Favourites, Recently watched and
 * one list per channel genre, the one shown ticked, and beside them the legend of the genre
 * colours on the programme cells. Up/Down choose, OK shows the list, Back or Blue close.
 */
export class ListPicker
  extends Lightning.Component<ListPickerTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<ListPickerTemplateSpec>
{
  readonly Title = this.getByRef('Title')!
  readonly FocusBar = this.getByRef('Focus')!
  readonly Items = this.getByRef('Items')!
  readonly Help = this.getByRef('Help')!
  readonly Legend = this.getByRef('Legend')!

  onChoose: (list: ChannelList) => void = () => undefined
  onClose: () => void = () => undefined
  /** The focused line changed: voice guidance says it. */
  onMove: (speech: Speech) => void = () => undefined
  private _model: PickerModel = { items: [], index: 0 }

  static override _template(): Lightning.Component.Template<ListPickerTemplateSpec> {
    return {
      x: GUIDE.x,
      y: GUIDE.infoY,
      w: W,
      h: H,
      rect: true,
      color: 0xff101522,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.m },
      Title: {
        x: 32,
        y: 24,
        text: { text: '', fontFace: FONT.bold, fontSize: TYPE.heading, textColor: COLORS.text },
      },
      Focus: { x: 16, y: ITEMS_Y, w: LIST_W - 16, h: ITEM_H - 6, rect: true, color: COLORS.focus },
      Items: { x: 32, y: ITEMS_Y },
      Help: {
        x: 32,
        y: H - 56,
        text: { text: '', fontFace: FONT.regular, fontSize: 24, textColor: COLORS.textDim },
      },
      Legend: { x: LEGEND_X, y: 24 },
    }
  }

  override _init(): void {
    this.Legend.childList.a({
      text: { text: '', fontFace: FONT.bold, fontSize: TYPE.body, textColor: COLORS.text },
    })
    GENRE_LEGEND.forEach((entry, i) => {
      const y = 76 + i * 52
      this.Legend.childList.a({ y: y + 14, w: SWATCH_W, h: 12, rect: true, color: entry.colour })
      this.Legend.childList.a({
        x: SWATCH_W + 20,
        y,
        text: { text: '', fontFace: FONT.semibold, fontSize: TYPE.caption, textColor: COLORS.text },
      })
    })
  }

  /** Opens on a model (listPicker.openPicker). */
  open(model: PickerModel): void {
    this._model = model
    this.Title.patch({ text: { text: t('guide.lists.title') } })
    this.Help.patch({ text: { text: t('guide.lists.help') } })
    const legend = this.Legend.children
    legend[0]?.patch({ text: { text: t('guide.lists.legend') } })
    GENRE_LEGEND.forEach((entry, i) => legend[2 + i * 2]?.patch({ text: { text: say(entry.name) } }))
    this.Items.childList.clear()
    model.items.forEach((item, i) => {
      const line = this.Items.childList.a({ y: i * ITEM_H + 8 })
      // The list shown is ticked: a mark as well as the focus colour.
      line.childList.a({
        visible: item.chosen,
        text: { text: '✓', fontFace: FONT.bold, fontSize: TYPE.body, textColor: WHITE },
      })
      line.childList.a({
        x: 36,
        text: {
          text: say(item.name),
          fontFace: FONT.semibold,
          fontSize: TYPE.body,
          textColor: WHITE,
          wordWrapWidth: LIST_W - 100,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      })
    })
    this._draw()
  }

  /** Voice guidance when the picker opens: its title and the focused line. */
  announce(): Speech {
    return [t('guide.lists.title'), pickerSpeech(this._model)]
  }

  override _handleUp(): void {
    this._move(-1)
  }
  override _handleDown(): void {
    this._move(1)
  }
  override _handleLeft(): void {
    // The picker keeps the focus: the grid behind does not scroll.
  }
  override _handleRight(): void {
    // As Left.
  }
  override _handleEnter(): void {
    const item = this._model.items[this._model.index]
    if (item) this.onChoose(item.list)
  }
  override _handleEnterRelease(): void {
    // OK acts on its press here; its release must not reach the grid behind.
  }
  override _handleBack(): void {
    this.onClose()
  }
  override _handleBlue(): void {
    this.onClose()
  }

  private _move(step: 1 | -1): void {
    const next = movePicker(this._model, step)
    if (next === this._model) return
    this._model = next
    this._draw()
    this.onMove(pickerSpeech(next))
  }

  /** A lineup with many genres scrolls: the focused line stays in the panel. */
  private _draw(): void {
    const { index, items } = this._model
    const first = Math.max(0, Math.min(index - Math.floor(VISIBLE / 2), items.length - VISIBLE))
    this.FocusBar.y = ITEMS_Y + (index - first) * ITEM_H
    this.Items.children.forEach((el, i) => {
      el.visible = i >= first && i < first + VISIBLE
      el.y = (i - first) * ITEM_H + 8
      for (const part of el.children) part.color = i === index ? COLORS.focusText : COLORS.text
    })
  }
}
