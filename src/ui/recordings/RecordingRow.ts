import { Lightning } from '@lightningjs/sdk'
import { rowFrame, showRowFocus, statusPill } from '../components/listRow'
import type { RowModel } from '../../state/recordings/recordingsView'
import { COLORS, FONT, SAFE, SPACE, TYPE } from '../theme'
import { say, t } from '../i18n'
import { failurePhrase, rowTitle } from './recordingLooks'
import { formatDate, formatDay, formatDuration, formatTimeRange } from '../format'
import type { Speech } from '../components/voice'
import { recordingRowDetail, recordingRowSpeech } from './recordingSpeech'

export const ROW_HEIGHT = 116
const ROW_WIDTH = SAFE.w
const TEXT_X = 260
const RIGHT_W = 560
const MIDDLE_W = ROW_WIDTH - TEXT_X - RIGHT_W - SPACE.l

interface RecordingRowTemplateSpec extends Lightning.Component.TemplateSpec {
  model: RowModel | undefined
  Marker: object
  Badge: { Label: object }
  Title: object
  Meta: object
  Progress: { Fill: object }
  Protected: object
  Expiry: object
}

/** The colour of each state's badge: what is recording now stands out as live does. */
const BADGE: Record<string, number> = {
  scheduled: COLORS.accent,
  ongoing: COLORS.live,
  finished: COLORS.success,
  failed: COLORS.textMuted,
  series: COLORS.surfaceRaised,
}

/**
 * One line of the recordings list: a recording (state, title, channel, date, time, duration,
 * resume progress, protection or the day it is deleted automatically) or a folded series.
 * Focus shows as a brighter surface and a bar in the focus colour on the left.
 */
export class RecordingRow
  extends Lightning.Component<RecordingRowTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<RecordingRowTemplateSpec>
{
  readonly Marker = this.getByRef('Marker')!
  readonly Badge = this.getByRef('Badge')!
  readonly BadgeLabel = this.Badge.getByRef('Label')!
  readonly Title = this.getByRef('Title')!
  readonly Meta = this.getByRef('Meta')!
  readonly Progress = this.getByRef('Progress')!
  readonly ProgressFill = this.Progress.getByRef('Fill')!
  readonly Protected = this.getByRef('Protected')!
  readonly Expiry = this.getByRef('Expiry')!
  private _model: RowModel | undefined

  static override _template(): Lightning.Component.Template<RecordingRowTemplateSpec> {
    const caption = { fontFace: FONT.regular, fontSize: TYPE.caption, textColor: COLORS.textDim }
    return {
      ...rowFrame(ROW_WIDTH, ROW_HEIGHT - SPACE.xs),
      Badge: statusPill(SPACE.l, 20, 190, 44),
      Title: {
        x: TEXT_X,
        y: 14,
        text: {
          text: '',
          fontFace: FONT.semibold,
          fontSize: TYPE.body,
          textColor: COLORS.text,
          wordWrapWidth: MIDDLE_W,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
      Meta: {
        x: TEXT_X,
        y: 58,
        text: { text: '', ...caption, wordWrapWidth: MIDDLE_W, maxLines: 1, textOverflow: 'ellipsis' },
      },
      Progress: {
        x: TEXT_X,
        y: ROW_HEIGHT - SPACE.xs - 9,
        w: MIDDLE_W,
        h: 6,
        rect: true,
        color: COLORS.surfaceRaised,
        visible: false,
        Fill: { h: 6, rect: true, color: COLORS.focus },
      },
      Protected: {
        x: ROW_WIDTH - SPACE.l,
        y: 14,
        mountX: 1,
        text: { text: '', fontFace: FONT.semibold, fontSize: TYPE.caption, textColor: COLORS.success },
      },
      Expiry: {
        x: ROW_WIDTH - SPACE.l,
        y: 58,
        mountX: 1,
        text: {
          text: '',
          ...caption,
          textColor: COLORS.textMuted,
          textAlign: 'right',
          wordWrapWidth: RIGHT_W,
        },
      },
    }
  }

  get model(): RowModel | undefined {
    return this._model
  }
  set model(value: RowModel | undefined) {
    this._model = value
    this._update()
  }

  /** Voice guidance: "Recorded, The Village" (the list adds "3 of 40"). */
  announce(): Speech {
    return this._model ? recordingRowSpeech(this._model) : undefined
  }

  announceDetail(): Speech {
    const m = this._model
    if (!m) return undefined
    const when =
      m.kind === 'series'
        ? ''
        : `${formatDay(m.recording.start)}, ${formatTimeRange(m.recording.start, m.recording.end)}`
    return recordingRowDetail(m, when)
  }

  override _focus(): void {
    showRowFocus(this, this.Marker, true)
  }

  override _unfocus(): void {
    showRowFocus(this, this.Marker, false)
  }

  private _update(): void {
    const m = this._model
    if (!m) return
    if (m.kind === 'series') {
      this.Badge.color = BADGE.series ?? COLORS.surfaceRaised
      this.BadgeLabel.patch({ text: { text: t('recordings.series') } })
      this.Title.patch({ text: { text: `${m.title}  ›` } })
      this.Meta.patch({
        text: {
          text: `${m.channel} · ${t('recordings.series.summary', {
            episodes: m.episodes,
            recorded: m.counts.recorded,
            ongoing: m.counts.ongoing,
            scheduled: m.counts.scheduled,
          })}`,
        },
      })
      this.Progress.visible = false
      this.Protected.patch({
        text: {
          text: m.willNotFit ? t('recordings.series.willNotFit') : '',
          textColor: COLORS.warning,
        },
      })
      this.Expiry.patch({ text: { text: t('recordings.series.open'), textColor: COLORS.textMuted } })
      return
    }
    const r = m.recording
    this.Badge.color = BADGE[m.state] ?? COLORS.accent
    this.BadgeLabel.patch({ text: { text: t(`recordings.state.${m.state}`) } })
    this.Title.patch({ text: { text: say(rowTitle(r, m.inSeries === true)) } })
    this.Meta.patch({
      text: {
        text: [
          m.channel,
          formatDay(r.start),
          formatTimeRange(r.start, r.end),
          formatDuration(r.end - r.start),
        ].join(' · '),
      },
    })
    const progress = m.progress
    this.Progress.visible = progress !== undefined
    if (progress !== undefined) this.ProgressFill.w = Math.max(6, Math.round(MIDDLE_W * progress))
    this.Protected.patch({
      text: {
        text: r.protected
          ? `● ${t('recordings.protected')}`
          : progress !== undefined
            ? t('recordings.watched', { percent: Math.round(progress * 100) })
            : '',
        textColor: r.protected ? COLORS.success : COLORS.textDim,
      },
    })
    this.Expiry.patch({
      text: {
        textColor: m.state === 'failed' ? COLORS.danger : COLORS.textMuted,
        text:
          m.state === 'failed'
            ? say(failurePhrase(r))
            : m.expiresAt === null
              ? t('recordings.keptProtected')
              : t('recordings.expires', { date: formatDate(m.expiresAt) }),
      },
    })
  }
}
