import type { UnixSeconds } from './time'

/** Where the user stopped watching something (a recording, a catch-up programme...). */
export interface Resume {
  contentId: string
  /** Seconds from the start. */
  position: number
  updatedAt: UnixSeconds
}
