import { Lightning, Utils } from '@lightningjs/sdk'
import type { Channel } from '../../domain/channels'
import { cellBox, type Slot } from '../../domain/guideGrid'
import type { Programme, ProgrammeFlag } from '../../domain/guide'
import type { RecordingMark } from '../../domain/guideActions'
import { COLORS, FONT } from '../theme'
import { textWidth } from '../text/measure'
import { slotTitle } from './cellTitle'
import { cellFlag, FLAG_COLOUR, genreColour } from './cellMarks'
import { GEOMETRY, GUIDE, HEADER, TIME_X } from './layout'

/** What the row shows besides its slots: the channel and what the viewer may do with it. */
export interface RowLook {
  channel: Channel
  locked: boolean
  /** The second line of the channel column: capability names, or "Locked". */
  badges: string
  /** Texts of slots that are not programmes (translated once by the grid). */
  gapText: string
  loadingText: string
  failedText: string
  failed: boolean
  recordingText: string
  mark: (programmeId: string) => RecordingMark
  /** The parental lock: "Locked programme" stands in for the title of what it hides. */
  lockedProgrammeText?: string
  isLocked?: (programme: Programme) => boolean
  /** A favourite channel shows a heart after its name. */
  favourite: boolean
  /** NEW / LIVE / PREMIERE in the interface language. */
  flagText: (flag: ProgrammeFlag) => string
  reminded?: (programmeId: string) => boolean
}

/** The reminder dot: a small disc at the cell's bottom right, in the focus colour. */
const REMIND_D = 14

const PAD = 16
export const MARK_W = 64
/** The genre bar along a cell's foot: 6 px on the 1080 stage, 4 on a 720p panel, seen from 3 m. */
export const GENRE_BAR_H = 6
const HEART_W = 28
const FLAG_PAD = 8
const WHITE = 0xffffffff

/** Being recorded: white on the live red; scheduled: red on dark, the same word. */
export const markColors = (mark: RecordingMark): { color: number; textColor: number } =>
  mark === 'recording'
    ? { color: COLORS.live, textColor: WHITE }
    : { color: 0xff3a1216, textColor: COLORS.live }
const COLOR = {
  past: 0xff111623,
  onAir: COLORS.surfaceRaised,
  future: COLORS.surface,
  gap: 0x80161c2c,
  loading: 0xff141a29,
} as const

/** One pooled cell: its elements and what they show, so that only what changes is patched. */
interface Cell {
  el: Lightning.Element
  title: Lightning.Element
  mark: Lightning.Element
  markText: Lightning.Element
  bar: Lightning.Element
  /** Made the first time the cell shows a flag (few programmes have one). */
  flag: { box: Lightning.Element; text: Lightning.Element } | undefined
  barColour: number | undefined
  flagShown: string
  flagW: number
  text: string
  x: number
  w: number
  color: number
  tint: number
  markShown: RecordingMark
  shown: boolean
  remind: Lightning.Element
}

// Right-to-left titles are aligned right by the text rules (ui/text/bidiCanvas), which swap
// Lightning's left and right for them.
const titleText = (text: string, width: number): Lightning.textures.TextTexture.Settings => ({
  text,
  fontFace: FONT.semibold,
  fontSize: 26,
  textColor: WHITE,
  wordWrapWidth: Math.max(1, width),
  maxLines: 1,
  textOverflow: 'ellipsis',
})

const flagOf = (cell: Cell): { box: Lightning.Element; text: Lightning.Element } => {
  if (cell.flag) return cell.flag
  const box = cell.el.childList.a({ y: 6, h: 30, rect: true, visible: false })
  const text = box.childList.a({
    x: FLAG_PAD,
    y: 15,
    mountY: 0.5,
    text: { text: '', fontFace: FONT.bold, fontSize: HEADER.markSize, textColor: WHITE },
  })
  cell.flag = { box, text }
  return cell.flag
}

/**
 * One channel row of the guide: the channel column (number, logo, name, capability badges) and
 * a pool of cell elements that grows to the most programmes a row has shown and is reused for
 * whatever channel and time the row shows next. Nothing is created or destroyed on a move.
 */
export class GuideRow {
  readonly el: Lightning.Element
  private readonly header: Lightning.Element
  private readonly number: Lightning.Element
  private readonly logo: Lightning.Element
  private readonly name: Lightning.Element
  private readonly badges: Lightning.Element
  private readonly lock: Lightning.Element
  private readonly heart: Lightning.Element
  private readonly cells: Lightning.Element
  private readonly pool: Cell[] = []
  /** The slots on screen, for navigation. */
  slots: Slot<Programme>[] = []
  /** The channel index shown, -1 for none; and the key of what was drawn, to skip redraws. */
  index = -1
  drawnKey = ''
  private shown = { number: '', logo: '', name: '', badges: '', locked: false, favourite: false }

  constructor(parent: Lightning.Element, y: number) {
    this.el = parent.childList.a({ x: 0, y, w: 1920, h: GUIDE.rowH })
    this.header = this.el.childList.a({
      x: GUIDE.x,
      w: GUIDE.channelW,
      h: GUIDE.cellH,
      rect: true,
      color: COLORS.surface,
    })
    this.number = this.header.childList.a({
      x: HEADER.numberX,
      y: 20,
      // Four digits (a 1,000-channel lineup) still end before the logo.
      text: { text: '', fontFace: FONT.bold, fontSize: HEADER.numberSize, textColor: COLORS.text },
    })
    this.logo = this.header.childList.a({
      x: HEADER.logoX,
      y: HEADER.logoY,
      w: HEADER.logoW,
      h: HEADER.logoH,
    })
    this.name = this.header.childList.a({
      x: HEADER.nameX,
      y: 4,
      text: {
        text: '',
        fontFace: FONT.semibold,
        fontSize: 26,
        textColor: COLORS.text,
        wordWrapWidth: HEADER.nameW,
        maxLines: 1,
        textOverflow: 'ellipsis',
      },
    })
    // A favourite channel: a heart at the end of the name line, a shape as well as a colour.
    this.heart = this.header.childList.a({
      x: GUIDE.channelW - HEART_W - 8,
      y: 9,
      w: HEART_W,
      h: 26,
      // Lightning takes only a .png to have transparency: told, the heart's corners stay clear.
      texture: {
        type: Lightning.textures.ImageTexture,
        src: Utils.asset('images/heart.svg') as string,
        hasAlpha: true,
      },
      color: COLORS.live,
      visible: false,
    })
    // A locked channel shows a padlock before its "Locked": a shape, not a colour only.
    this.lock = this.header.childList.a({
      x: HEADER.badgeX,
      y: 43,
      w: HEADER.lockW,
      h: 26,
      texture: {
        type: Lightning.textures.ImageTexture,
        src: Utils.asset('images/padlock.svg') as string,
        hasAlpha: true,
      },
      color: COLORS.warning,
      visible: false,
    })
    this.badges = this.header.childList.a({
      x: HEADER.badgeX,
      y: 40,
      text: {
        text: '',
        fontFace: FONT.semibold,
        fontSize: HEADER.badgeSize,
        textColor: WHITE,
        wordWrapWidth: HEADER.badgeW,
        maxLines: 1,
        textOverflow: 'ellipsis',
      },
    })
    this.cells = this.el.childList.a({ x: TIME_X, y: 0 })
  }

  /** The row as a whole: hidden when the lineup is shorter than the screen. */
  set visible(on: boolean) {
    this.el.visible = on
  }

  /** Fills the row; the cells are patched in place, texts only when they changed. */
  draw(look: RowLook, slots: Slot<Programme>[], viewStart: number, now: number): void {
    this.slots = slots
    this.drawHeader(look)
    let used = 0
    for (const slot of slots) {
      const box = cellBox(slot.start, slot.end, viewStart, GEOMETRY)
      if (box === null) continue
      const cell = this.cellAt(used++)
      this.drawCell(cell, slot, box.x, box.w, look, now)
    }
    for (let i = used; i < this.pool.length; i++) {
      const cell = this.pool[i] as Cell
      if (cell.shown) {
        cell.el.visible = false
        cell.shown = false
      }
    }
  }

  /** Elements alive in this row (the bench counts them). */
  get elementCount(): number {
    return 8 + this.pool.reduce((n, cell) => n + (cell.flag ? 7 : 5), 0)
  }

  private drawHeader(look: RowLook): void {
    const s = this.shown
    const number = String(look.channel.number)
    if (s.number !== number) this.number.patch({ text: { text: (s.number = number) } })
    if (s.logo !== look.channel.logo) this.logo.patch({ src: (s.logo = look.channel.logo) })
    if (s.name !== look.channel.name) this.name.patch({ text: { text: (s.name = look.channel.name) } })
    if (s.badges !== look.badges) this.badges.patch({ text: { text: (s.badges = look.badges) } })
    if (s.favourite !== look.favourite) {
      s.favourite = look.favourite
      this.heart.visible = look.favourite
      this.name.patch({ text: { wordWrapWidth: HEADER.nameW - (look.favourite ? HEART_W + 8 : 0) } })
    }
    if (s.locked !== look.locked || this.badges.color === WHITE) {
      s.locked = look.locked
      this.badges.color = look.locked ? COLORS.warning : COLORS.textDim
      this.lock.visible = look.locked
      this.badges.x = look.locked ? HEADER.badgeX + HEADER.lockW + 8 : HEADER.badgeX
      this.badges.patch({ text: { wordWrapWidth: HEADER.badgeW - (look.locked ? HEADER.lockW + 8 : 0) } })
      this.logo.alpha = look.locked ? 0.45 : 1
      this.cells.alpha = look.locked ? 0.55 : 1
    }
  }

  private cellAt(i: number): Cell {
    let cell = this.pool[i]
    if (cell) return cell
    const el = this.cells.childList.a({ h: GUIDE.cellH, rect: true, color: COLOR.future, visible: false })
    const title = el.childList.a({ x: PAD, y: 21, text: titleText('', 1) })
    const mark = el.childList.a({
      y: 6,
      w: MARK_W - 8,
      h: 30,
      rect: true,
      color: COLORS.live,
      visible: false,
    })
    const markText = mark.childList.a({
      x: (MARK_W - 8) / 2,
      y: 15,
      mount: 0.5,
      text: { text: '', fontFace: FONT.bold, fontSize: HEADER.markSize, textColor: WHITE },
    })
    const bar = el.childList.a({ y: GUIDE.cellH - GENRE_BAR_H, h: GENRE_BAR_H, rect: true, visible: false })
    const remind = el.childList.a({
      y: GUIDE.cellH - REMIND_D - 8,
      w: REMIND_D,
      h: REMIND_D,
      rect: true,
      color: COLORS.focus,
      shader: { type: Lightning.shaders.RoundedRectangle, radius: REMIND_D / 2 },
      visible: false,
    })
    cell = {
      el,
      title,
      remind,
      mark,
      markText,
      bar,
      flag: undefined,
      barColour: undefined,
      flagShown: '',
      flagW: 0,
      text: '',
      x: -1,
      w: -1,
      color: COLOR.future,
      tint: WHITE,
      markShown: 'none',
      shown: false,
    }
    this.pool.push(cell)
    return cell
  }

  private drawCell(
    cell: Cell,
    slot: Slot<Programme>,
    x: number,
    w: number,
    look: RowLook,
    now: number,
  ): void {
    const cellX = Math.round(x) + 2
    const cellW = Math.max(4, Math.round(w) - 4)
    let text: string
    let color: number
    let tint: number = COLORS.text
    let mark: RecordingMark = 'none'
    const titled = slot.kind === 'programme' ? slotTitle(slot, look) : undefined
    if (slot.kind === 'programme' && titled?.untitled === true) {
      // Nothing to call it by: it reads and looks like a hole in the guide.
      text = titled.text
      mark = look.mark(slot.programme.id)
      color = COLOR.gap
      tint = COLORS.textMuted
    } else if (slot.kind === 'programme') {
      text = titled?.text ?? slot.programme.title
      mark = look.mark(slot.programme.id)
      if (slot.end <= now) {
        color = COLOR.past
        tint = COLORS.textDim
      } else color = slot.start <= now ? COLOR.onAir : COLOR.future
    } else if (slot.kind === 'loading') {
      text = look.loadingText
      color = COLOR.loading
      tint = COLORS.textMuted
    } else {
      text = look.failed ? look.failedText : look.gapText
      color = COLOR.gap
      tint = COLORS.textMuted
    }
    const reminded = slot.kind === 'programme' && (look.reminded?.(slot.programme.id) ?? false)
    const remindFits = reminded && cellW >= REMIND_D + 16
    if (cell.remind.visible !== remindFits) cell.remind.visible = remindFits
    if (remindFits && cell.remind.x !== cellW - REMIND_D - 8) cell.remind.x = cellW - REMIND_D - 8
    const showMark = mark === 'scheduled' || mark === 'recording'
    // A cell narrower than the mark (a short programme, or one cut by the grid's edge) hides it;
    // decided on every layout, as a pooled cell changes width as the grid scrolls.
    const markFits = showMark && cellW >= MARK_W + 8
    const programme = slot.kind === 'programme' && titled?.untitled !== true ? slot.programme : undefined
    const flag = programme ? cellFlag(programme) : undefined
    const flagLabel = flag ? look.flagText(flag) : ''
    const flagW = flag ? Math.ceil(textWidth(flagLabel, FONT.bold, HEADER.markSize)) + 2 * FLAG_PAD : 0
    // The flag keeps room for a word of the title, or stays out.
    const flagFits = flag !== undefined && cellW - (markFits ? MARK_W : 0) - flagW - 8 >= 2 * PAD + 48
    const textW = cellW - 2 * PAD - (markFits ? MARK_W : 0) - (flagFits ? flagW + 8 : 0)
    if (!cell.shown) {
      cell.el.visible = true
      cell.shown = true
    }
    if (cell.x !== cellX) cell.el.x = cell.x = cellX
    if (cell.w !== cellW || cell.text !== text || cell.markShown !== mark || cell.mark.visible !== markFits) {
      cell.el.w = cellW
      cell.w = cellW
      cell.text = text
      // A cell too narrow for a word shows no text rather than a lone ellipsis.
      cell.title.visible = textW >= 24
      if (textW >= 24) cell.title.patch({ text: titleText(text, textW) })
    }
    if (cell.color !== color) cell.el.color = cell.color = color
    if (cell.tint !== tint) cell.title.color = cell.tint = tint
    if (cell.mark.visible !== markFits) cell.mark.visible = markFits
    if (cell.markShown !== mark) {
      cell.markShown = mark
      if (showMark) {
        cell.mark.x = cellW - MARK_W
        const colors = markColors(mark)
        cell.mark.color = colors.color
        cell.markText.color = colors.textColor
        if (cell.markText.text?.text !== look.recordingText)
          cell.markText.patch({ text: { text: look.recordingText } })
      }
    } else if (showMark && cell.mark.x !== cellW - MARK_W) cell.mark.x = cellW - MARK_W
    this.drawMarks(cell, programme, cellW, flagFits ? flag : undefined, flagLabel, flagW, markFits)
  }

  /** The genre bar along the foot and the NEW / LIVE / PREMIERE flag left of the REC mark. */
  private drawMarks(
    cell: Cell,
    programme: Programme | undefined,
    cellW: number,
    flag: ProgrammeFlag | undefined,
    label: string,
    flagW: number,
    markShown: boolean,
  ): void {
    const colour = programme ? genreColour(programme) : undefined
    if (cell.barColour !== colour) {
      cell.barColour = colour
      cell.bar.visible = colour !== undefined
      if (colour !== undefined) cell.bar.color = colour
    }
    if (colour !== undefined && cell.bar.w !== cellW) cell.bar.w = cellW
    const shownKey = flag === undefined ? '' : `${flag}|${label}`
    if (cell.flagShown !== shownKey) {
      cell.flagShown = shownKey
      if (flag !== undefined) {
        const box = flagOf(cell)
        box.box.color = FLAG_COLOUR[flag]
        box.text.patch({ text: { text: label } })
      }
      if (cell.flag) cell.flag.box.visible = flag !== undefined
    }
    if (flag === undefined || !cell.flag) return
    const x = cellW - flagW - (markShown ? MARK_W : 8)
    if (cell.flag.box.x !== x) cell.flag.box.x = x
    if (cell.flagW !== flagW) cell.flag.box.w = cell.flagW = flagW
  }
}
