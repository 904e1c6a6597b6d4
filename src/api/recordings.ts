import * as v from 'valibot'
import {
  recordingExpiry,
  type Recording,
  type RecordingList,
  type RecordingFailure,
  type RecordingState,
} from '../domain/recordings'
import type { ApiLogger } from './logger'
import type { EnvelopeCall } from './envelope'
import type { CallOptions } from './transport'
import { anyList, bool, enumByName, id, num, parseDocument, parseItems, text } from './validate'

const STATES: Record<string, Exclude<RecordingState, 'unknown'>> = {
  scheduled: 'scheduled',
  ongoing: 'ongoing',
  finished: 'finished',
  failed: 'failed',
}

/** GetRecordings' FailureReason (Kanal's own method; docs/API.md). */
const FAILURES: Record<string, Exclude<RecordingFailure, 'unknown'>> = {
  nospace: 'noSpace',
  channelunavailable: 'channelUnavailable',
  operatorerror: 'operatorError',
}

/**
 * A recording. `autoExpireDays` (from the list) fills in an ExpiresAt the server leaves out;
 * without it an absent ExpiresAt is null.
 */
export const recordingSchema = (autoExpireDays?: number) =>
  v.pipe(
    v.looseObject({
      ID: id,
      ChannelID: id,
      ProgrammeID: id,
      Title: text,
      Start: num,
      End: num,
      State: enumByName(STATES),
      Protected: v.nullish(bool, false),
      SeriesID: v.nullish(id),
      Episode: v.nullish(v.union([v.string(), v.pipe(v.number(), v.transform(String))])),
      FailureReason: v.nullish(enumByName(FAILURES)),
      ExpiresAt: v.optional(v.nullable(num)),
      CreatedAt: v.nullish(num),
    }),
    v.check((r) => r.End >= r.Start, 'End must not be before Start'),
    v.transform((r): Recording => {
      const expiresAt =
        r.ExpiresAt !== undefined
          ? r.ExpiresAt
          : autoExpireDays !== undefined
            ? recordingExpiry({ end: r.End, protected: r.Protected }, autoExpireDays)
            : null
      return {
        id: r.ID,
        programmeId: r.ProgrammeID,
        channelId: r.ChannelID,
        title: r.Title,
        start: r.Start,
        end: r.End,
        state: r.State,
        protected: r.Protected,
        ...(r.SeriesID != null ? { seriesId: r.SeriesID } : {}),
        ...(r.Episode != null && r.Episode !== '' ? { episode: r.Episode } : {}),
        ...(r.State === 'failed' ? { failure: r.FailureReason ?? 'unknown' } : {}),
        expiresAt,
        ...(r.CreatedAt != null ? { createdAt: r.CreatedAt } : {}),
      }
    }),
  )

const listSchema = v.looseObject({
  Recordings: anyList,
  Quota: v.looseObject({ AllowedHours: num, UsedHours: num, ScheduledHours: v.nullish(num, 0) }),
  AutoExpireDays: num,
})

const readList = (content: unknown, logger: ApiLogger): RecordingList => {
  const list = parseDocument(listSchema, content, 'GetRecordings Content')
  return {
    recordings: parseItems(recordingSchema(list.AutoExpireDays), list.Recordings, 'GetRecordings', logger),
    quota: {
      allowedHours: list.Quota.AllowedHours,
      usedHours: list.Quota.UsedHours,
      scheduledHours: list.Quota.ScheduledHours,
    },
    autoExpireDays: list.AutoExpireDays,
  }
}

const addedSchema = v.looseObject({ Recordings: anyList })
const cancelledSchema = v.looseObject({ Cancelled: num })

/**
 * nPVR recordings (Kanal's own envelope methods). Only reads and ProtectRecording (setting a
 * value) are retried; adding, cancelling and deleting are not, a repeat could act twice.
 */
export const recordingMethods = (call: EnvelopeCall, logger: ApiLogger) => ({
  getRecordings: (options: CallOptions = {}): Promise<RecordingList> =>
    call('GetRecordings', {}, (c) => readList(c, logger), { ...options, idempotent: true }),

  addRecording: (
    request: { programmeId: string; series?: boolean },
    options: CallOptions = {},
  ): Promise<Recording[]> =>
    call(
      'AddRecording',
      { ProgrammeID: request.programmeId, ...(request.series ? { Series: true } : {}) },
      (c) =>
        parseItems(
          recordingSchema(),
          parseDocument(addedSchema, c, 'AddRecording Content').Recordings,
          'AddRecording',
          logger,
        ),
      { ...options, idempotent: false },
    ),

  cancelRecording: (recordingId: string, options: CallOptions = {}): Promise<void> =>
    call('CancelRecording', { RecordingID: recordingId }, () => undefined, { ...options, idempotent: false }),

  cancelSeries: (seriesId: string, options: CallOptions = {}): Promise<number> =>
    call(
      'CancelSeries',
      { SeriesID: seriesId },
      (c) => parseDocument(cancelledSchema, c, 'CancelSeries Content').Cancelled,
      {
        ...options,
        idempotent: false,
      },
    ),

  deleteRecording: (recordingId: string, options: CallOptions = {}): Promise<void> =>
    call('DeleteRecording', { RecordingID: recordingId }, () => undefined, { ...options, idempotent: false }),

  protectRecording: (recordingId: string, value: boolean, options: CallOptions = {}): Promise<Recording> =>
    call(
      'ProtectRecording',
      { RecordingID: recordingId, Protected: value },
      (c) => parseDocument(recordingSchema(), c, 'ProtectRecording Content'),
      { ...options, idempotent: true },
    ),
})
