import { Lightning, Router } from '@lightningjs/sdk'
import type { Subscription } from 'rxjs'
import { CAPABILITIES, NO_CAPABILITIES, type Capabilities, type Capability } from '../../domain/channels'
import { programmeBadges } from '../../domain/guideActions'
import { isRightToLeft, progressAt, rowForNumber } from '../../domain/guideGrid'
import type { GuideRights, GuideService, LineupState } from '../../state/guide/guideService'
import { digitOf } from '../../platform/keys'
import { appContext } from '../context'
import { formatDay, formatDuration, formatTime, formatTimeRange } from '../format'
import { phrase, t } from '../i18n'
import { enterTargetOf } from './enterTarget'
import { to } from '../navigation'
import { COLORS, FONT, GUIDE_MESSAGE, TYPE } from './pageLook'
import { GuideGrid, type GridFocus, type GridLooks, type GridSource } from './GuideGrid'
import { InfoPanel } from './InfoPanel'
import { slotTitle } from './cellTitle'
import type { PageTypeConfig } from '../components/PageTypeConfig'
import { DigitEntry, GUIDE_MAX_DIGITS } from '../components/DigitEntry'
import { Clock, CLOCK_TICK_MS as CLOCK_FACE_TICK_MS } from '../components/Clock'
import { SAFE } from '../theme'
import { GUIDE } from './layout'
import { guideCellDetail, guideCellSpeech } from './guideSpeech'
import type { Speech } from '../components/voice'
import { CAPABILITY_LABEL } from '../components/capabilityLabel'

interface GuidePageTemplateSpec extends Lightning.Component.TemplateSpec {
  Info: typeof InfoPanel
  Grid: typeof GuideGrid
  Message: object
  Clock: typeof Clock
}

const CLOCK_TICK_MS = 15_000
const BADGE_KEY = CAPABILITY_LABEL

/**
 * Home: the guide. Channels by time with what the user may do on each. The page
 * wires the guide service (state/guide) to the grid and the info panel and sends intents:
 * details, the store for a locked channel, the menu.
 */
export class GuidePage
  extends Lightning.Component<GuidePageTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<GuidePageTemplateSpec>
{
  readonly Info = this.getByRef('Info')!
  readonly Grid = this.getByRef('Grid')!
  readonly Message = this.getByRef('Message')!
  readonly Clock = this.getByRef('Clock')!

  private _subscriptions: Subscription[] = []
  private _rights: GuideRights = { signedIn: false, entitlements: new Map(), marks: new Map() }
  private _lineup: LineupState | undefined
  private _opened = false
  private _openedOn: string | undefined
  private readonly _digits = new DigitEntry({
    maxDigits: GUIDE_MAX_DIGITS,
    onChange: (digits) => {
      this.Info.digits = digits === '' ? '' : t('guide.digits', { number: digits })
    },
    onNumber: (digits) => {
      const channels = this._lineup?.channels ?? []
      this.Grid.jumpToRow(
        rowForNumber(
          channels.map((c) => c.number),
          Number(digits),
        ),
      )
    },
  })
  private _source: GridSource | undefined
  /** Since when the operator cannot be reached (ms), undefined while it answers. */
  private _offlineSince: number | undefined

  static override _template(): Lightning.Component.Template<GuidePageTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Info: { type: InfoPanel },
      Grid: { type: GuideGrid },
      // The time of day, at the end of the time bar: the guide is where a viewer looks for it.
      Clock: { type: Clock, x: SAFE.x + SAFE.w - 8, y: GUIDE.timeBarY + 2, mountX: 1 },
      Message: {
        x: 960,
        y: GUIDE_MESSAGE.y,
        mountX: 0.5,
        visible: false,
        text: {
          text: '',
          fontFace: FONT.semibold,
          fontSize: TYPE.body,
          textColor: COLORS.textDim,
          textAlign: 'center',
          wordWrapWidth: 1200,
        },
      },
    }
  }

  override _init(): void {
    this.Info.hint = t('guide.hint')
    this.Grid.onFocus = (focus) => {
      this._showInfo(focus)
      if (focus && appContext().state?.voice.enabled) {
        const { speech, detail } = this._describe(focus)
        this.fireAncestors('$voiceUpdate', speech, detail)
      }
    }
    this.Grid.describe = (focus) => this._describe(focus)
    this.Grid.onEnter = (focus) => this._enter(focus)
    this.Grid.onTop = () => Router.focusWidget('Menu')
    this._installBenchHooks()
  }

  private get _guide(): GuideService | undefined {
    return appContext().state?.guide
  }

  override _getFocused(): Lightning.Component {
    return this.Grid
  }

  /** Opening the screen is a moment to look at the stamps (document 000, action based). */
  override _active(): void {
    const state = appContext().state
    state?.check('guide-opened')
    const guide = this._guide
    if (!state || !guide) return
    this.Clock.source = state.clock.ticks(CLOCK_FACE_TICK_MS)
    this._subscriptions.push(
      guide.lineup$.subscribe((lineup) => this._lineupChanged(lineup)),
      guide.rights$.subscribe((rights) => {
        this._rights = rights
        this.Grid.setLooks(this._looks())
      }),
      guide.store.changed$.subscribe(() => this.Grid.refresh()),
      // A reminder set or told: the cells' reminder dots follow.
      state.reminders.list$.subscribe(() => this.Grid.setLooks(this._looks())),
      guide.offlineSince$.subscribe((since) => {
        this._offlineSince = since
        this.Info.notice =
          since === undefined ? '' : t('guide.offline', { time: formatTime(Math.floor(since / 1000)) })
        // The focused programme's line says what is unavailable; the grid re-reads its windows.
        this.Grid.refresh()
      }),
      state.clock.ticks(CLOCK_TICK_MS).subscribe(() => this.Grid.setNow(state.clock.nowSeconds())),
    )
    const shown = guide.lineup.status === 'ready' && guide.lineup.channels.length > 0
    // Every opening asks: the lineup's refresh rule (state/lineup) decides whether it fetches.
    void guide.loadChannels()
    if (shown) void this._reopenOnLastChannel(guide)
  }

  override _inactive(): void {
    for (const s of this._subscriptions) s.unsubscribe()
    this._subscriptions = []
    this.Clock.source = undefined
    this._digits.clear()
  }

  override _handleBack(): void {
    this.fireAncestors('$askExit')
  }

  override _handleMenu(): void {
    Router.focusWidget('Menu')
  }

  /** OK on the message (no lineup): try again. */
  override _handleEnter(): void {
    if (this.Message.visible) void this._guide?.loadChannels()
  }

  override _handleDigit(e: KeyboardEvent): void {
    const digit = digitOf(e)
    if (digit === null || !this._lineup) return
    this._digits.push(digit)
  }

  // ---- data ----------------------------------------------------------------------------------

  private _lineupChanged(lineup: LineupState): void {
    const guide = this._guide
    if (!guide) return
    const changed = this._lineup?.channels !== lineup.channels
    this._lineup = lineup
    const empty = lineup.channels.length === 0
    this.Message.visible = empty && lineup.status !== 'loading'
    if (this.Message.visible)
      this.Message.patch({ text: { text: t(lineup.status === 'failed' ? 'guide.failed' : 'guide.empty') } })
    if (empty) {
      this.Info.show({
        title: lineup.status === 'loading' ? t('guide.loading') : '',
        rtl: false,
        meta: '',
        description: '',
        progress: null,
        badges: '',
        warn: false,
      })
      return
    }
    if (!changed) return
    const store = guide.store
    const channels = lineup.channels
    this._source = {
      channels,
      programmes: (row, from, to) => store.programmes(row, from, to),
      show: (view, travel) => store.show(view, travel),
    }
    if (!this._opened) void this._openFirst(guide)
    else this.Grid.setSource(this._source)
  }

  /** The first view: now, on the channel last watched (else the first one). */
  private async _openFirst(guide: GuideService): Promise<void> {
    this._opened = true
    const last = await guide.lastChannel()
    const source = this._source
    const clock = appContext().state?.clock
    if (!source || !clock) return
    const row = Math.max(
      0,
      source.channels.findIndex((c) => c.id === last),
    )
    this._openedOn = last
    const now = clock.nowSeconds()
    this.Grid.setLooks(this._looks())
    this.Grid.open(source, row, now, now)
  }

  /** Back from the player on another channel: the guide follows it, at now. */
  private async _reopenOnLastChannel(guide: GuideService): Promise<void> {
    const last = await guide.lastChannel()
    if (last === undefined || last === this._openedOn || !this._source) return
    this._opened = false
    await this._openFirst(guide)
  }

  private _looks(): GridLooks {
    const rights = this._rights
    const marks = rights.marks
    return {
      caps: (id) => rights.entitlements.get(id) ?? NO_CAPABILITIES,
      mark: (id) => marks.get(id)?.mark ?? 'none',
      badges: (caps) =>
        (['catchup', 'startover', 'npvr'] as const)
          .filter((c) => caps[c])
          .map((c) => t(CAPABILITY_LABEL[c]))
          .join(' · '),
      lockedText: t(rights.signedIn ? 'guide.locked' : 'guide.signedOut'),
      gapText: t('guide.cell.gap'),
      loadingText: t('guide.cell.loading'),
      failedText: t('guide.cell.failed'),
      recordingText: t('guide.mark.rec'),
      reminded: (id) => appContext().state?.reminders.has(id) ?? false,
    }
  }

  // ---- focus and OK --------------------------------------------------------------------------

  private _showInfo(focus: GridFocus | undefined): void {
    const clock = appContext().state?.clock
    if (!focus || !clock) return
    const now = clock.nowSeconds()
    const { channel, slot } = focus
    const channelLine = `${channel.number}  ${channel.name}`
    if (slot.kind !== 'programme') {
      this.Info.show({
        title: slot.kind === 'loading' ? t('guide.cell.loading') : t('guide.cell.gap'),
        rtl: false,
        meta: `${channelLine}  ·  ${formatDay(slot.start)}  ·  ${formatTimeRange(slot.start, slot.end)}`,
        description: '',
        progress: null,
        badges: this._channelLine(focus, now),
        warn: focus.locked || this._offlineSince !== undefined,
      })
      return
    }
    const p = slot.programme
    const onAir = p.start <= now && now < p.end
    // A programme with no title to show reads as a hole in the guide, as its cell does.
    const title = slotTitle(slot, { gapText: t('guide.cell.gap') }).text
    this.Info.show({
      title,
      rtl: isRightToLeft(title),
      meta: [
        channelLine,
        formatDay(p.start),
        formatTimeRange(p.start, p.end),
        formatDuration(p.end - p.start),
        ...(p.episode !== undefined ? [p.episode] : []),
      ].join('  ·  '),
      description: p.description ?? '',
      progress: onAir ? progressAt(p, now) : null,
      badges: this._channelLine(focus, now),
      warn: focus.locked || this._offlineSince !== undefined,
    })
  }

  /** Voice guidance's words for the focused cell, and what Info adds. */
  private _describe(focus: GridFocus): { speech: Speech; detail: Speech } {
    const now = appContext().state?.clock.nowSeconds() ?? 0
    const { channel, slot } = focus
    const programme = slot.kind === 'programme' ? slot.programme : undefined
    const mark = programme ? (this._rights.marks.get(programme.id)?.mark ?? 'none') : 'none'
    const caps = this._rights.entitlements.get(channel.id) ?? NO_CAPABILITIES
    const speech = guideCellSpeech({
      channelName: channel.name,
      title: programme?.title,
      hole: slot.kind === 'loading' ? 'loading' : slot.kind === 'gap' ? 'gap' : undefined,
      start: slot.start,
      end: slot.end,
      startText: formatTime(slot.start),
      endText: formatTime(slot.end),
      now,
      allowed: programme ? programmeBadges(programme, caps, channel.catchupHours, now) : [],
      locked: !this._rights.signedIn
        ? phrase('guide.signedOut')
        : focus.locked
          ? phrase('guide.locked')
          : undefined,
      mark,
    })
    const detail = guideCellDetail({
      channelNumber: channel.number,
      day: formatDay(slot.start),
      episode: programme?.episode,
      description: programme?.description,
    })
    return { speech, detail }
  }

  /** What the viewer may do with the focused programme, or why the channel is locked. */
  private _channelLine(focus: GridFocus, now: number): string {
    if (!this._rights.signedIn) return t('guide.info.signIn')
    if (focus.locked) return t('guide.info.locked')
    // Playing and recording need the operator (domain/guideActions: 'offline').
    if (this._offlineSince !== undefined) return t('guide.info.offline')
    const caps = this._rights.entitlements.get(focus.channel.id) ?? NO_CAPABILITIES
    if (focus.slot.kind !== 'programme') return badgeText(caps, CAPABILITIES)
    const p = focus.slot.programme
    const mark = this._rights.marks.get(p.id)?.mark
    const recorded = mark === 'scheduled' || mark === 'recording'
    const words = programmeBadges(p, caps, focus.channel.catchupHours, now)
      .filter((c) => !(recorded && c === 'npvr'))
      .map((c) => t(BADGE_KEY[c]))
    if (mark === 'scheduled') words.push(t('guide.mark.scheduled'))
    if (mark === 'recording') words.push(t('guide.mark.recording'))
    return words.length > 0 ? words.join('  ·  ') : t('guide.info.nothing')
  }

  private _enter(focus: GridFocus): void {
    const programme = focus.slot.kind === 'programme' ? focus.slot.programme : undefined
    const target = enterTargetOf({
      locked: focus.locked,
      channelId: focus.channel.id,
      programmeId: programme?.id,
    })
    if (target.kind === 'store') Router.navigate(to.productForChannel(target.channelId))
    if (target.kind !== 'details' || !programme) return
    this._guide?.rememberProgramme(programme)
    Router.navigate(to.programme(target.programmeId))
  }

  // ---- bench ---------------------------------------------------------------------------------

  /** Read-only figures for the bench and e2e tests (settings.json `testHooks`): never state. */
  private _installBenchHooks(): void {
    if (!appContext().settings.testHooks) return
    const count = (el: { children: unknown[] }): number =>
      1 + el.children.reduce<number>((n, c) => n + count(c as { children: unknown[] }), 0)
    const hooks = {
      focusMoves: () => this.Grid.focusMoves,
      gridElements: () => this.Grid.elementCount,
      stageElements: () => count(this.stage.root as unknown as { children: unknown[] }),
      focus: () => {
        const f = this.Grid.focused
        return f
          ? {
              row: f.row,
              channel: f.channel.number,
              kind: f.slot.kind,
              start: f.slot.start,
              end: f.slot.end,
              locked: f.locked,
              mark:
                f.slot.kind === 'programme'
                  ? (this._rights.marks.get(f.slot.programme.id)?.mark ?? 'none')
                  : 'none',
            }
          : null
      },
      anchor: () => this.Grid.anchor,
      viewStart: () => this.Grid.viewStart,
      fetches: () => this._guide?.store.fetchCount ?? 0,
      cachedWindows: () => this._guide?.store.cachedWindows ?? 0,
    }
    ;(window as unknown as { __kanalGuide?: typeof hooks }).__kanalGuide = hooks
  }
}

const badgeText = (caps: Capabilities, which: readonly Capability[]): string =>
  which
    .filter((c) => caps[c])
    .map((c) => t(BADGE_KEY[c]))
    .join('  ·  ')
