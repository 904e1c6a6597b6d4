/**
 * The remote-control key map: keyboard keys on a desktop and the usual TV key codes
 * (HbbTV/webOS/Tizen/RDK) both land on the same Lightning key names, so a page only ever
 * handles `_handleBack`, `_handleRed`, `_handleDigit`, ...
 */
export type RemoteKey =
  | 'Up'
  | 'Down'
  | 'Left'
  | 'Right'
  | 'Enter'
  | 'Back'
  | 'Menu'
  | 'Digit'
  | 'ChannelUp'
  | 'ChannelDown'
  | 'PlayPause'
  | 'Rewind'
  | 'FastForward'
  | 'Stop'
  | 'Red'
  | 'Green'
  | 'Yellow'
  | 'Blue'
  | 'Info'
  | 'Recall'

export interface KeyBinding {
  key: RemoteKey
  /** What a person presses on a desktop keyboard (for the README and the help screen). */
  desktop: string[]
  /** keyCodes that produce it. */
  codes: number[]
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i)

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { key: 'Up', desktop: ['ArrowUp'], codes: [38] },
  { key: 'Down', desktop: ['ArrowDown'], codes: [40] },
  { key: 'Left', desktop: ['ArrowLeft'], codes: [37] },
  { key: 'Right', desktop: ['ArrowRight'], codes: [39] },
  { key: 'Enter', desktop: ['Enter'], codes: [13] },
  // 461 webOS, 10009 Tizen, 166 BrowserBack.
  { key: 'Back', desktop: ['Backspace', 'Escape'], codes: [8, 27, 461, 10009, 166] },
  // 10133 Tizen menu, 462 webOS "home/menu".
  { key: 'Menu', desktop: ['m', 'Home'], codes: [77, 36, 10133, 462] },
  { key: 'Digit', desktop: ['0-9', 'numpad 0-9'], codes: [...range(48, 57), ...range(96, 105)] },
  { key: 'ChannelUp', desktop: ['PageUp'], codes: [33, 427, 175] },
  { key: 'ChannelDown', desktop: ['PageDown'], codes: [34, 428, 174] },
  // 179 MediaPlayPause, 250 RDK, 415 Play, 19 Pause.
  { key: 'PlayPause', desktop: ['Space', 'p'], codes: [32, 80, 179, 250, 415, 19] },
  // 412/417 HbbTV, 227/228 RDK.
  { key: 'Rewind', desktop: [','], codes: [188, 412, 227] },
  { key: 'FastForward', desktop: ['.'], codes: [190, 417, 228] },
  { key: 'Stop', desktop: ['s'], codes: [83, 413, 178] },
  // The four colour keys: 403-406 on HbbTV, webOS and Tizen.
  { key: 'Red', desktop: ['F1', 'r'], codes: [112, 82, 403] },
  { key: 'Green', desktop: ['F2', 'g'], codes: [113, 71, 404] },
  { key: 'Yellow', desktop: ['F3', 'y'], codes: [114, 89, 405] },
  { key: 'Blue', desktop: ['F4', 'b'], codes: [115, 66, 406] },
  { key: 'Info', desktop: ['i'], codes: [73, 457] },
  // Previous channel ("Last", "Recall", "PRE-CH"): 10190 Tizen PreviousChannel.
  { key: 'Recall', desktop: ['l'], codes: [76, 10190] },
]

/** keyCode -> Lightning key name, in the shape Lightning's `keys` option expects. */
export const buildKeyMap = (bindings: readonly KeyBinding[] = KEY_BINDINGS): Record<number, RemoteKey> => {
  const map: Record<number, RemoteKey> = {}
  for (const binding of bindings) {
    for (const code of binding.codes) {
      if (map[code] !== undefined) {
        throw new Error(`key code ${code} bound twice (${map[code]} and ${binding.key})`)
      }
      map[code] = binding.key
    }
  }
  return map
}

/** The digit a Digit key event carries (top row or numeric keypad), or null. */
export const digitOf = (event: { keyCode: number }): number | null => {
  const { keyCode } = event
  if (keyCode >= 48 && keyCode <= 57) return keyCode - 48
  if (keyCode >= 96 && keyCode <= 105) return keyCode - 96
  return null
}
