import { Lightning } from '@lightningjs/sdk'
import type { QuotaUse, SeriesShortfall } from '../../domain/recordings'
import { COLORS, FONT, TYPE } from '../theme'
import { t } from '../i18n'

export const QUOTA_WIDTH = 760

interface QuotaBarTemplateSpec extends Lightning.Component.TemplateSpec {
  Title: object
  Summary: object
  Track: { Used: object; Scheduled: object }
  Warning: object
}

const hours = (h: number): string => (Math.round(h * 10) / 10).toLocaleString()

/**
 * nPVR storage in hours: used (recorded), scheduled (still to record) and free, as a bar and in
 * words, with a warning when a scheduled series will not fit. Display only: it never takes focus.
 */
export class QuotaBar
  extends Lightning.Component<QuotaBarTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<QuotaBarTemplateSpec>
{
  readonly Title = this.getByRef('Title')!
  readonly Summary = this.getByRef('Summary')!
  readonly Track = this.getByRef('Track')!
  readonly Used = this.Track.getByRef('Used')!
  readonly Scheduled = this.Track.getByRef('Scheduled')!
  readonly Warning = this.getByRef('Warning')!

  static override _template(): Lightning.Component.Template<QuotaBarTemplateSpec> {
    return {
      w: QUOTA_WIDTH,
      Title: {
        text: { text: '', fontFace: FONT.semibold, fontSize: TYPE.caption, textColor: COLORS.text },
      },
      Summary: {
        x: QUOTA_WIDTH,
        mountX: 1,
        text: { text: '', fontFace: FONT.regular, fontSize: 24, textColor: COLORS.textDim },
      },
      Track: {
        y: 42,
        w: QUOTA_WIDTH,
        h: 14,
        rect: true,
        color: COLORS.surfaceRaised,
        Used: { h: 14, rect: true, color: COLORS.accent },
        Scheduled: { h: 14, rect: true, color: 0xff8fb8ff },
      },
      Warning: {
        y: 66,
        text: {
          text: '',
          fontFace: FONT.semibold,
          fontSize: 24,
          textColor: COLORS.warning,
          wordWrapWidth: QUOTA_WIDTH,
          maxLines: 1,
          textOverflow: 'ellipsis',
        },
      },
    }
  }

  show(quota: QuotaUse, shortfalls: readonly SeriesShortfall[]): void {
    const allowed = Math.max(quota.allowedHours, 0.01)
    const usedW = Math.round((Math.min(quota.usedHours, allowed) / allowed) * QUOTA_WIDTH)
    const scheduledW = Math.min(
      QUOTA_WIDTH - usedW,
      Math.round((quota.scheduledHours / allowed) * QUOTA_WIDTH),
    )
    this.Title.patch({ text: { text: t('recordings.quota.title') } })
    this.Summary.patch({
      text: {
        text: t('recordings.quota.summary', {
          used: hours(quota.usedHours),
          scheduled: hours(quota.scheduledHours),
          free: hours(quota.leftHours),
          allowed: hours(quota.allowedHours),
        }),
      },
    })
    this.Used.w = usedW
    this.Scheduled.patch({ x: usedW, w: scheduledW })
    const first = shortfalls[0]
    this.Scheduled.color = first ? COLORS.warning : 0xff8fb8ff
    this.Warning.patch({
      text: {
        text: first
          ? t('recordings.quota.notFit', {
              title: first.title,
              episodes: first.episodes,
              hours: hours(first.hoursShort),
            })
          : '',
      },
    })
  }
}
