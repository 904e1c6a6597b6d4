import { slotTitle } from '../../../../src/ui/guide/cellTitle'
import { lockedDetails } from '../../../../src/ui/guide/lockedDetails'
import { parentalLockLook } from '../../../../src/ui/player/parentalLockLooks'
import { parentalRowLook } from '../../../../src/ui/account/parentalRow'
import { parentalWrongPhrase } from '../../../../src/ui/components/parentalPin'
import type { Programme } from '../../../../src/domain/guide'

const T = 1_750_000_000
const programme: Programme = {
  id: 'p1',
  channelId: 'ch10',
  title: 'Night Film',
  start: T,
  end: T + 3600,
  description: 'What a child should not read',
  categories: [],
  rating: 18,
}
const slot = { kind: 'programme' as const, start: T, end: T + 3600, programme }

describe('what the parental lock shows', () => {
  it('the guide cell: "Locked programme" instead of the title while locked, the title otherwise', () => {
    const looks = { gapText: 'No information', lockedProgrammeText: 'Locked programme' }
    expect(slotTitle(slot, { ...looks, isLocked: () => true })).toEqual({
      text: 'Locked programme',
      untitled: false,
      locked: true,
    })
    expect(slotTitle(slot, { ...looks, isLocked: () => false })).toEqual({
      text: 'Night Film',
      untitled: false,
      locked: false,
    })
    // A grid without the lock's words (a test, the bench) shows titles.
    expect(slotTitle(slot, { gapText: 'No information' }).text).toBe('Night Film')
  })

  it('the details page: where and when, why; never the title or description', () => {
    const look = lockedDetails(programme, { number: 10, name: 'Kanal Comedy' })
    expect(look.title).toEqual({ key: 'parental.locked', values: undefined })
    expect(look.reason).toEqual({ key: 'programme.refusal.parental', values: { age: 18 } })
    const shown = JSON.stringify(look)
    expect(shown).not.toContain('Night Film')
    expect(shown).not.toContain('child')
    expect(look.lines[0]).toMatch(/^10 {2}Kanal Comedy {2}· /)
  })

  it('the player: the channel, the rating and the box limit, and the way on', () => {
    const look = parentalLockLook({
      programmeId: 'p1',
      rating: 18,
      channel: { number: 10, name: 'Kanal Comedy' },
      control: { enabled: true, maxRating: 16, pinEnabled: true },
    })
    expect(look.title).toEqual({ key: 'parental.player.title', values: { channel: '10  Kanal Comedy' } })
    expect(look.text).toEqual([
      { key: 'parental.player.why', values: { age: 18, limit: 16 } },
      { key: 'parental.player.keys', values: undefined },
    ])
    expect(look.action.key).toBe('parental.player.unlock')
    const unknown = parentalLockLook({ programmeId: 'p1', rating: 18, control: undefined })
    expect(unknown.title.key).toBe('parental.locked')
    expect(unknown.text[0]).toEqual({ key: 'parental.rated', values: { age: 18 } })
  })

  it('a wrong PIN: the tries left before the shared PIN locks', () => {
    expect(parentalWrongPhrase(2)).toEqual({ key: 'parental.pin.wrongLeft', values: { count: 2 } })
    expect(parentalWrongPhrase(1).key).toBe('parental.pin.wrongLast')
    expect(parentalWrongPhrase(undefined).key).toBe('store.pin.wrong')
  })

  it('the Preferences row: on with the limit, off, a limit being chosen, the PIN off', () => {
    const on = { enabled: true, maxRating: 16, pinEnabled: true }
    expect(parentalRowLook(on, 16)).toEqual({
      value: { key: 'account.parental.on', values: { age: 16 } },
      note: { key: 'account.parental.hint', values: undefined },
      dirty: false,
    })
    expect(parentalRowLook({ ...on, enabled: false }, 16).value.key).toBe('account.parental.off')
    expect(parentalRowLook(on, 12)).toMatchObject({
      value: { key: 'account.parental.limit', values: { age: 12 } },
      dirty: true,
    })
    expect(parentalRowLook({ ...on, pinEnabled: false }, 16).note.key).toBe('account.parental.pinOff')
  })
})
