import { Lightning, Router } from '@lightningjs/sdk'
import type { Subscription } from 'rxjs'
import { NO_CAPABILITIES } from '../../domain/channels'
import type { Programme } from '../../domain/guide'
import {
  programmeActions,
  type ActionOffer,
  type ActionRefusal,
  type GuideAction,
} from '../../domain/guideActions'
import type { GuideRights, ProgrammeLookup } from '../../state/guide/guideService'
import { refusalOf } from '../../state/recordings/refusal'
import { appContext } from '../context'
import { formatDay, formatDuration, formatTime, formatTimeRange } from '../format'
import { say, t } from '../i18n'
import { to } from '../navigation'
import { COLORS, FONT, MENU_HEIGHT, RADIUS, SAFE, SPACE, TYPE } from '../theme'
import { channelOffers, nextAiringPhrase, onAirOf, onAirPhrase, type NextAiring } from './detailsLooks'
import { MessagePage, type MessageAction } from '../components/MessagePage'
import { PinDialog } from '../components/PinDialog'
import { askParentalPin } from '../components/parentalPin'
import { lockedDetails } from './lockedDetails'
import { reminderOffer } from './reminderOffer'
import { ReminderError } from '../../state/reminders/reminders'

const ACTION_KEY: Record<GuideAction, string> = {
  watchLive: 'programme.action.live',
  startOver: 'programme.action.startOver',
  catchup: 'programme.action.catchup',
  record: 'programme.action.record',
  recordSeries: 'programme.action.recordSeries',
  cancelRecording: 'programme.action.cancel',
  cancelSeries: 'programme.action.cancelSeries',
}

const REFUSAL_KEY: Record<ActionRefusal, string> = {
  liveNotEntitled: 'programme.refusal.live',
  startOverNotEntitled: 'programme.refusal.startOver',
  catchupNotEntitled: 'programme.refusal.catchup',
  catchupNoWindow: 'programme.refusal.catchupWindow',
  catchupTooOld: 'programme.refusal.catchupTooOld',
  recordNotEntitled: 'programme.refusal.record',
  signedOut: 'programme.refusal.signedOut',
  offline: 'programme.refusal.offline',
  packageUnknown: 'programme.refusal.packageUnknown',
}

const PICTURE_W = 480
const PICTURE_H = 270
const PICTURE_X = 1920 - SAFE.x - PICTURE_W
const TOP = MENU_HEIGHT + SPACE.xl
const BAR_W = 720
const BAR_Y = 580

/**
 * Programme details, reached as #programme/<id> from the guide or a deep link: title, times,
 * channel and its logo, categories, description and picture, how far it has got when on air,
 * its next airing, the actions the rights allow right now, and why the others are not there.
 * A programme the grid has not shown is asked of the operator (GetProgramme). The actions
 * follow the recordings store: after "Record", "Cancel" shows.
 */
export class ProgrammePage extends MessagePage {
  private _programmeId = ''
  private _rights: GuideRights | undefined
  private _offline = false
  private _offlineSubscription: Subscription | undefined
  private _subscription: Subscription | undefined
  private _parentalSubscription: Subscription | undefined
  private _favouritesSubscription: Subscription | undefined
  private _favourites: ReadonlySet<string> = new Set()
  private _reminderSubscription: Subscription | undefined
  private _busy = false
  private _lookup: ProgrammeLookup | 'asking' = 'asking'
  /** The programme the actions are drawn for (none while asking or absent). */
  private _shown: string | undefined
  private readonly _picture = this.childList.a({
    x: PICTURE_X,
    y: TOP,
    w: PICTURE_W,
    h: PICTURE_H,
    visible: false,
    shader: { type: Lightning.shaders.RoundedRectangle, radius: RADIUS.m },
  })
  private readonly _logo = this.childList.a({
    x: PICTURE_X,
    y: TOP + PICTURE_H + SPACE.l,
    w: 160,
    h: 90,
    visible: false,
  })
  private readonly _bar = this.childList.a({
    x: SAFE.x,
    y: BAR_Y,
    w: BAR_W,
    h: 10,
    rect: true,
    color: COLORS.surfaceRaised,
    visible: false,
    Done: { h: 10, w: 0, rect: true, color: COLORS.focus },
  })
  private readonly _progress = this.childList.a({
    x: SAFE.x + BAR_W + SPACE.l,
    y: BAR_Y - 16,
    text: { text: '', fontFace: FONT.semibold, fontSize: TYPE.caption, textColor: COLORS.text },
  })
  private readonly _next = this.childList.a({
    x: SAFE.x,
    y: BAR_Y + 36,
    text: {
      text: '',
      fontFace: FONT.regular,
      fontSize: TYPE.caption,
      textColor: COLORS.textDim,
      wordWrapWidth: 1200,
      maxLines: 1,
      textOverflow: 'ellipsis',
    },
  })

  private readonly _pin = this.childList.a({ type: PinDialog, visible: false }) as PinDialog

  override _getFocused(): Lightning.Component {
    return this._pin.isOpen ? this._pin : super._getFocused()
  }

  override _init(): void {
    // Channel and times, categories and the description each on their own lines.
    this.Message.patch({ text: { lineHeight: 42, maxLines: 5 } })
    this.Detail.patch({ y: 660, text: { maxLines: 2, lineHeight: 36, textColor: COLORS.warning } })
    this.Actions.y = 760
  }

  override _onUrlParams(params: Router.PageParams): void {
    this._programmeId = typeof params.programmeId === 'string' ? params.programmeId : ''
    this._lookUp()
  }

  /** Asks the operator: the next airing, the picture, or the programme itself for a deep link. */
  private _lookUp(): void {
    const id = this._programmeId
    this._lookup = 'asking'
    this._render()
    const guide = appContext().state?.guide
    if (!guide) return
    void guide.lookUpProgramme(id).then((lookup) => {
      if (id !== this._programmeId) return
      this._lookup = lookup
      this._render()
    })
  }

  override _active(): void {
    const guide = appContext().state?.guide
    this._subscription?.unsubscribe()
    this._subscription = guide?.rights$.subscribe((rights) => {
      this._rights = rights
      this._render()
    })
    this._parentalSubscription?.unsubscribe()
    this._parentalSubscription = appContext().state?.user?.parental.changes$.subscribe(() => this._render())
    this._offlineSubscription?.unsubscribe()
    this._offlineSubscription = guide?.offlineSince$.subscribe((since) => {
      this._offline = since !== undefined
      this._render()
    })
    this._favouritesSubscription?.unsubscribe()
    this._favouritesSubscription = guide?.lists.view$.subscribe((view) => {
      if (view.favourites === this._favourites) return
      this._favourites = view.favourites
      this._render()
    })
    this._reminderSubscription?.unsubscribe()
    this._reminderSubscription = appContext().state?.reminders.list$.subscribe(() => this._render())
  }

  override _inactive(): void {
    this._subscription?.unsubscribe()
    this._subscription = undefined
    this._offlineSubscription?.unsubscribe()
    this._offlineSubscription = undefined
    this._parentalSubscription?.unsubscribe()
    this._parentalSubscription = undefined
    this._pin.close()
    this._favouritesSubscription?.unsubscribe()
    this._favouritesSubscription = undefined
    this._reminderSubscription?.unsubscribe()
    this._reminderSubscription = undefined
  }

  /** No programme to show: still asking, cannot ask, or nobody has it. */
  private _renderAbsent(): void {
    this._shown = undefined
    this._extras(undefined)
    const lookup = this._lookup
    if (lookup === 'asking') {
      this.show(t('programme.title'), t('programme.loading'), [
        { id: 'back', label: t('action.back'), run: () => Router.back() },
      ])
      return
    }
    if (lookup.kind === 'failed') {
      this.show(
        t('programme.title'),
        t('programme.message', { id: this._programmeId }),
        [
          { id: 'retry', label: t('action.retry'), run: () => this._lookUp() },
          { id: 'back', label: t('action.back'), run: () => Router.back() },
        ],
        t(lookup.offline ? 'programme.failed.offline' : 'programme.failed.load'),
      )
      return
    }
    this.show(
      t('programme.title'),
      t('programme.message', { id: this._programmeId }),
      [
        { id: 'guide', label: t('action.toGuide'), run: () => Router.navigate(to.guide()) },
        { id: 'back', label: t('action.back'), run: () => Router.back() },
      ],
      t('programme.notFound'),
    )
  }

  /** The picture, the channel logo, the progress on air and the next airing (nothing: all hidden). */
  private _extras(p: Programme | undefined): void {
    const state = appContext().state
    const found =
      this._lookup !== 'asking' && this._lookup.kind === 'found' ? this._lookup.details : undefined
    const image = p?.image ?? (found?.programme.id === p?.id ? found?.programme.image : undefined)
    this._picture.patch(
      image ? { visible: true, src: image, w: PICTURE_W, h: PICTURE_H } : { visible: false },
    )
    const logo = p ? state?.guide.channel(p.channelId)?.logo : undefined
    this._logo.patch(logo ? { visible: true, src: logo, w: 160, h: 90 } : { visible: false })
    const on = p && state ? onAirOf(p, state.clock.nowSeconds()) : undefined
    this._bar.visible = on !== undefined
    this._bar.tag('Done')?.patch({ w: BAR_W * (on?.fraction ?? 0) })
    this._progress.patch({ text: { text: on ? say(onAirPhrase(on)) : '' } })
    let next: NextAiring = 'unknown'
    if (p && found) {
      const channel = found.nextAiring ? state?.guide.channel(found.nextAiring.channelId) : undefined
      next = found.nextAiring
        ? {
            programme: found.nextAiring,
            ...(channel ? { channel: { number: channel.number, name: channel.name } } : {}),
          }
        : 'none'
    }
    this._next.patch({ text: { text: say(nextAiringPhrase(next)) } })
  }

  private _render(): void {
    const state = appContext().state
    const found =
      this._lookup !== 'asking' && this._lookup.kind === 'found' ? this._lookup.details : undefined
    const programme = state?.guide.programme(this._programmeId) ?? found?.programme
    if (!state || !programme) {
      // A deep link to a programme neither the grid nor the operator has: say so, offer the guide.
      this._renderAbsent()
      return
    }
    const lock = state.user?.parental
    if (lock?.isLocked(programme)) {
      this._renderLocked(programme)
      return
    }
    this._extras(programme)
    const channel = state.guide.channel(programme.channelId)
    const rights = this._rights
    const now = state.clock.nowSeconds()
    const mark = rights?.marks.get(programme.id)
    const packageStatus = rights?.packageStatus ?? 'known'
    const offers = programmeActions(programme, {
      caps: rights?.entitlements.get(programme.channelId) ?? NO_CAPABILITIES,
      catchupHours: channel?.catchupHours ?? 0,
      now,
      signedIn: rights?.signedIn ?? false,
      mark: mark?.mark ?? 'none',
      ...(mark ? { recordingId: mark.recordingId } : {}),
      offline: this._offline,
      packageKnown: packageStatus === 'known',
      ...(programme.seriesId !== undefined
        ? { seriesScheduled: rights?.seriesScheduled?.get(programme.seriesId) ?? 0 }
        : {}),
    })
    const actions: MessageAction[] = offers
      .filter((o): o is Extract<ActionOffer, { allowed: true }> => o.allowed)
      .map((o) => ({
        id: o.action,
        label: t(ACTION_KEY[o.action]),
        run: () => this._run(o.action, programme),
      }))
    const reasons = [...new Set(offers.flatMap((o) => (o.allowed ? [] : [t(REFUSAL_KEY[o.reason])])))]
    const signedIn = rights?.signedIn ?? false
    const live = (rights?.entitlements.get(programme.channelId) ?? NO_CAPABILITIES).live
    for (const offer of channelOffers({ signedIn, live, packageStatus }))
      actions.push(
        offer === 'signIn'
          ? { id: 'signIn', label: t('programme.action.signIn'), run: () => Router.navigate(to.signIn()) }
          : offer === 'checkAgain'
            ? {
                id: 'checkAgain',
                label: t('programme.action.checkAgain'),
                run: () => state.check('user-action'),
              }
            : {
                id: 'getChannel',
                label: t('programme.action.getChannel'),
                run: () => Router.navigate(to.productForChannel(programme.channelId)),
              },
      )
    if (signedIn) {
      const favourite = this._favourites.has(programme.channelId)
      actions.push({
        id: 'favourite',
        label: t(favourite ? 'programme.action.unfavourite' : 'programme.action.favourite'),
        run: () => this._toggleFavourite(programme.channelId, !favourite, channel?.name ?? ''),
      })
    }
    const reminded = state.reminders.has(programme.id)
    const reminder = reminderOffer(programme, now, reminded)
    if (reminder)
      actions.push({
        id: 'reminder',
        label: t(reminder === 'set' ? 'reminder.action.set' : 'reminder.action.cancel'),
        run: () => this._remind(programme, reminder),
      })
    actions.push({ id: 'back', label: t('action.back'), run: () => Router.back() })

    const meta = [
      channel ? `${channel.number}  ${channel.name}` : '',
      formatDay(programme.start),
      formatTimeRange(programme.start, programme.end),
      formatDuration(programme.end - programme.start),
      programme.episode ?? '',
    ].filter((s) => s !== '')
    const status =
      mark?.mark === 'scheduled'
        ? t('guide.mark.scheduled')
        : mark?.mark === 'recording'
          ? t('guide.mark.recording')
          : ''
    const statuses = [status, reminded ? t('reminder.set') : ''].filter((x) => x !== '')
    const lines = [
      meta.join('  ·  ') + statuses.map((x) => `  ·  ${x}`).join(''),
      programme.categories.join(', '),
      programme.description ?? '',
    ].filter((s) => s !== '')
    // Only a redraw of the same programme keeps the focus (not the "Back" of the lookup's wait).
    const focusedId = this._shown === programme.id ? this.Actions.selected?.id : undefined
    this._shown = programme.id
    this.show(programme.title, lines.join('\n'), actions, reasons.join('  '))
    // A redraw (a stamp moved) keeps the focus on the same action when it is still there.
    const keep = actions.findIndex((a) => a.id === focusedId)
    if (keep >= 0) this.Actions.index = keep
  }

  /** Above the parental limit: no title, description or picture; the PIN unlocks it until it ends. */
  private _renderLocked(programme: Programme): void {
    const state = appContext().state
    const lock = state?.user?.parental
    if (!state || !lock) return
    this._extras(undefined)
    const channel = state.guide.channel(programme.channelId)
    const looks = lockedDetails(programme, channel)
    const actions: MessageAction[] = [
      {
        id: 'unlock',
        label: t('programme.action.unlock'),
        run: () =>
          askParentalPin({
            dialog: this._pin,
            lock,
            programme,
            nowSeconds: () => state.clock.nowSeconds(),
            onUnlocked: (until) => {
              this._refocus()
              this.fireAncestors('$toast', t('parental.unlocked', { time: formatTime(until) }), 'success')
            },
            onCancel: () => this._refocus(),
            onFailed: (message) => {
              this._refocus()
              this.fireAncestors('$toast', message, 'error')
            },
          }),
      },
      { id: 'back', label: t('action.back'), run: () => Router.back() },
    ]
    this._shown = programme.id
    this.show(say(looks.title), looks.lines.map(say).join('\n'), actions, say(looks.reason))
    this._refocus()
  }

  private _run(action: GuideAction, p: Programme): void {
    const guide = appContext().state?.guide
    if (!guide) return
    switch (action) {
      case 'watchLive':
        Router.navigate(to.play({ kind: 'live', id: p.channelId }))
        return
      case 'startOver':
        Router.navigate(to.play({ kind: 'startover', id: p.id }))
        return
      case 'catchup':
        Router.navigate(to.play({ kind: 'catchup', id: p.id }))
        return
      case 'record':
      case 'recordSeries':
        this._write(
          () => guide.record(p, action === 'recordSeries'),
          action === 'recordSeries' ? 'programme.done.series' : 'programme.done.record',
        )
        return
      case 'cancelRecording': {
        const id = this._rights?.marks.get(p.id)?.recordingId
        if (id !== undefined) this._write(() => guide.cancelRecording(id), 'programme.done.cancel')
        return
      }
      case 'cancelSeries': {
        const seriesId = p.seriesId
        if (seriesId !== undefined)
          this._write(() => guide.cancelSeries(seriesId), 'programme.done.cancelSeries')
        return
      }
    }
  }

  /** The channel in or out of the favourites: the button turns at once, back if refused. */
  private _toggleFavourite(channelId: string, on: boolean, channelName: string): void {
    const guide = appContext().state?.guide
    if (!guide || this._busy) return
    this._busy = true
    guide.setFavourite(channelId, on).then(
      () => {
        this._busy = false
        const done = t(on ? 'guide.fav.added' : 'guide.fav.removed', { channel: channelName })
        this.fireAncestors('$toast', done, 'success')
        this.fireAncestors('$voiceUpdate', done)
      },
      (error: unknown) => {
        this._busy = false
        const message = t(refusalOf(error) === 'offline' ? 'guide.fav.offline' : 'guide.fav.failed')
        this.fireAncestors('$toast', message, 'error')
        this.fireAncestors('$voiceUpdate', message)
      },
    )
  }

  /** Reminders are kept on the box: set or cancelled at once, the toast says so. */
  private _remind(p: Programme, offer: 'set' | 'cancel'): void {
    const reminders = appContext().state?.reminders
    if (!reminders) return
    const done = offer === 'set' ? reminders.add(p) : reminders.cancel(p.id)
    done.then(
      () =>
        this.fireAncestors(
          '$toast',
          offer === 'set' ? t('reminder.done.set', { time: formatTime(p.start) }) : t('reminder.done.cancel'),
          'success',
        ),
      (error: unknown) =>
        this.fireAncestors(
          '$toast',
          t(error instanceof ReminderError ? 'reminder.failed.started' : 'reminder.failed.save'),
          'error',
        ),
    )
  }

  /** One write at a time; the store shows it at once, the toast says how it ended. */
  private _write(write: () => Promise<void>, doneKey: string): void {
    if (this._busy) return
    this._busy = true
    write().then(
      () => {
        this._busy = false
        this.fireAncestors('$toast', t(doneKey), 'success')
      },
      (error: unknown) => {
        this._busy = false
        this.fireAncestors('$toast', t(`programme.failed.${refusalOf(error)}`), 'error')
      },
    )
  }
}
