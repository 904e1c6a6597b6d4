import * as v from 'valibot'
import { deserialise } from 'kitsu-core'
import type { ErrorBody } from './errors'
import type { ApiLogger } from './logger'
import { anyList, id, parseDocument, parseItems } from './validate'

/**
 * JSON:API 1.0 plumbing: the document and each resource are checked (a malformed resource is
 * dropped and reported), ids are made strings so that `included` resolves whatever the server
 * sent, and kitsu-core does the resolving and flattening.
 *
 * Beware of kitsu-core's flattening: attributes are copied onto the resource, so an attribute
 * named `type` (document 003's product type) replaces the resource type.
 */
const linkage = v.pipe(
  v.looseObject({ id, type: v.string() }),
  v.transform((l) => ({ ...l })),
)

const relationship = v.looseObject({
  data: v.optional(v.nullable(v.union([linkage, v.array(linkage)]))),
})

export const resourceSchema = v.looseObject({
  id,
  type: v.string(),
  attributes: v.optional(v.looseObject({})),
  relationships: v.optional(v.record(v.string(), relationship)),
})

const documentSchema = v.looseObject({
  data: v.union([v.array(v.unknown()), v.looseObject({})]),
  included: v.nullish(anyList, []),
})

export type Deserialised = { data: unknown }

/** Checks, cleans and resolves a JSON:API document; `what` names it in reports. */
export const readJsonApi = (raw: unknown, what: string, logger: ApiLogger): Deserialised => {
  const doc = parseDocument(documentSchema, raw, what)
  const included = parseItems(resourceSchema, doc.included, `${what} included`, logger)
  const data = Array.isArray(doc.data)
    ? parseItems(resourceSchema, doc.data, what, logger)
    : parseDocument(resourceSchema, doc.data, `${what} data`)
  const out: unknown = deserialise({ data, included })
  return out as Deserialised
}

const errorsSchema = v.looseObject({
  errors: v.pipe(
    v.array(
      v.looseObject({
        status: v.optional(v.union([v.string(), v.number()])),
        code: v.optional(v.union([v.string(), v.number()])),
        title: v.optional(v.string()),
        detail: v.optional(v.string()),
        source: v.optional(
          v.looseObject({ pointer: v.optional(v.string()), parameter: v.optional(v.string()) }),
        ),
      }),
    ),
    v.minLength(1),
  ),
})

/** The first of JSON:API's `errors`: its code, the field its `source` names, and its title. */
export const readJsonApiError = (body: unknown): ErrorBody | undefined => {
  const parsed = v.safeParse(errorsSchema, body)
  const first = parsed.success ? parsed.output.errors[0] : undefined
  if (!first) return undefined
  const field = first.source?.pointer ?? first.source?.parameter
  const reason = first.title ?? first.detail
  return {
    ...(first.code !== undefined ? { code: first.code } : {}),
    ...(field !== undefined ? { field } : {}),
    ...(reason !== undefined ? { reason } : {}),
  }
}

export const JSON_API_TYPE = 'application/vnd.api+json'
