import { Lightning } from '@lightningjs/sdk'
import { licenceAdvice, ownedProducts } from '../../domain/licences'
import type { Rights } from '../../state/user/ports'
import { formatTime } from '../format'
import { t } from '../i18n'
import { LICENCE_ROW_H, LicenceRow } from '../store/LicenceRow'
import { COLORS } from '../theme'
import { ScrollList } from './ScrollList'
import { sectionIntro } from './sectionIntro'

interface PackagesSectionTemplateSpec extends Lightning.Component.TemplateSpec {
  Intro: object
  List: typeof ScrollList
}

export interface PackagesInput {
  rights: Rights | undefined
  offline: boolean
  fetchedAt: number | undefined
  now: number
  signedIn: boolean
}

/**
 * Packages: what the customer subscribes to (the user's licences of document 003, one per
 * package of document 002), with their status and start and end dates; newest state first.
 */
export class PackagesSection
  extends Lightning.Component<PackagesSectionTemplateSpec>
  implements Lightning.Component.ImplementTemplateSpec<PackagesSectionTemplateSpec>
{
  readonly Intro = this.getByRef('Intro')!
  readonly List = this.getByRef('List')!

  static override _template(): Lightning.Component.Template<PackagesSectionTemplateSpec> {
    return {
      Intro: sectionIntro(),
      List: { type: ScrollList, y: 70 },
    }
  }

  override _init(): void {
    this.List.rowHeight = LICENCE_ROW_H
    this.List.viewHeight = LICENCE_ROW_H * 4
  }

  get focusable(): boolean {
    return this.List.count > 0
  }

  show(input: PackagesInput): void {
    if (input.rights === undefined) {
      this.Intro.patch({ text: { text: t(input.offline ? 'account.packages.offline' : 'account.loading') } })
      this.List.setRows(LicenceRow, [])
      return
    }
    const rows = ownedProducts(input.rights.licences, input.rights.products, input.now).map((r) => ({
      ...r,
      advice: licenceAdvice(r.licence),
    }))
    const intro =
      rows.length === 0
        ? t('account.packages.none')
        : input.offline && input.fetchedAt !== undefined
          ? t('account.packages.offlineSince', { time: formatTime(Math.floor(input.fetchedAt / 1000)) })
          : t('account.packages.intro', { count: rows.length })
    this.Intro.patch({ text: { text: intro, textColor: input.offline ? COLORS.warning : COLORS.textDim } })
    this.List.setRows(LicenceRow, rows)
  }

  override _getFocused(): Lightning.Component {
    return this.List
  }
}
