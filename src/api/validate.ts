import * as v from 'valibot'
import { protocolError } from './errors'
import type { ApiLogger } from './logger'

/**
 * Valibot helpers shared by the clients: strict where a document is clear, liberal where the
 * documents disagree (ids as numbers or strings, numbers sent as strings, unknown enum values).
 */
export type Schema<T> = v.GenericSchema<unknown, T>

const pathText = (issue: v.BaseIssue<unknown>): string =>
  (issue.path ?? [])
    .map((item, i) =>
      typeof item.key === 'number' ? `[${item.key}]` : `${i === 0 ? '' : '.'}${String(item.key)}`,
    )
    .join('')

const SECRET = /token|pin|password/i

/** Valibot quotes the value it received: never for a member that may hold a secret. */
const messageOf = (issue: v.BaseIssue<unknown>, path: string): string =>
  SECRET.test(path) ? `Invalid ${issue.kind === 'schema' ? 'type' : 'value'} (value hidden)` : issue.message

/** "Content.Recordings[3].Start: Invalid type: Expected number but received "x"", at most three issues. */
export const readableIssues = (issues: readonly v.BaseIssue<unknown>[]): string => {
  const shown = issues.slice(0, 3).map((issue) => {
    const path = pathText(issue)
    return `${path || '(document)'}: ${messageOf(issue, path)}`
  })
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : ''
  return shown.join('; ') + more
}

/** A document that does not match is a protocol error whose reason says where and why. */
export const parseDocument = <T>(schema: Schema<T>, value: unknown, what: string): T => {
  const result = v.safeParse(schema, value)
  if (result.success) return result.output
  throw protocolError(`${what} is malformed: ${readableIssues(result.issues)}`)
}

const MAX_REPORTED = 5

/**
 * The items of a list that match; each one that does not is dropped, and the drops are
 * reported in one log line (how many, and why for the first few), never the whole list lost.
 */
export const parseItems = <T>(
  schema: Schema<T>,
  items: readonly unknown[],
  what: string,
  logger: ApiLogger,
): T[] => {
  const kept: T[] = []
  const dropped: { index: number; reason: string }[] = []
  items.forEach((item, index) => {
    const result = v.safeParse(schema, item)
    if (result.success) kept.push(result.output)
    else dropped.push({ index, reason: readableIssues(result.issues) })
  })
  if (dropped.length > 0) {
    logger.warn(`${what}: dropped ${dropped.length} of ${items.length} malformed items`, {
      dropped: dropped.length,
      total: items.length,
      first: dropped.slice(0, MAX_REPORTED),
    })
  }
  return kept
}

/** A list member: any array (items are checked one by one with parseItems). */
export const anyList = v.array(v.unknown())

/** An id the documents send as a number (001) or a string (003, Kanal's own). */
export const id = v.union([v.pipe(v.string(), v.minLength(1)), v.pipe(v.number(), v.transform(String))])

/** A number, also when a server sends it as a numeric string. */
export const num = v.union([
  v.pipe(v.number(), v.finite()),
  v.pipe(
    v.string(),
    v.regex(/^\s*-?\d+(\.\d+)?\s*$/),
    v.transform((s) => Number(s)),
  ),
])

/** A boolean, also as 0/1. */
export const bool = v.union([
  v.boolean(),
  v.pipe(
    v.picklist([0, 1]),
    v.transform((n) => n === 1),
  ),
])

/** A text that may be absent or null: ''. */
export const text = v.nullish(v.string(), '')

/** An enum member, or 'unknown' for a value Kanal does not know (never a crash). */
export const enumOrUnknown = <const T extends string>(values: readonly T[]): Schema<T | 'unknown'> =>
  v.pipe(
    v.unknown(),
    v.transform((x): T | 'unknown' =>
      typeof x === 'string' && (values as readonly string[]).includes(x) ? (x as T) : 'unknown',
    ),
  )

/** Like enumOrUnknown, matching regardless of case and mapping onto Kanal's own spelling. */
export const enumByName = <const T extends string>(map: Readonly<Record<string, T>>): Schema<T | 'unknown'> =>
  v.pipe(
    v.unknown(),
    v.transform((x): T | 'unknown' =>
      typeof x === 'string' ? (map[x.toLowerCase()] ?? 'unknown') : 'unknown',
    ),
  )

/** Numbers of a list, dropping members that are not numbers (e.g. document 001's Upgrade). */
export const numberList = v.pipe(
  v.nullish(v.array(v.unknown()), []),
  v.transform((items) => items.filter((n): n is number => typeof n === 'number' && Number.isFinite(n))),
)
