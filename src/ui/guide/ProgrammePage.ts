import { Router } from '@lightningjs/sdk'
import type { Subscription } from 'rxjs'
import { NO_CAPABILITIES } from '../../domain/channels'
import type { Programme } from '../../domain/guide'
import {
  programmeActions,
  type ActionOffer,
  type ActionRefusal,
  type GuideAction,
} from '../../domain/guideActions'
import type { GuideRights } from '../../state/guide/guideService'
import { refusalOf } from '../../state/recordings/refusal'
import { appContext } from '../context'
import { formatDay, formatDuration, formatTimeRange } from '../format'
import { t } from '../i18n'
import { to } from '../navigation'
import { COLORS } from '../theme'
import { MessagePage, type MessageAction } from '../components/MessagePage'

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
}

/**
 * Programme details, reached as #programme/<id> from the guide: title, times, channel,
 * categories and description, the actions the rights allow right now, and why the others are
 * not there. The actions follow the recordings store: after "Record", "Cancel" shows.
 */
export class ProgrammePage extends MessagePage {
  private _programmeId = ''
  private _rights: GuideRights | undefined
  private _subscription: Subscription | undefined
  private _busy = false

  override _init(): void {
    // Channel and times, categories and the description each on their own lines.
    this.Message.patch({ text: { lineHeight: 42, maxLines: 5 } })
    this.Detail.patch({ y: 540, text: { maxLines: 3, lineHeight: 36, textColor: COLORS.warning } })
    this.Actions.y = 660
  }

  override _onUrlParams(params: Router.PageParams): void {
    this._programmeId = typeof params.programmeId === 'string' ? params.programmeId : ''
    this._render()
  }

  override _active(): void {
    const guide = appContext().state?.guide
    this._subscription?.unsubscribe()
    this._subscription = guide?.rights$.subscribe((rights) => {
      this._rights = rights
      this._render()
    })
  }

  override _inactive(): void {
    this._subscription?.unsubscribe()
    this._subscription = undefined
  }

  private _render(): void {
    const state = appContext().state
    const programme = state?.guide.programme(this._programmeId)
    if (!state || !programme) {
      // A deep link to a programme the guide has not shown: say so and offer the guide.
      this.show(
        t('programme.title'),
        t('programme.message', { id: this._programmeId }),
        [
          { id: 'guide', label: t('action.toGuide'), run: () => Router.navigate(to.guide()) },
          { id: 'back', label: t('action.back'), run: () => Router.back() },
        ],
        t('programme.notFound'),
      )
      return
    }
    const channel = state.guide.channel(programme.channelId)
    const rights = this._rights
    const now = state.clock.nowSeconds()
    const mark = rights?.marks.get(programme.id)
    const offers = programmeActions(programme, {
      caps: rights?.entitlements.get(programme.channelId) ?? NO_CAPABILITIES,
      catchupHours: channel?.catchupHours ?? 0,
      now,
      signedIn: rights?.signedIn ?? false,
      mark: mark?.mark ?? 'none',
      ...(mark ? { recordingId: mark.recordingId } : {}),
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
    if (offers.some((o) => !o.allowed && o.reason === 'signedOut'))
      actions.push({
        id: 'signIn',
        label: t('programme.action.signIn'),
        run: () => Router.navigate(to.signIn()),
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
    const lines = [
      meta.join('  ·  ') + (status ? `  ·  ${status}` : ''),
      programme.categories.join(', '),
      programme.description ?? '',
    ].filter((s) => s !== '')
    const focusedId = this.Actions.selected?.id
    this.show(programme.title, lines.join('\n'), actions, reasons.join('  '))
    // A redraw (a stamp moved) keeps the focus on the same action when it is still there.
    const keep = actions.findIndex((a) => a.id === focusedId)
    if (keep >= 0) this.Actions.index = keep
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
