import { Lightning } from '@lightningjs/sdk'
import { buildKeyMap, KEY_BINDINGS, RemoteKey } from '../../src/platform/keys'

/**
 * Mounts one component in a real Lightning application under jsdom and presses remote keys on
 * it through window keydown events, the way a set-top box delivers them.
 */
export interface Mounted<T> {
  app: Lightning.Application
  subject: T
  press(...keys: RemoteKey[]): void
  pressCode(keyCode: number): void
  focused(): Lightning.Element | undefined
  /** Keys that nothing in the component consumed, in order: they reached the application. */
  unhandled: RemoteKey[]
  destroy(): void
}

const codeFor = (key: RemoteKey): number => {
  const binding = KEY_BINDINGS.find((b) => b.key === key)
  const code = binding?.codes[0]
  if (code === undefined) throw new Error(`no key code for ${key}`)
  return code
}

export const mount = <T extends Lightning.Component>(
  type: Lightning.Component.Constructor<T>,
  props: Record<string, unknown> = {},
): Mounted<T> => {
  const keyMap = buildKeyMap()
  const unhandled: RemoteKey[] = []
  class TestApp extends Lightning.Application {
    static override _template() {
      return { Subject: { type, ...props } }
    }
    override _getFocused() {
      return this.tag('Subject') as Lightning.Component
    }
    override _handleKey(e: KeyboardEvent) {
      const key = keyMap[e.keyCode]
      if (key) unhandled.push(key)
    }
  }
  const app = new TestApp({
    stage: { w: 1920, h: 1080, clearColor: 0x00000000, canvas2d: false, useImageWorker: false },
    debug: false,
    keys: keyMap,
  } as Lightning.Application.Options)
  const subject = app.tag('Subject') as unknown as T

  const pressCode = (keyCode: number): void => {
    window.dispatchEvent(new KeyboardEvent('keydown', { keyCode } as KeyboardEventInit))
    window.dispatchEvent(new KeyboardEvent('keyup', { keyCode } as KeyboardEventInit))
  }
  return {
    app,
    subject,
    pressCode,
    press: (...keys) => keys.forEach((k) => pressCode(codeFor(k))),
    focused: () => {
      const path = app.focusPath ?? []
      return path[path.length - 1]
    },
    unhandled,
    destroy: () => app.destroy(),
  }
}
