import type { Capability } from '../../domain/channels'

/**
 * The one word for each capability on every screen (the store's grants, the guide's badges
 * and info panel): a viewer who learns "Recording" in the store finds it in the guide.
 */
export const CAPABILITY_LABEL: Readonly<Record<Capability, string>> = {
  live: 'capability.live',
  catchup: 'capability.catchup',
  startover: 'capability.startover',
  npvr: 'capability.npvr',
}
