import { canDelete, scheduledEpisodes, type Recording } from '../../domain/recordings'
import { refusalOf } from '../../state/recordings/refusal'
import type { UserState } from '../../state/user/userState'
import { formatDate } from '../format'
import { say, t } from '../i18n'
import { recordingName, type RecordingActionId } from './recordingLooks'

export interface RecordingIntentPorts {
  user(): UserState | undefined
  /** The operator's time, Unix seconds. */
  now(): number
  /** Asks a yes/no question; `onConfirm` runs on yes only. */
  confirm(title: string, body: string, confirmLabel: string, onConfirm: () => void): void
  toast(message: string, kind: 'success' | 'error'): void
  play(recordingId: string): void
}

type ChangeKind = 'protect' | 'unprotect' | 'delete' | 'cancel' | 'series'

/**
 * What the recordings screen's actions do: what destroys asks first, every change is
 * optimistic (the list shows it at once) and a refusal takes it back with a message saying why.
 */
export class RecordingIntents {
  constructor(private readonly _ports: RecordingIntentPorts) {}

  /** Episodes of the series still to be recorded, in the user's current list. */
  scheduledOf(seriesId: string): number {
    const list = this._ports.user()?.recordings.current.data?.recordings ?? []
    return scheduledEpisodes(list, seriesId, this._ports.now())
  }

  /** `inSeries`: chosen in an opened series folder, where the episode names it. */
  run(id: RecordingActionId, r: Recording, inSeries = false): void {
    const user = this._ports.user()
    if (!user) return
    // An episode is named with its episode and date: "Delete Kingdom of Salt?" alone does not say which.
    const title = say(recordingName(r, inSeries))
    switch (id) {
      case 'play':
        this._ports.play(r.id)
        return
      case 'protect': {
        const protect = !r.protected
        this._change(
          protect ? 'protect' : 'unprotect',
          title,
          () => user.protectRecording(r.id, protect),
          () =>
            protect
              ? t('recordings.done.protected', { title })
              : `${t('recordings.done.unprotected', { title })}: ${t('recordings.expires', {
                  date: formatDate(r.end + (user.recordings.current.data?.autoExpireDays ?? 0) * 86400),
                })}`,
        )
        return
      }
      case 'delete': {
        const check = canDelete(r, this._ports.now())
        if (!check.allowed) {
          this._ports.toast(
            t(check.reason === 'protected' ? 'recordings.error.protected' : 'recordings.error.notFinished', {
              title,
            }),
            'error',
          )
          return
        }
        this._ports.confirm(
          t('recordings.confirm.delete.title', { title }),
          t('recordings.confirm.delete.body'),
          t('recordings.action.delete'),
          () =>
            this._change(
              'delete',
              title,
              () => user.deleteRecording(r.id),
              () => t('recordings.done.deleted', { title }),
            ),
        )
        return
      }
      case 'cancel': {
        const ongoing = this._ports.now() >= r.start
        this._ports.confirm(
          t(ongoing ? 'recordings.confirm.stop.title' : 'recordings.confirm.cancel.title', { title }),
          t(ongoing ? 'recordings.confirm.stop.body' : 'recordings.confirm.cancel.body'),
          t(ongoing ? 'recordings.action.stop' : 'recordings.action.cancel'),
          () =>
            this._change(
              'cancel',
              title,
              () => user.cancelRecording(r.id),
              () => t('recordings.done.cancelled', { title }),
            ),
        )
        return
      }
      case 'cancelSeries':
        if (r.seriesId !== undefined) this.askCancelSeries(r.seriesId, title)
        return
      case 'close':
        return
    }
  }

  askCancelSeries(seriesId: string, title: string): void {
    const user = this._ports.user()
    if (!user) return
    this._ports.confirm(
      t('recordings.confirm.series.title', { title }),
      t('recordings.confirm.series.body', { count: this.scheduledOf(seriesId) }),
      t('recordings.action.cancelSeries'),
      () =>
        this._change(
          'series',
          title,
          () => user.cancelSeries(seriesId, this._ports.now()),
          () => t('recordings.done.seriesCancelled', { title }),
        ),
    )
  }

  /** Runs an optimistic change; the list already shows it, a refusal takes it back and says why. */
  private _change(kind: ChangeKind, title: string, work: () => Promise<void>, done: () => string): void {
    work().then(
      () => this._ports.toast(done(), 'success'),
      (error: unknown) =>
        this._ports.toast(
          `${t(`recordings.failed.${kind}`, { title })}: ${t(`recordings.reason.${refusalOf(error)}`)}`,
          'error',
        ),
    )
  }
}
