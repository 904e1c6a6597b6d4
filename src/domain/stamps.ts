import type { UnixSeconds } from './time'

/** Document 000's per-user change stamps. Each is treated on its own, even where the server moves them together. */
export interface Stamps {
  pins: UnixSeconds
  recordings: UnixSeconds
  rights: UnixSeconds
  services: UnixSeconds
  tags: UnixSeconds
}

export type StampName = keyof Stamps
export const STAMP_NAMES: readonly StampName[] = ['pins', 'recordings', 'rights', 'services', 'tags']

/** The stamps that differ between two readings; all of them when there was none before. */
export const changedStamps = (before: Stamps | undefined, after: Stamps): StampName[] =>
  STAMP_NAMES.filter((name) => before === undefined || before[name] !== after[name])
