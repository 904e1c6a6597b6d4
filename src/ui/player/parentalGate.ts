import type { Programme } from '../../domain/guide'
import type { PlaybackKind } from '../../domain/playback'
import type { ProgrammeLookup } from '../../state/guide/guideService'
import type { PlayerLineup } from '../../state/player/lineup'

export interface GateSources {
  lineup: PlayerLineup | undefined
  /** The programme the grid already showed, by id. */
  programme(id: string): Programme | undefined
  lookUpProgramme(id: string): Promise<ProgrammeLookup>
  /** A recording's programme id, from the recordings list. */
  recordingProgramme(recordingId: string): string | undefined
  nowSeconds(): number
}

const byId = async (sources: GateSources, id: string): Promise<Programme | undefined> => {
  const known = sources.programme(id)
  if (known) return known
  const lookup = await sources.lookUpProgramme(id)
  return lookup.kind === 'found' ? lookup.details.programme : undefined
}

/**
 * The programme a playback would show, found before any stream is asked for, so that the
 * parental lock can stand in front of it: what is on now for live, the programme itself for
 * start-over and catch-up, a recording's programme. Undefined when it cannot be known (the
 * guide has nothing there, or cannot be reached): the operator's rating is then unknown too.
 */
export const programmeToPlay = async (
  kind: PlaybackKind,
  id: string,
  sources: GateSources,
): Promise<Programme | undefined> => {
  try {
    if (kind === 'live') {
      const nowNext = await sources.lineup?.nowNext([id], sources.nowSeconds())
      return nowNext?.get(id)?.now
    }
    if (kind === 'recording') {
      const programmeId = sources.recordingProgramme(id)
      return programmeId === undefined ? undefined : await byId(sources, programmeId)
    }
    return await byId(sources, id)
  } catch {
    return undefined
  }
}
