/**
 * Entry of the Firebolt chunk (lib/firebolt.js), built apart from the app bundle by
 * scripts/postbuild.mjs and loaded only on a Firebolt device (see sdk.ts).
 */
import { Accessibility, Device, Lifecycle, Localization } from '@firebolt-js/sdk'
import { FIREBOLT_SDK_GLOBAL, type FireboltSdk } from './sdk'

const sdk: FireboltSdk = { Accessibility, Device, Lifecycle, Localization }
;(window as unknown as Record<string, unknown>)[FIREBOLT_SDK_GLOBAL] = sdk
