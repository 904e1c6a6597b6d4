import type { Logger } from '../log'
import { createFireboltPlatform, type FireboltPlatform } from './platform'
import { isFireboltPresent } from './presence'
import { loadFireboltSdk } from './sdk'

export type { FireboltPlatform } from './platform'

/**
 * The Firebolt platform when the page runs on a Firebolt device, else undefined: in a plain
 * browser nothing is loaded and no Firebolt call is ever made.
 */
export const startFirebolt = (win: Window, log: Logger): FireboltPlatform | undefined =>
  isFireboltPresent(win) ? createFireboltPlatform(loadFireboltSdk(win.document), log) : undefined
