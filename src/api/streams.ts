import * as v from 'valibot'
import { isPlaybackKind, type Playback, type PlaybackKind } from '../domain/playback'
import type { EnvelopeCall } from './envelope'
import type { CallOptions } from './transport'
import { bool, id, num, parseDocument, text } from './validate'

const scrubSchema = v.nullish(
  v.looseObject({ Pause: v.nullish(bool), Forward: v.nullish(bool), Backward: v.nullish(bool) }),
  {},
)

/**
 * Kanal's GetPlayback answer. The stream is `HlsURL` (the HLS master playlist; `URL` from an
 * operator that has not added it yet). It may be relative to the API base; once resolved, one
 * that is not http(s) is refused: it goes straight to the video element.
 */
const playbackSchema = (asked: PlaybackKind, resolveUrl: (url: string) => string) =>
  v.pipe(
    v.looseObject({
      PlaybackID: id,
      URL: v.nullish(v.string()),
      HlsURL: v.nullish(v.string()),
      Kind: v.nullish(v.string()),
      ChannelID: id,
      ChannelNumber: v.nullish(num, 0),
      ChannelName: text,
      ProgrammeID: v.nullish(id),
      RecordingID: v.nullish(id),
      Title: text,
      Start: num,
      End: num,
      Position: num,
      LiveEdge: v.nullish(num),
      ChannelScrub: scrubSchema,
    }),
    v.check((p) => p.End > p.Start, 'End must be after Start'),
    v.check((p) => (p.HlsURL ?? p.URL ?? '') !== '', 'HlsURL (or URL) is missing'),
    v.transform((p) => ({ ...p, stream: resolveUrl(p.HlsURL ?? p.URL ?? '') })),
    v.check((p) => /^https?:\/\//i.test(p.stream), 'HlsURL must be an http(s) URL'),
    v.transform(
      (p): Playback => ({
        playbackId: p.PlaybackID,
        url: p.stream,
        // A kind the server spells differently (or leaves out) is the one asked for.
        kind: typeof p.Kind === 'string' && isPlaybackKind(p.Kind) ? p.Kind : asked,
        channelId: p.ChannelID,
        channelNumber: p.ChannelNumber,
        channelName: p.ChannelName,
        ...(p.ProgrammeID != null ? { programmeId: p.ProgrammeID } : {}),
        ...(p.RecordingID != null ? { recordingId: p.RecordingID } : {}),
        title: p.Title,
        start: p.Start,
        end: p.End,
        position: Math.min(Math.max(p.Position, p.Start), p.End),
        liveEdge: p.LiveEdge ?? p.Position,
        channelScrub: {
          ...(p.ChannelScrub.Pause != null ? { pause: p.ChannelScrub.Pause } : {}),
          ...(p.ChannelScrub.Forward != null ? { forward: p.ChannelScrub.Forward } : {}),
          ...(p.ChannelScrub.Backward != null ? { backward: p.ChannelScrub.Backward } : {}),
        },
      }),
    ),
  )

const keepSchema = v.looseObject({ ExpiresAt: v.nullish(num) })

/**
 * GetPlayback and KeepPlayback (Kanal's own envelope methods, docs/API.md). Both only read or
 * extend a grant, so both may be retried.
 */
export const streamMethods = (call: EnvelopeCall, resolveUrl: (url: string) => string) => ({
  getPlayback: (kind: PlaybackKind, contentId: string, options: CallOptions = {}): Promise<Playback> =>
    call(
      'GetPlayback',
      { Kind: kind, ID: contentId },
      (c) => parseDocument(playbackSchema(kind, resolveUrl), c, 'GetPlayback Content'),
      { ...options, idempotent: true },
    ),

  keepPlayback: (playbackId: string, options: CallOptions = {}): Promise<{ expiresAt?: number }> =>
    call(
      'KeepPlayback',
      { PlaybackID: playbackId },
      (c) => {
        const k = parseDocument(keepSchema, c ?? {}, 'KeepPlayback Content')
        return k.ExpiresAt != null ? { expiresAt: k.ExpiresAt } : {}
      },
      { ...options, idempotent: true },
    ),
})
