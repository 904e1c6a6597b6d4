import type { Programme } from '../../domain/guide'
import type { PlaybackKind } from '../../domain/playback'
import { appContext } from '../context'
import { programmeToPlay } from './parentalGate'
import { parentalLockLook, type ParentalLockLook } from './parentalLockLooks'

export type ParentalCheck =
  | { locked: false }
  | { locked: true; programme: Programme & { rating: number }; look: ParentalLockLook }

/** Whether what a playback would show is above the parental limit now, with the lock screen's words. */
export const checkParental = async (kind: PlaybackKind, id: string): Promise<ParentalCheck> => {
  const state = appContext().state
  const user = state?.user
  if (!state || !user) return { locked: false }
  // Nothing to look up (a guide request per zap) when the settings lock nothing anyway.
  if (user.parental.locksNothing()) return { locked: false }
  const programme = await programmeToPlay(kind, id, {
    lineup: state.player.lineup,
    programme: (pid) => state.guide.programme(pid),
    lookUpProgramme: (pid) => state.guide.lookUpProgramme(pid),
    recordingProgramme: (rid) =>
      user.recordings.current.data?.recordings.find((r) => r.id === rid)?.programmeId,
    nowSeconds: () => state.clock.nowSeconds(),
  })
  if (!programme || programme.rating === undefined || !user.parental.isLocked(programme))
    return { locked: false }
  const channel = state.guide.channel(programme.channelId)
  return {
    locked: true,
    programme: { ...programme, rating: programme.rating },
    look: parentalLockLook({
      programmeId: programme.id,
      rating: programme.rating,
      ...(channel ? { channel: { number: channel.number, name: channel.name } } : {}),
      control: user.parental.control.current.data,
    }),
  }
}
