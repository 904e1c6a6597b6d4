import type { Capabilities } from '../../domain/channels'
import type { Programme } from '../../domain/guide'
import type { Playback, PlaybackKind } from '../../domain/playback'
import type { Resume } from '../../domain/resumes'
import type { ScrubSettings } from '../../domain/subscription'

/**
 * What a playback session needs from the operator and the user's stores, in domain values.
 * The composition (playerPorts.ts) adapts the API clients and the user state; tests pass fakes.
 */
export interface PlayerPorts {
  /**
   * Resolves once the user's rights and resume points are known (or could not be had): the
   * player needs both to decide what trick-play may do and what to offer.
   */
  ready(): Promise<void>
  /** Checks the right and grants the stream (Kanal's GetPlayback). */
  getPlayback(kind: PlaybackKind, id: string, signal: AbortSignal): Promise<Playback>
  /** The programme that follows `after` on a channel (its guide), if the guide has one. */
  nextProgramme(channelId: string, after: number): Promise<Programme | undefined>
  /** Renews the grant; refused when the right has gone (Kanal's KeepPlayback). */
  keepPlayback(playbackId: string): Promise<void>
  /** Document 002's scrubbing for the signed-in customer; undefined when it has none. */
  scrubSettings(): Promise<ScrubSettings | undefined>
  /** What the user may do with a channel now (from licences and products). */
  capabilities(channelId: string): Capabilities
  /** The user's resume points as last known (document 000's Tags). */
  resumes(): readonly Resume[]
  /** Saves a resume point to the operator (moves the Tags stamp). */
  saveResume(contentId: string, position: number): Promise<void>
}

/** How a failure is to be read; the API's error kinds behind a small interface. */
export interface FailureReader {
  kindOf(error: unknown): 'auth' | 'denied' | 'notFound' | 'network' | 'other'
}
