import { Lightning } from '@lightningjs/sdk'
import { COLORS, FONT, RADIUS, SAFE, SPACE, TYPE } from '../theme'
import type { OsdModel } from './osdModel'

interface OsdTemplateSpec extends Lightning.Component.TemplateSpec {
  Panel: {
    Channel: object
    Badge: { Label: object }
    Title: object
    Times: object
    Bar: { Reach: object; Played: object; Edge: object; Head: object }
    Position: object
    Progress: object
    Next: object
    NextTime: object
  }
  Clock: { Time: object }
}

const BAR_W = SAFE.w - 2 * SPACE.l
const PANEL_H = 350
/** The clock's box above the panel's right end. */
const CLOCK_H = 64
/** Where the OSD starts on the stage, its clock included: what shows with it stays above. */
export const OSD_TOP = 1080 - SAFE.y - PANEL_H - SPACE.s - CLOCK_H
/** The line under the bar: how far in and what comes next. */
const FOOT_Y = 282

/**
 * The on-screen display over the video: channel, programme, its times, a progress bar with the
 * stream's reach (the live edge) and the viewer's position, how far in and how much is left,
 * the next programme and the clock. It never takes the focus; the page shows it on a key press
 * and hides it after a few seconds.
 */
export class Osd
  extends Lightning.Component<OsdTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<OsdTemplateSpec>
{
  readonly Panel = this.getByRef('Panel')!
  readonly Channel = this.Panel.getByRef('Channel')!
  readonly Badge = this.Panel.getByRef('Badge')!
  readonly BadgeLabel = this.Badge.getByRef('Label')!
  readonly Title = this.Panel.getByRef('Title')!
  readonly Times = this.Panel.getByRef('Times')!
  readonly Bar = this.Panel.getByRef('Bar')!
  readonly Reach = this.Bar.getByRef('Reach')!
  readonly Played = this.Bar.getByRef('Played')!
  readonly Edge = this.Bar.getByRef('Edge')!
  readonly Head = this.Bar.getByRef('Head')!
  readonly Position = this.Panel.getByRef('Position')!
  readonly Progress = this.Panel.getByRef('Progress')!
  readonly Next = this.Panel.getByRef('Next')!
  readonly NextTime = this.Panel.getByRef('NextTime')!
  readonly Clock = this.getByRef('Clock')!
  readonly ClockTime = this.Clock.getByRef('Time')!
  private _model: OsdModel | undefined

  static override _template(): Lightning.Component.Template<OsdTemplateSpec> {
    return {
      x: SAFE.x,
      y: 1080 - SAFE.y - PANEL_H,
      Panel: {
        w: SAFE.w,
        h: PANEL_H,
        rect: true,
        color: 0xe60b0f19,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.m },
        Channel: {
          x: SPACE.l,
          y: SPACE.l,
          text: { text: '', fontFace: FONT.semibold, fontSize: TYPE.body, textColor: COLORS.textDim },
        },
        Badge: {
          x: SAFE.w - SPACE.l,
          y: SPACE.l - 4,
          mountX: 1,
          h: 44,
          rect: true,
          color: COLORS.surfaceRaised,
          shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.s },
          Label: {
            x: SPACE.m,
            y: 24,
            mountY: 0.5,
            text: { text: '', fontFace: FONT.bold, fontSize: TYPE.caption, textColor: COLORS.text },
          },
        },
        Title: {
          x: SPACE.l,
          y: SPACE.l + 46,
          text: {
            text: '',
            fontFace: FONT.bold,
            fontSize: TYPE.heading,
            textColor: COLORS.text,
            wordWrapWidth: SAFE.w - 2 * SPACE.l - 360,
            maxLines: 1,
            textOverflow: 'ellipsis',
          },
        },
        Times: {
          x: SAFE.w - SPACE.l,
          y: SPACE.l + 54,
          mountX: 1,
          text: { text: '', fontFace: FONT.regular, fontSize: TYPE.body, textColor: COLORS.textDim },
        },
        Bar: {
          x: SPACE.l,
          y: 190,
          w: BAR_W,
          h: 12,
          rect: true,
          color: 0x40ffffff,
          Reach: { h: 12, w: 0, rect: true, color: 0x80ffffff },
          Played: { h: 12, w: 0, rect: true, color: COLORS.focus },
          Edge: { y: -10, w: 6, h: 32, mountX: 0.5, rect: true, color: COLORS.live },
          Head: {
            y: 6,
            mountX: 0.5,
            mountY: 0.5,
            w: 28,
            h: 28,
            rect: true,
            color: COLORS.text,
            shader: { type: Lightning.shaders.RoundedRectangle, radius: 14 },
          },
        },
        Position: {
          x: SPACE.l,
          y: 222,
          text: { text: '', fontFace: FONT.semibold, fontSize: TYPE.caption, textColor: COLORS.text },
        },
        Progress: {
          x: SPACE.l,
          y: FOOT_Y,
          text: { text: '', fontFace: FONT.regular, fontSize: TYPE.caption, textColor: COLORS.textDim },
        },
        Next: {
          x: SAFE.w - SPACE.l - 110,
          y: FOOT_Y,
          mountX: 1,
          text: {
            text: '',
            fontFace: FONT.semibold,
            fontSize: TYPE.caption,
            textColor: COLORS.text,
            wordWrapWidth: SAFE.w / 2 - SPACE.l - 110,
            maxLines: 1,
            textOverflow: 'ellipsis',
          },
        },
        NextTime: {
          x: SAFE.w - SPACE.l,
          y: FOOT_Y,
          mountX: 1,
          text: { text: '', fontFace: FONT.regular, fontSize: TYPE.caption, textColor: COLORS.textDim },
        },
      },
      // The time of day, above the panel's right end, on the panel's colour (any picture behind).
      Clock: {
        x: SAFE.w,
        y: -SPACE.s,
        mountX: 1,
        mountY: 1,
        w: 150,
        h: CLOCK_H,
        rect: true,
        color: 0xe60b0f19,
        shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.s },
        Time: {
          x: 75,
          y: 34,
          mount: 0.5,
          text: { text: '', fontFace: FONT.bold, fontSize: TYPE.heading, textColor: COLORS.text },
        },
      },
    }
  }

  get model(): OsdModel | undefined {
    return this._model
  }
  set model(value: OsdModel | undefined) {
    this._model = value
    this._update()
  }

  override _init(): void {
    this.BadgeLabel.on('txLoaded', () => this._sizeBadge())
  }

  private _update(): void {
    const m = this._model
    if (!m) return
    this.Channel.patch({ text: { text: m.channel } })
    this.Title.patch({ text: { text: m.title } })
    this.Times.patch({ text: { text: m.times } })
    this.BadgeLabel.patch({ text: { text: m.badge } })
    this.Badge.color = m.badgeLive ? COLORS.live : COLORS.surfaceRaised
    this.Reach.w = BAR_W * m.reach
    this.Played.w = BAR_W * m.played
    this.Head.x = BAR_W * m.played
    this.Edge.patch({ visible: m.showEdge, x: BAR_W * m.reach })
    // The position's clock time follows the head, kept inside the bar.
    this.Position.patch({
      text: { text: m.positionLabel },
      x: SPACE.l + Math.min(Math.max(BAR_W * m.played - 40, 0), BAR_W - 80),
    })
    this.Progress.patch({ text: { text: m.progress } })
    this.Next.patch({ text: { text: m.next } })
    this.NextTime.patch({ text: { text: m.nextTime } })
    this.Clock.visible = m.clock !== ''
    this.ClockTime.patch({ text: { text: m.clock } })
    this._sizeBadge()
  }

  private _sizeBadge(): void {
    const w = this.BadgeLabel.renderWidth || (this._model?.badge.length ?? 4) * 16
    this.Badge.w = w + 2 * SPACE.m
  }
}
