import { Lightning } from '@lightningjs/sdk'
import { ConfirmDialog } from '../../../../src/ui/components/ConfirmDialog'
import { RecordingList } from '../../../../src/ui/recordings/RecordingList'
import { RecordingRow } from '../../../../src/ui/recordings/RecordingRow'
import { EmptyState } from '../../../../src/ui/recordings/EmptyState'
import type { RecordingRowModel, RowModel } from '../../../../src/state/recordings/recordingsView'
import { mount } from '../../../helpers/lightning'

const texts = (el: { text?: { text?: string } | null; children: unknown[] }): string[] => {
  const own = el.text?.text ? [el.text.text] : []
  return [...own, ...(el.children as (typeof el)[]).flatMap(texts)]
}

const row = (id: string, extra: Partial<RecordingRowModel> = {}): RowModel => ({
  kind: 'recording',
  id,
  recording: {
    id,
    programmeId: `p${id}`,
    channelId: 'c1',
    title: `Show ${id}`,
    start: 1_800_000_000,
    end: 1_800_003_600,
    state: 'finished',
    protected: false,
    expiresAt: null,
  },
  state: 'finished',
  channel: 'Kanal One',
  progress: undefined,
  expiresAt: 1_802_592_000,
  ...extra,
})

describe('the recordings list with the remote', () => {
  it('creates only the rows on screen, scrolls with the focus, and lets Up leave at the top', () => {
    const m = mount(RecordingList)
    const rows = Array.from({ length: 40 }, (_, i) => row(String(i)))
    m.subject.rows = rows
    expect(m.subject.Rows.children.length).toBe(5)
    m.press('Down', 'Down', 'Down', 'Down', 'Down', 'Down')
    expect((m.focused() as RecordingRow).model?.id).toBe('6')
    expect(m.subject.Rows.children.length).toBe(5)
    m.press('Up', 'Up', 'Up', 'Up', 'Up', 'Up', 'Up')
    expect(m.unhandled).toEqual(['Up'])
    m.destroy()
  })

  it('keeps the focus on the same recording when the list changes, and selects with OK', () => {
    const m = mount(RecordingList)
    const selected: string[] = []
    m.subject.onSelect = (r) => selected.push(r.id)
    m.subject.rows = [row('a'), row('b'), row('c')]
    m.press('Down', 'Down')
    m.subject.rows = [row('new'), row('a'), row('b'), row('c')]
    expect(m.subject.selected?.id).toBe('c')
    // The focused recording is deleted: the focus stays at its place.
    m.subject.rows = [row('new'), row('a'), row('b')]
    expect(m.subject.selected?.id).toBe('b')
    m.press('Enter')
    expect(selected).toEqual(['b'])
    m.destroy()
  })

  it('shows protection instead of the automatic deletion date', () => {
    const m = mount(RecordingList)
    const protectedRow = row('p', { expiresAt: null })
    if (protectedRow.kind === 'recording')
      protectedRow.recording = { ...protectedRow.recording, protected: true }
    m.subject.rows = [row('a'), protectedRow]
    const shown = texts(m.subject as never)
    // No translations in unit tests: the keys show.
    expect(shown.filter((s) => s === 'recordings.expires')).toHaveLength(1)
    expect(shown).toContain('recordings.keptProtected')
    expect(shown.some((s) => s.includes('recordings.protected'))).toBe(true)
    m.destroy()
  })
})

describe('the confirm dialog', () => {
  const ask = (m: ReturnType<typeof mount<ConfirmDialog>>, log: string[]) =>
    m.subject.ask({
      title: 'Delete?',
      body: 'For good.',
      confirmLabel: 'Delete',
      cancelLabel: 'Keep it',
      onConfirm: () => log.push('yes'),
      onCancel: () => log.push('no'),
    })

  it('has the safe answer focused, so OK at once keeps the recording', () => {
    const m = mount(ConfirmDialog)
    const log: string[] = []
    ask(m, log)
    expect(m.subject.visible).toBe(true)
    m.press('Enter')
    expect(log).toEqual(['no'])
    expect(m.subject.isOpen).toBe(false)
    m.destroy()
  })

  it('confirms with Right then OK; Back means no; other keys stay inside', () => {
    const m = mount(ConfirmDialog)
    const log: string[] = []
    ask(m, log)
    m.press('Right', 'Enter')
    ask(m, log)
    m.press('Up', 'Down', 'Back')
    expect(log).toEqual(['yes', 'no'])
    expect(m.unhandled).toEqual([])
    m.destroy()
  })
})

/** Stands where the App does for voice guidance: it hears what the empty state says again. */
class VoiceHost extends Lightning.Component<{ Empty: typeof EmptyState } & Lightning.Component.TemplateSpec> {
  readonly updates: unknown[] = []
  static override _template() {
    return { Empty: { type: EmptyState } }
  }
  get empty(): EmptyState {
    return this.tag('Empty') as EmptyState
  }
  override _getFocused(): Lightning.Component {
    return this.empty
  }
  $voiceUpdate(speech: unknown): void {
    this.updates.push(speech)
  }
}

describe('the recordings empty state with voice guidance', () => {
  it('says what happened while it has no button, and says it again when the news changes', () => {
    const m = mount(VoiceHost)
    const empty = m.subject.empty
    empty.show('Loading your recordings…', '', [])
    expect(empty.announce()).toEqual(['Loading your recordings…', ''])
    empty.show('Loading your recordings…', '', [])
    empty.show('Recordings are unavailable', 'Try again in a moment.', [
      { id: 'retry', label: 'Try again', run: () => undefined },
    ])
    expect(m.subject.updates).toEqual([
      ['Loading your recordings…', ''],
      ['Recordings are unavailable', 'Try again in a moment.'],
    ])
    m.destroy()
  })
})
