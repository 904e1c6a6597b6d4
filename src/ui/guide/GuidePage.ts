import { Lightning, Router } from '@lightningjs/sdk'
import type { Subscription } from 'rxjs'
import { CAPABILITIES, NO_CAPABILITIES, type Capabilities, type Capability } from '../../domain/channels'
import { programmeBadges } from '../../domain/guideActions'
import { isRightToLeft, progressAt, rowForNumber } from '../../domain/guideGrid'
import type { GuideRights, GuideService, LineupState } from '../../state/guide/guideService'
import { digitOf } from '../../platform/keys'
import { appContext } from '../context'
import { formatDay, formatDuration, formatTimeRange } from '../format'
import { t } from '../i18n'
import { to } from '../navigation'
import { COLORS, FONT, GUIDE_MESSAGE, TYPE } from './pageLook'
import { GuideGrid, type GridFocus, type GridLooks, type GridSource } from './GuideGrid'
import { InfoPanel } from './InfoPanel'
import type { PageTypeConfig } from '../components/PageTypeConfig'
import { DigitEntry, GUIDE_MAX_DIGITS } from '../components/DigitEntry'
import { CAPABILITY_LABEL } from '../components/capabilityLabel'

interface GuidePageTemplateSpec extends Lightning.Component.TemplateSpec {
  Info: typeof InfoPanel
  Grid: typeof GuideGrid
  Message: object
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

  static override _template(): Lightning.Component.Template<GuidePageTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      Info: { type: InfoPanel },
      Grid: { type: GuideGrid },
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
    this.Grid.onFocus = (focus) => this._showInfo(focus)
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
    this._subscriptions.push(
      guide.lineup$.subscribe((lineup) => this._lineupChanged(lineup)),
      guide.rights$.subscribe((rights) => {
        this._rights = rights
        this.Grid.setLooks(this._looks())
      }),
      guide.store.changed$.subscribe(() => this.Grid.refresh()),
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
        warn: focus.locked,
      })
      return
    }
    const p = slot.programme
    const onAir = p.start <= now && now < p.end
    this.Info.show({
      title: p.title,
      rtl: isRightToLeft(p.title),
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
      warn: focus.locked,
    })
  }

  /** What the viewer may do with the focused programme, or why the channel is locked. */
  private _channelLine(focus: GridFocus, now: number): string {
    if (!this._rights.signedIn) return t('guide.info.signIn')
    if (focus.locked) return t('guide.info.locked')
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
    if (focus.locked) {
      Router.navigate(to.productForChannel(focus.channel.id))
      return
    }
    if (focus.slot.kind !== 'programme') return
    this._guide?.rememberProgramme(focus.slot.programme)
    Router.navigate(to.programme(focus.slot.programme.id))
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
