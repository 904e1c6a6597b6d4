import * as v from 'valibot'
import {
  patchProblems,
  type SubscriptionPackage,
  type SubscriptionSettings,
  type SubscriptionSettingsPatch,
} from '../domain/subscription'
import { apiError, type ErrorBody } from './errors'
import { loggerOf, type ClientDeps } from './envelope'
import type { CallOptions } from './transport'
import { anyList, bool, id, num, parseDocument, parseItems } from './validate'

/** Document 002's dates: ISO 8601 strings (Unix seconds or milliseconds accepted too). */
const date = v.pipe(
  v.union([v.string(), v.number()]),
  v.transform((x) =>
    typeof x === 'number' ? (x > 1e11 ? Math.floor(x / 1000) : x) : Math.floor(Date.parse(x) / 1000),
  ),
  v.check((s) => Number.isFinite(s), 'Not a date'),
)

const packageSchema = v.pipe(
  v.looseObject({ _id: id, start: v.nullish(date), end: v.optional(v.nullable(date)) }),
  v.transform(
    (p): SubscriptionPackage => ({
      id: p._id,
      ...(p.start != null ? { start: p.start } : {}),
      ...(p.end !== undefined ? { end: p.end } : {}),
    }),
  ),
)

const settingsSchema = v.looseObject({
  _id: v.nullish(id),
  nPvr: v.nullish(
    v.looseObject({
      override: v.nullish(bool, false),
      enabled: v.nullish(bool),
      storage: v.nullish(num),
      autoExpireDays: v.nullish(num),
    }),
    { override: false },
  ),
  scrub: v.nullish(
    v.looseObject({
      override: v.nullish(bool, false),
      forward: v.nullish(bool),
      backward: v.nullish(bool),
      // Document 002's own example writes "backwars".
      backwars: v.nullish(bool),
      pause: v.nullish(bool),
    }),
    { override: false },
  ),
  packages: v.nullish(anyList, []),
})

const defined = <K extends string, T>(key: K, value: T | null | undefined): Partial<Record<K, T>> =>
  value === null || value === undefined ? {} : ({ [key]: value } as Record<K, T>)

/** Codes of document 002's table (and the simulator's) that name no field. */
const NOT_FIELDS = new Set([
  'access_denied',
  'internal_error',
  'not_found',
  'bad_request',
  'bad_json',
  'fault',
  'invalid',
])

const errorSchema = v.looseObject({
  code: v.optional(v.union([v.string(), v.number()])),
  message: v.optional(v.string()),
})

/** `{code, message}`: the table's "Message" column is the code, and mostly names the field refused. */
export const readRestError = (body: unknown): ErrorBody | undefined => {
  const parsed = v.safeParse(errorSchema, body)
  if (!parsed.success) return undefined
  const { code, message } = parsed.output
  return {
    ...(code !== undefined ? { code } : {}),
    ...(typeof code === 'string' && !NOT_FIELDS.has(code) ? { field: code } : {}),
    ...(message !== undefined ? { reason: message } : {}),
  }
}

const iso = (unixSeconds: number): string => new Date(unixSeconds * 1000).toISOString()

/** The wire body of a patch: only what it sets; `packages` complete, as document 002 requires. */
export const patchBody = (patch: SubscriptionSettingsPatch): Record<string, unknown> => {
  const body: Record<string, unknown> = {}
  if (patch.nPvr) {
    const n = patch.nPvr
    body.nPvr = {
      ...(n.override !== undefined ? { override: n.override } : {}),
      ...(n.enabled !== undefined ? { enabled: n.enabled } : {}),
      ...(n.storageHours !== undefined ? { storage: n.storageHours } : {}),
      ...(n.autoExpireDays !== undefined ? { autoExpireDays: n.autoExpireDays } : {}),
    }
  }
  if (patch.scrub) {
    const s = patch.scrub
    body.scrub = {
      ...(s.override !== undefined ? { override: s.override } : {}),
      ...(s.forward !== undefined ? { forward: s.forward } : {}),
      ...(s.backward !== undefined ? { backward: s.backward } : {}),
      ...(s.pause !== undefined ? { pause: s.pause } : {}),
    }
  }
  if (patch.packages) {
    body.packages = patch.packages.map((p) => ({
      _id: p.id,
      ...(p.start !== undefined ? { start: iso(p.start) } : {}),
      ...(p.end !== undefined ? { end: p.end === null ? null : iso(p.end) } : {}),
    }))
  }
  return body
}

/** Document 002, REST: a customer's subscription settings, read and updated, with typed errors. */
export const createSubscriptionClient = (deps: ClientDeps) => {
  const logger = loggerOf(deps)
  const readSettings = (raw: unknown): SubscriptionSettings => {
    const s = parseDocument(settingsSchema, raw, 'Subscription settings')
    const backward = s.scrub.backward ?? s.scrub.backwars
    return {
      ...defined('id', s._id),
      nPvr: {
        override: s.nPvr.override ?? false,
        ...defined('enabled', s.nPvr.enabled),
        ...defined('storageHours', s.nPvr.storage),
        ...defined('autoExpireDays', s.nPvr.autoExpireDays),
      },
      scrub: {
        override: s.scrub.override ?? false,
        ...defined('forward', s.scrub.forward),
        ...defined('backward', backward),
        ...defined('pause', s.scrub.pause),
      },
      packages: parseItems(packageSchema, s.packages, 'Subscription packages', logger),
    }
  }
  const path = (customerId: string): string => `iptv/subscription/${encodeURIComponent(customerId)}`

  return {
    getSettings: (customerId: string, options: CallOptions = {}): Promise<SubscriptionSettings> =>
      deps.transport.request({
        ...options,
        method: 'GET',
        path: path(customerId),
        readError: readRestError,
        read: readSettings,
      }),

    /** Refuses locally what the table would answer 422/409 to; not retried (it changes what the customer has). */
    updateSettings: (
      customerId: string,
      patch: SubscriptionSettingsPatch,
      options: CallOptions = {},
    ): Promise<SubscriptionSettings> => {
      const problem = patchProblems(patch)[0]
      if (problem) {
        const kind = problem.field === 'packages[]._id' ? 'conflict' : 'validation'
        return Promise.reject(
          apiError({ kind, reason: problem.message, field: problem.field, code: problem.field }),
        )
      }
      return deps.transport.request({
        ...options,
        method: 'POST',
        path: path(customerId),
        body: patchBody(patch),
        idempotent: false,
        readError: readRestError,
        read: readSettings,
      })
    },
  }
}

export type SubscriptionClient = ReturnType<typeof createSubscriptionClient>
