import { buildKeyMap, digitOf, KEY_BINDINGS, RemoteKey } from '../../../src/platform/keys'

describe('remote key map', () => {
  const map = buildKeyMap()
  const name = (code: number): RemoteKey | undefined => map[code]

  it('maps the desktop keys of the README', () => {
    expect([37, 38, 39, 40].map(name)).toEqual(['Left', 'Up', 'Right', 'Down'])
    expect(name(13)).toBe('Enter')
    expect(name(8)).toBe('Back') // Backspace
    expect(name(27)).toBe('Back') // Escape (Lightning's default maps it to Menu)
    expect(name(77)).toBe('Menu') // m
    expect(name(33)).toBe('ChannelUp') // PageUp
    expect(name(34)).toBe('ChannelDown') // PageDown
    expect(name(32)).toBe('PlayPause') // Space
    expect(name(188)).toBe('Rewind')
    expect(name(190)).toBe('FastForward')
    expect([112, 113, 114, 115].map(name)).toEqual(['Red', 'Green', 'Yellow', 'Blue'])
  })

  it('maps the usual TV key codes to the same names', () => {
    expect([403, 404, 405, 406].map(name)).toEqual(['Red', 'Green', 'Yellow', 'Blue'])
    expect(name(461)).toBe('Back') // webOS
    expect(name(10009)).toBe('Back') // Tizen
    expect(name(415)).toBe('PlayPause')
    expect(name(19)).toBe('PlayPause')
    expect(name(412)).toBe('Rewind')
    expect(name(417)).toBe('FastForward')
    expect(name(427)).toBe('ChannelUp')
    expect(name(428)).toBe('ChannelDown')
  })

  it('maps every digit of the top row and of the keypad', () => {
    for (let d = 0; d <= 9; d++) {
      expect(name(48 + d)).toBe('Digit')
      expect(name(96 + d)).toBe('Digit')
      expect(digitOf({ keyCode: 48 + d })).toBe(d)
      expect(digitOf({ keyCode: 96 + d })).toBe(d)
    }
    expect(digitOf({ keyCode: 65 })).toBeNull()
  })

  it('refuses a key code bound to two names', () => {
    const clash = [...KEY_BINDINGS, { key: 'Info' as const, desktop: ['x'], codes: [13] }]
    expect(() => buildKeyMap(clash)).toThrow(/13 bound twice/)
  })
})
