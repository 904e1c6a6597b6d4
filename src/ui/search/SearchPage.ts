import { Lightning, Router } from '@lightningjs/sdk'
import type { Subscription } from 'rxjs'
import { NO_CAPABILITIES } from '../../domain/channels'
import { canType, localDayOf, MAX_QUERY_LENGTH, type SearchResult } from '../../domain/search'
import type { GuideRights } from '../../state/guide/guideService'
import type { SearchView } from '../../state/search/guideSearch'
import { Keyboard } from '../components/Keyboard'
import {
  SEARCH_ARABIC_LAYOUT,
  SEARCH_LATIN_LAYOUT,
  type KeyId,
  type KeyboardLayout,
} from '../components/keyboardLayout'
import { PageTypeConfig } from '../components/PageTypeConfig'
import { appContext } from '../context'
import { say, t } from '../i18n'
import { to } from '../navigation'
import { COLORS, FONT, MENU_HEIGHT, RADIUS, SAFE, SPACE, TYPE } from '../theme'
import { resultLines, statusIsWarning, statusPhrase } from './searchLooks'
import { SearchResults } from './SearchResults'
import { searchUpdateSpeech } from './searchSpeech'

interface SearchPageTemplateSpec extends Lightning.Component.TemplateSpec {
  Title: object
  Field: { Value: object }
  Status: object
  Keyboard: typeof Keyboard
  Results: typeof SearchResults
}

const TOP = MENU_HEIGHT + SPACE.m
const KEYS_W = 970
const RESULTS_X = SAFE.x + KEYS_W + SPACE.xl
const RESULTS_Y = TOP + 90

/** The box's calendar: days begin at local midnight (the box's time zone). */
const boxDayOf = localDayOf((at) => -new Date(at * 1000).getTimezoneOffset() * 60)

/**
 * Search the guide with the remote: an on-screen keyboard (Latin or Arabic letters, the script
 * key switches), the results beside it as letters arrive, grouped by day with channel, times and
 * what the package allows. Typing never waits on the network: the state layer asks once typing
 * pauses. Right goes to the results, OK opens a programme's details.
 */
export class SearchPage
  extends Lightning.Component<SearchPageTemplateSpec, PageTypeConfig>
  implements Lightning.Component.ImplementTemplateSpec<SearchPageTemplateSpec>
{
  readonly Title = this.getByRef('Title')!
  readonly Field = this.getByRef('Field')!
  readonly Status = this.getByRef('Status')!
  readonly Keyboard = this.getByRef('Keyboard')!
  readonly Results = this.getByRef('Results')!
  private _typed = ''
  private _tooLong = false
  private _zone: 'keys' | 'results' = 'keys'
  private _view: SearchView | undefined
  private _rights: GuideRights | undefined
  private _subscriptions: Subscription[] = []
  private _drawn: { results: SearchView['results']; rights: GuideRights | undefined } | undefined

  static override _template(): Lightning.Component.Template<SearchPageTemplateSpec> {
    return {
      w: 1920,
      h: 1080,
      rect: true,
      color: COLORS.background,
      Title: {
        x: SAFE.x,
        y: TOP,
        text: { text: '', fontFace: FONT.bold, fontSize: TYPE.heading, textColor: COLORS.text },
      },
      Field: {
        x: SAFE.x,
        y: RESULTS_Y,
        w: KEYS_W,
        h: 84,
        rect: true,
        color: COLORS.surface,
        shader: {
          type: Lightning.shaders.RoundedRectangle,
          radius: RADIUS.s,
          stroke: 4,
          strokeColor: COLORS.focus,
        },
        Value: {
          // Children inherit a shader; the box's stroke must not outline the text.
          shader: null,
          x: SPACE.m,
          y: 44,
          mountY: 0.5,
          text: {
            text: '',
            fontFace: FONT.regular,
            fontSize: TYPE.body,
            textColor: COLORS.text,
            wordWrapWidth: KEYS_W - 2 * SPACE.m,
            maxLines: 1,
            textOverflow: 'ellipsis',
          },
        },
      },
      Status: {
        x: SAFE.x,
        y: RESULTS_Y + 100,
        text: {
          text: '',
          fontFace: FONT.semibold,
          fontSize: TYPE.caption,
          textColor: COLORS.textDim,
          wordWrapWidth: KEYS_W,
          maxLines: 2,
          textOverflow: 'ellipsis',
        },
      },
      Keyboard: { type: Keyboard, x: SAFE.x, y: RESULTS_Y + 190 },
      Results: { type: SearchResults, x: RESULTS_X, y: RESULTS_Y, w: 1920 - SAFE.x - RESULTS_X },
    }
  }

  override _init(): void {
    this.Keyboard.onKey = (key) => this._type(key)
    this.Results.viewHeight = 1080 - SAFE.y - RESULTS_Y
  }

  override _active(): void {
    const state = appContext().state
    this.Title.patch({ text: { text: t('search.title') } })
    // The search's own keys: Latin first, Arabic when the viewer switched to it before.
    this._labels(this.Keyboard.layout === SEARCH_ARABIC_LAYOUT ? SEARCH_ARABIC_LAYOUT : SEARCH_LATIN_LAYOUT)
    this._release()
    if (!state) return
    // The search keeps what was typed: back from a programme's details, the same results.
    this._typed = state.search.view.typed
    this._subscriptions.push(
      state.search.view$.subscribe((view) => this._show(view)),
      state.guide.rights$.subscribe((rights) => {
        this._rights = rights
        if (this._view) this._renderResults(this._view)
      }),
    )
  }

  override _inactive(): void {
    this._release()
  }

  private _release(): void {
    for (const s of this._subscriptions) s.unsubscribe()
    this._subscriptions = []
  }

  private _labels(layout: KeyboardLayout): void {
    this.Keyboard.specialLabels = {
      delete: t('search.key.delete'),
      space: t('search.key.space'),
      script: layout === SEARCH_ARABIC_LAYOUT ? t('search.key.latin') : t('search.key.arabic'),
    }
    if (this.Keyboard.layout !== layout) this.Keyboard.layout = layout
    else this.Keyboard.render()
  }

  private _type(key: KeyId): void {
    const state = appContext().state
    if (key === 'script') {
      this._labels(this.Keyboard.layout === SEARCH_ARABIC_LAYOUT ? SEARCH_LATIN_LAYOUT : SEARCH_ARABIC_LAYOUT)
      this.fireAncestors('$voiceUpdate', this.Keyboard.announce())
      return
    }
    // Only characters, space and delete type (the sign-in's special keys are not on these layouts).
    if (key === 'next' || key === 'submit') return
    let next = this._typed
    if (key === 'delete') next = next.slice(0, -1)
    else {
      const addition = key === 'space' ? ' ' : key
      if (key === 'space' && (next === '' || next.endsWith(' '))) return
      if (!canType(next, addition)) {
        // The keyboard stops at the operator's limit and says why.
        this._tooLong = true
        this._renderStatus()
        this.fireAncestors('$voiceUpdate', statusPhrase(this._viewOrEmpty(), true, MAX_QUERY_LENGTH))
        return
      }
      next += addition
    }
    this._tooLong = false
    this._typed = next
    this._renderField()
    state?.search.type(next)
  }

  private _viewOrEmpty(): SearchView {
    return this._view ?? { typed: this._typed, status: 'hint', query: '', results: [], more: false }
  }

  private _show(view: SearchView): void {
    const before = this._view
    this._view = view
    this._renderField()
    this._renderStatus()
    this._renderResults(view)
    if (view.results.length === 0 && this._zone === 'results') {
      this._zone = 'keys'
      this._refocus()
    }
    const words = searchUpdateSpeech(before, view, false, MAX_QUERY_LENGTH)
    if (words !== undefined && this.hasFocus()) this.fireAncestors('$voiceUpdate', words)
  }

  private _renderField(): void {
    this.Field.getByRef('Value')?.patch({ text: { text: `${this._typed}|` } })
  }

  private _renderStatus(): void {
    const view = this._viewOrEmpty()
    this.Status.patch({
      text: {
        text: say(statusPhrase(view, this._tooLong, MAX_QUERY_LENGTH)),
        textColor: statusIsWarning(view, this._tooLong) ? COLORS.warning : COLORS.textDim,
      },
    })
  }

  private _renderResults(view: SearchView): void {
    const state = appContext().state
    const rights = this._rights
    // Typing alone changes nothing in the list: it is drawn again only for new results or rights.
    if (!state || (this._drawn?.results === view.results && this._drawn.rights === rights)) return
    this._drawn = { results: view.results, rights }
    this.Results.show(
      resultLines(view.results, {
        now: state.clock.nowSeconds(),
        dayOf: boxDayOf,
        caps: (id) => rights?.entitlements.get(id) ?? NO_CAPABILITIES,
        catchupHours: (id) => state.guide.channel(id)?.catchupHours ?? 0,
      }),
    )
  }

  private _open(result: SearchResult): void {
    const { channelNumber: _n, channelName: _c, ...programme } = result
    void _n
    void _c
    // The details page finds it without asking the operator again.
    appContext().state?.guide.rememberProgramme(programme)
    Router.navigate(to.programme(result.id))
  }

  override _getFocused(): Lightning.Component {
    return this._zone === 'results' && this.Results.count > 0 ? this.Results : this.Keyboard
  }

  override _handleRight(): boolean | void {
    if (this._zone === 'keys' && this.Results.count > 0) {
      this._zone = 'results'
      this._refocus()
      return
    }
    return false
  }

  override _handleLeft(): boolean | void {
    if (this._zone === 'results') {
      this._zone = 'keys'
      this._refocus()
      return
    }
    return false
  }

  override _handleEnter(): boolean | void {
    const selected = this._zone === 'results' ? this.Results.selected : undefined
    if (!selected) return false
    this._open(selected)
  }

  override _handleBack(): boolean | void {
    if (this._zone === 'results') {
      this._zone = 'keys'
      this._refocus()
      return
    }
    return false
  }

  override _handleDigit(e: KeyboardEvent): void {
    const digit = e.keyCode >= 96 ? e.keyCode - 96 : e.keyCode - 48
    if (digit >= 0 && digit <= 9) this._type(String(digit))
  }

  override _handleUp(): void {
    Router.focusWidget('Menu')
  }

  override _handleMenu(): void {
    Router.focusWidget('Menu')
  }
}
