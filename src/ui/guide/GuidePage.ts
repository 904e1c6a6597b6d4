import { Lightning, Router } from '@lightningjs/sdk'
import { combineLatest, of, switchMap, type Subscription } from 'rxjs'
import { CAPABILITIES, NO_CAPABILITIES, type Capabilities, type Capability } from '../../domain/channels'
import { programmeBadges } from '../../domain/guideActions'
import { isRightToLeft, progressAt, rowForNumber } from '../../domain/guideGrid'
import { ALL_CHANNELS, listId, numberInList } from '../../domain/channelLists'
import type { Channel } from '../../domain/channels'
import type { GuideRights, GuideService, LineupState } from '../../state/guide/guideService'
import type { ChannelListView } from '../../state/guide/channelLists'
import { refusalOf } from '../../state/recordings/refusal'
import { digitOf } from '../../platform/keys'
import { appContext } from '../context'
import { formatDay, formatDuration, formatTime, formatTimeRange } from '../format'
import { phrase, say, t } from '../i18n'
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
import { ListPicker } from './ListPicker'
import { emptyListPhrase, listName, openPicker } from './pickerModel'
import { FLAG_KEY } from './cellMarks'

interface GuidePageTemplateSpec extends Lightning.Component.TemplateSpec {
  Info: typeof InfoPanel
  Grid: typeof GuideGrid
  Message: object
  Clock: typeof Clock
  ListName: object
  Picker: typeof ListPicker
}

const CLOCK_TICK_MS = 15_000
/** OK held this long on a cell is a long OK: the channel in or out of the favourites. */
const LONG_OK_MS = 700
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
  readonly ListName = this.getByRef('ListName')!
  readonly Picker = this.getByRef('Picker')!

  private _subscriptions: Subscription[] = []
  private _rights: GuideRights = {
    signedIn: false,
    packageStatus: 'known',
    entitlements: new Map(),
    marks: new Map(),
  }
  private _lineup: LineupState | undefined
  /** The chosen list and its channels (the grid's rows), the whole lineup beside it. */
  private _view: ChannelListView | undefined
  private _allChannels: readonly Channel[] = []
  private _shownListId: string | undefined
  /** A number typed that is not in the list: tuned once the grid shows all channels. */
  private _pendingNumber: number | undefined
  private _picking = false
  private _opened = false
  private _openedOn: string | undefined
  private readonly _digits = new DigitEntry({
    maxDigits: GUIDE_MAX_DIGITS,
    onChange: (digits) => {
      this.Info.digits = digits === '' ? '' : t('guide.digits', { number: digits })
    },
    onNumber: (digits) => this._tuneNumber(Number(digits)),
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
      // The list shown, at the head of the channel column (Blue changes it).
      ListName: {
        x: GUIDE.x + GUIDE.channelW - 8,
        y: GUIDE.timeBarY + 6,
        mountX: 1,
        text: {
          text: '',
          fontFace: FONT.bold,
          fontSize: TYPE.caption,
          textColor: 0xff6fa8ff,
          wordWrapWidth: 300,
          maxLines: 1,
          textOverflow: 'ellipsis',
          textAlign: 'right',
        },
      },
      Picker: { type: ListPicker, visible: false },
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
    this.Grid.onLongEnter = (focus) => this._toggleFavourite(focus.channel)
    this.Grid.longOkMs = LONG_OK_MS
    this.Picker.onChoose = (list) => {
      this._closePicker()
      this._guide?.lists.choose(list)
    }
    this.Picker.onClose = () => this._closePicker()
    this.Picker.onMove = (speech) => this.fireAncestors('$voiceUpdate', speech)
    this.Grid.onTop = () => Router.focusWidget('Menu')
    this._installBenchHooks()
  }

  private get _guide(): GuideService | undefined {
    return appContext().state?.guide
  }

  override _getFocused(): Lightning.Component {
    return this._picking ? this.Picker : this.Grid
  }

  /** Opening the screen is a moment to look at the stamps (document 000, action based). */
  override _active(): void {
    const state = appContext().state
    state?.check('guide-opened')
    const guide = this._guide
    if (!state || !guide) return
    this.Clock.source = state.clock.ticks(CLOCK_FACE_TICK_MS)
    this._subscriptions.push(
      combineLatest([guide.lineup$, guide.lists.view$]).subscribe(([lineup, view]) =>
        this._listChanged(lineup, view),
      ),
      guide.rights$.subscribe((rights) => {
        this._rights = rights
        this.Grid.setLooks(this._looks())
      }),
      guide.store.changed$.subscribe(() => this.Grid.refresh()),
      // The parental settings or an unlock changed what "Locked programme" hides.
      state.user$
        .pipe(switchMap((user) => (user ? user.parental.changes$ : of(undefined))))
        .subscribe(() => this.Grid.setLooks(this._looks())),
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
    this._closePicker()
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

  /** Blue: the channel-list picker (again: closes it). */
  override _handleBlue(): void {
    const view = this._view
    if (!view || this._allChannels.length === 0) return
    this.Picker.open(openPicker(view.lists, view.list))
    this.Picker.visible = true
    this._picking = true
    this._refocus()
  }

  /** The previous-channel key: the channel watched before the last one, live. */
  override _handleRecall(): void {
    const guide = this._guide
    if (!guide) return
    void guide.recall.target().then((id) => {
      if (id !== undefined && guide.channel(id)) Router.navigate(to.play({ kind: 'live', id }))
      else this.fireAncestors('$toast', t('recall.none'), 'info')
    })
  }

  override _handleDigit(e: KeyboardEvent): void {
    const digit = digitOf(e)
    if (digit === null || !this._lineup) return
    this._digits.push(digit)
  }

  // ---- data ----------------------------------------------------------------------------------

  /** The lineup or the chosen list changed: the grid shows the list's channels. */
  private _listChanged(lineup: LineupState, view: ChannelListView): void {
    const favouritesChanged = this._view?.favourites !== view.favourites
    const listChanged = this._shownListId !== undefined && this._shownListId !== listId(view.list)
    this._view = view
    this._allChannels = lineup.channels
    this.ListName.patch({ text: { text: say(listName(view.list)) } })
    if (favouritesChanged) this.Grid.setLooks(this._looks())
    if (listChanged) {
      // Another list: the grid opens on its first channel, at the time it showed.
      this._opened = false
    }
    this._shownListId = listId(view.list)
    this._lineupChanged({ ...lineup, channels: view.channels })
    const pending = this._pendingNumber
    if (pending !== undefined && view.list.kind === 'all' && view.channels.length > 0) {
      this._pendingNumber = undefined
      this.Grid.jumpToRow(
        rowForNumber(
          view.channels.map((c) => c.number),
          pending,
        ),
      )
    }
  }

  private _lineupChanged(lineup: LineupState): void {
    const guide = this._guide
    if (!guide) return
    const changed = this._lineup?.channels !== lineup.channels || !this._opened
    this._lineup = lineup
    const empty = lineup.channels.length === 0
    const view = this._view
    // A list of its own that holds nothing says how to fill it; the lineup itself is there.
    const emptyList =
      empty && this._allChannels.length > 0 && view !== undefined
        ? view.ready
          ? emptyListPhrase(view.list, this._rights.signedIn, 0)
          : phrase('guide.lists.loading')
        : undefined
    this.Grid.visible = !empty
    this.Message.visible = emptyList !== undefined || (empty && lineup.status !== 'loading')
    if (this.Message.visible)
      this.Message.patch({
        text: {
          text:
            emptyList !== undefined
              ? say(emptyList)
              : t(lineup.status === 'failed' ? 'guide.failed' : 'guide.empty'),
        },
      })
    if (empty) {
      this.Info.show({
        title: lineup.status === 'loading' && emptyList === undefined ? t('guide.loading') : '',
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

  /**
   * The first view: now, on the given channel, else the one in focus (a list changed), else the
   * channel last watched, else the first one.
   */
  private async _openFirst(guide: GuideService, channelId?: string): Promise<void> {
    this._opened = true
    const last = channelId ?? this._focusedChannel ?? (await guide.lastChannel())
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
    await this._openFirst(guide, last)
  }

  /** The channel in focus, kept when the list changes so the grid stays on it if it can. */
  private get _focusedChannel(): string | undefined {
    return this.Grid.focused?.channel.id
  }

  private _looks(): GridLooks {
    const rights = this._rights
    const marks = rights.marks
    const favourites = this._view?.favourites
    return {
      favourite: (id) => favourites?.has(id) === true,
      flagText: (flag) => t(FLAG_KEY[flag]),
      caps: (id) => rights.entitlements.get(id) ?? NO_CAPABILITIES,
      packageKnown: rights.packageStatus === 'known',
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
      lockedProgrammeText: t('parental.locked'),
      isLocked: (p) => appContext().state?.user?.parental.isLocked(p) ?? false,
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
        warn: this._warns(focus),
      })
      return
    }
    const p = slot.programme
    const onAir = p.start <= now && now < p.end
    // A programme with no title to show reads as a hole in the guide, as its cell does; one
    // above the parental limit shows neither its title nor its description.
    const titled = slotTitle(slot, this._looks())
    const title = titled.text
    this.Info.show({
      title,
      rtl: isRightToLeft(title),
      meta: [
        channelLine,
        formatDay(p.start),
        formatTimeRange(p.start, p.end),
        formatDuration(p.end - p.start),
        ...(p.episode !== undefined && !titled.locked ? [p.episode] : []),
      ].join('  ·  '),
      description: titled.locked
        ? t('programme.refusal.parental', { age: p.rating ?? 18 })
        : (p.description ?? ''),
      progress: onAir ? progressAt(p, now) : null,
      badges: this._channelLine(focus, now),
      warn: this._warns(focus),
    })
  }

  /** Voice guidance's words for the focused cell, and what Info adds. */
  private _describe(focus: GridFocus): { speech: Speech; detail: Speech } {
    const now = appContext().state?.clock.nowSeconds() ?? 0
    const { channel, slot } = focus
    const programme = slot.kind === 'programme' ? slot.programme : undefined
    const mark = programme ? (this._rights.marks.get(programme.id)?.mark ?? 'none') : 'none'
    const caps = this._rights.entitlements.get(channel.id) ?? NO_CAPABILITIES
    // Voice guidance says no more than the screen: a locked programme is "Locked programme".
    const hidden = slot.kind === 'programme' && slotTitle(slot, this._looks()).locked
    const speech = guideCellSpeech({
      channelName: channel.name,
      title: hidden ? t('parental.locked') : programme?.title,
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
      episode: hidden ? undefined : programme?.episode,
      description: hidden ? undefined : programme?.description,
    })
    return { speech, detail }
  }

  /** The info panel's line is a warning: a locked channel, no operator, a package not read. */
  private _warns(focus: GridFocus): boolean {
    return focus.locked || this._offlineSince !== undefined || this._rights.packageStatus === 'failed'
  }

  /** What the viewer may do with the focused programme, or why the channel is locked. */
  private _channelLine(focus: GridFocus, now: number): string {
    if (!this._rights.signedIn) return t('guide.info.signIn')
    if (focus.locked) return t('guide.info.locked')
    // Playing and recording need the operator (domain/guideActions: 'offline').
    if (this._offlineSince !== undefined) return t('guide.info.offline')
    if (this._rights.packageStatus === 'checking') return t('guide.info.packageChecking')
    if (this._rights.packageStatus === 'failed') return t('guide.info.packageFailed')
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

  // ---- lists, favourites ---------------------------------------------------------------------

  private _closePicker(): void {
    if (!this._picking) return
    this._picking = false
    this.Picker.visible = false
    this._refocus()
  }

  /**
   * Digits tune the real channel number: in the list when it holds it, else the guide goes back
   * to all channels and says so (the viewer asked for that channel, not for the list).
   */
  private _tuneNumber(number: number): void {
    const view = this._view
    const shown = this._lineup?.channels ?? []
    const found = numberInList(number, shown, this._allChannels)
    if (found.kind === 'inList') {
      this.Grid.jumpToRow(found.row)
      return
    }
    if (found.kind === 'toAll' && view && view.list.kind !== 'all') {
      this._pendingNumber = number
      this.fireAncestors('$toast', t('guide.lists.toAll', { number, list: say(listName(view.list)) }), 'info')
      this._guide?.lists.choose(ALL_CHANNELS)
      return
    }
    this.Grid.jumpToRow(
      rowForNumber(
        shown.map((c) => c.number),
        number,
      ),
    )
  }

  /** Long OK: the channel in or out of the favourites, shown at once, taken back if refused. */
  private _toggleFavourite(channel: Channel): void {
    const guide = this._guide
    if (!guide) return
    if (!this._rights.signedIn) {
      this.fireAncestors('$toast', t('guide.fav.signIn'), 'info')
      return
    }
    const on = this._view?.favourites.has(channel.id) !== true
    const done = t(on ? 'guide.fav.added' : 'guide.fav.removed', { channel: channel.name })
    guide.setFavourite(channel.id, on).then(
      () => {
        this.fireAncestors('$toast', done, 'success')
        this.fireAncestors('$voiceUpdate', done)
      },
      (error: unknown) => {
        const message = t(refusalOf(error) === 'offline' ? 'guide.fav.offline' : 'guide.fav.failed')
        this.fireAncestors('$toast', message, 'error')
        this.fireAncestors('$voiceUpdate', message)
      },
    )
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
      /** The list shown and the numbers of its channels (the grid's rows). */
      list: () => ({
        id: this._shownListId,
        numbers: this._lineup?.channels.map((c) => c.number) ?? [],
        favourites: [...(this._view?.favourites ?? [])],
        picking: this._picking,
      }),
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
