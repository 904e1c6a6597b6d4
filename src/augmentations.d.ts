/**
 * Global typings for Lightning and the SDK: the remote keys of src/platform/keys.ts and the
 * events pages fire towards the App.
 */
import '@lightningjs/sdk'
import type { Menu } from './ui/shell/Menu'
import type { Avoid, ToastKind } from './ui/shell/Toast'
import type { Speech } from './ui/components/voice'

declare module '@lightningjs/sdk' {
  namespace Lightning {
    namespace Component {
      interface DefaultKeyHandlers {
        _handleMenu?(e: KeyboardEvent): boolean | void
        _handleDigit?(e: KeyboardEvent): boolean | void
        _handleChannelUp?(e: KeyboardEvent): boolean | void
        _handleChannelDown?(e: KeyboardEvent): boolean | void
        _handlePlayPause?(e: KeyboardEvent): boolean | void
        _handleRewind?(e: KeyboardEvent): boolean | void
        _handleFastForward?(e: KeyboardEvent): boolean | void
        _handleStop?(e: KeyboardEvent): boolean | void
        _handleRed?(e: KeyboardEvent): boolean | void
        _handleGreen?(e: KeyboardEvent): boolean | void
        _handleYellow?(e: KeyboardEvent): boolean | void
        _handleBlue?(e: KeyboardEvent): boolean | void
        _handleInfo?(e: KeyboardEvent): boolean | void
        /** The previous-channel key (platform/keys.ts). */
        _handleRecall?(e: KeyboardEvent): boolean | void
        /** OK held (a component's `longpress` config sets how long) and let go. */
        _handleEnterLong?(): boolean | void
        _handleEnterRelease?(e: KeyboardEvent): boolean | void
      }

      interface FireAncestorsMap {
        $askExit(): void
        /** The boot page is drawn: the rest of the app may load now. */
        $bootPageDrawn(): void
        $toast(message: string, kind?: ToastKind): void
        /**
         * The player's video shows (the App's background steps aside) or not; `keepClear` is the
         * band its OSD takes, which toasts stay out of.
         */
        $videoShown(shown: boolean, keepClear?: Avoid): void
        /** Voice guidance: what is focused now says this (the focus did not move). */
        $voiceUpdate(speech: Speech, detail?: Speech): void
      }
    }
  }

  namespace Router {
    interface CustomWidgets {
      Menu: typeof Menu
    }
  }
}
