import * as v from 'valibot'
import { JSONRPCClient, type JSONRPCRequest, type JSONRPCResponse } from 'json-rpc-2.0'
import {
  type AccountChange,
  type AccountChangesPage,
  type DeviceDetails,
  type IdentityDetails,
  type ServiceDetails,
} from '../domain/accountChanges'
import { apiError, isApiError, protocolError, type ApiError } from './errors'
import { loggerOf, type ClientDeps } from './envelope'
import type { CallOptions } from './transport'
import { anyList, id, num, parseDocument, parseItems, text } from './validate'

/** JSON-RPC 2.0 error codes; -32001 is the simulator's AuthenticationRequired (docs/API.md). */
const RPC_AUTH = -32001

export const rpcError = (code: number, message: string): ApiError => {
  const reason = message !== '' ? message : `JSON-RPC error ${code}`
  if (code === RPC_AUTH) return apiError({ kind: 'auth', reason, code })
  if (code === -32602) return apiError({ kind: 'validation', reason, code })
  // Parse error, invalid request, method not found: the two sides do not speak the same protocol.
  if (code === -32700 || code === -32600 || code === -32601)
    return apiError({ kind: 'protocol', reason, code })
  return apiError({ kind: 'server', reason, code })
}

/** Document 004 writes `"jsonrpc": 2.0`, a number; JSON-RPC 2.0 says the string "2.0". Both are read. */
const responseSchema = v.looseObject({
  jsonrpc: v.union([v.literal('2.0'), v.literal(2), v.literal('2')]),
  id: v.nullish(v.union([v.string(), v.number()]), null),
  result: v.optional(v.unknown()),
  error: v.optional(v.looseObject({ code: num, message: text })),
})

const pageSchema = v.looseObject({
  offset: v.nullish(num),
  count: v.nullish(num),
  countAll: num,
  items: anyList,
})

const str = v.nullish(v.union([v.string(), v.pipe(v.number(), v.transform(String))]))
const attributesSchema = v.nullish(
  v.looseObject({
    deviceId: str,
    deviceModel: str,
    deviceName: str,
    previousDeviceId: str,
    previousDeviceName: str,
    serviceId: str,
    serviceName: str,
    type: str,
    identity: str,
  }),
)
type Attributes = NonNullable<v.InferOutput<typeof attributesSchema>>

const some = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined && value !== null)) as T

const device = (a: Attributes | undefined): { device?: DeviceDetails } =>
  a?.deviceId != null
    ? {
        device: some({
          deviceId: a.deviceId,
          deviceModel: a.deviceModel ?? undefined,
          deviceName: a.deviceName ?? undefined,
          previousDeviceId: a.previousDeviceId ?? undefined,
          previousDeviceName: a.previousDeviceName ?? undefined,
        }),
      }
    : {}

const service = (a: Attributes | undefined): { service?: ServiceDetails } =>
  a?.serviceId != null
    ? { service: some({ serviceId: a.serviceId, serviceName: a.serviceName ?? undefined }) }
    : {}

const identity = (a: Attributes | undefined): { identity?: IdentityDetails } =>
  a?.identity != null ? { identity: { identityType: a.type ?? 'unknown', identity: a.identity } } : {}

/** One change; its itemAttributes are read for its type, and an unknown type is kept with its name. */
export const changeSchema = v.pipe(
  v.looseObject({
    id,
    occurrenceTimestamp: num,
    type: v.string(),
    text,
    itemAttributes: attributesSchema,
  }),
  v.transform((c): AccountChange => {
    const base = { id: c.id, at: c.occurrenceTimestamp, text: c.text }
    const a = c.itemAttributes ?? undefined
    switch (c.type) {
      case 'USER_CREATED':
        return { ...base, type: c.type }
      case 'DEVICE_ADDED':
      case 'DEVICE_RECONFIGURED':
      case 'DEVICE_REMOVED':
        return { ...base, type: c.type, ...device(a) }
      case 'SERVICE_ADDED':
      case 'SERVICE_RECONFIGURED':
      case 'SERVICE_REMOVED':
        return { ...base, type: c.type, ...service(a) }
      case 'IDENTITY_ADDED':
      case 'IDENTITY_REMOVED':
        return { ...base, type: c.type, ...identity(a) }
      default:
        return { ...base, type: 'unknown', rawType: c.type }
    }
  }),
)

export interface PageRequest {
  offset?: number
  count?: number
}

export const DEFAULT_PAGE_SIZE = 50

interface SendParams extends CallOptions {
  failure?: ApiError
}

/**
 * Document 004's findAccountChanges over JSON-RPC 2.0 (json-rpc-2.0 builds the requests and
 * pairs answers with them), newest first, paged by offset and count. A read: retried.
 */
export const createAccountClient = (deps: ClientDeps) => {
  const logger = loggerOf(deps)

  const client: JSONRPCClient<SendParams> = new JSONRPCClient<SendParams>(
    async (payload: JSONRPCRequest, params) => {
      try {
        const response = await deps.transport.request({
          method: 'POST',
          path: 'rpc',
          body: payload,
          idempotent: true,
          ...(params.signal ? { signal: params.signal } : {}),
          ...(params.timeoutMs !== undefined ? { timeoutMs: params.timeoutMs } : {}),
          read: (raw) => {
            const r = parseDocument(responseSchema, raw, `${payload.method} response`)
            // A server error is mapped here, inside the attempt, so that an internal error is retried.
            if (r.error) throw rpcError(r.error.code, r.error.message)
            if (r.id !== payload.id)
              throw protocolError(`${payload.method}: the answer is for request ${String(r.id)}`)
            if (r.result === undefined)
              throw protocolError(`${payload.method}: the answer has neither result nor error`)
            return r
          },
        })
        const normalised: JSONRPCResponse = { jsonrpc: '2.0', id: response.id, result: response.result }
        client.receive(normalised)
      } catch (e) {
        // json-rpc-2.0 would turn this into a generic error: keep the typed one for the caller.
        params.failure = isApiError(e) ? e : protocolError(String(e))
        throw e
      }
    },
  )

  const findAccountChanges = async (
    request: PageRequest = {},
    options: CallOptions = {},
  ): Promise<AccountChangesPage> => {
    const offset = request.offset ?? 0
    const count = request.count ?? DEFAULT_PAGE_SIZE
    const params: SendParams = { ...options }
    let raw: unknown
    try {
      raw = await client.request('findAccountChanges', { offset, count }, params)
    } catch (e) {
      if (params.failure) throw params.failure
      throw isApiError(e) ? e : protocolError(`findAccountChanges failed: ${String(e)}`)
    }
    const page = parseDocument(pageSchema, raw, 'findAccountChanges result')
    const at = page.offset ?? offset
    // From the offset asked for, so that a server echoing a wrong offset cannot make paging loop.
    const next = offset + page.items.length
    return {
      offset: at,
      count: page.items.length,
      countAll: page.countAll,
      items: parseItems(changeSchema, page.items, 'findAccountChanges', logger),
      ...(page.items.length > 0 && next < page.countAll ? { nextOffset: next } : {}),
    }
  }

  return {
    findAccountChanges,

    /** Pages through the feed until its end or `max` items, newest first. */
    findAllAccountChanges: async (
      request: { pageSize?: number; max?: number } = {},
      options: CallOptions = {},
    ): Promise<AccountChange[]> => {
      const pageSize = request.pageSize ?? DEFAULT_PAGE_SIZE
      const max = request.max ?? Number.POSITIVE_INFINITY
      const out: AccountChange[] = []
      let offset: number | undefined = 0
      let seen = 0
      while (offset !== undefined && seen < max) {
        const page = await findAccountChanges({ offset, count: Math.min(pageSize, max - seen) }, options)
        out.push(...page.items)
        seen += page.count
        offset = page.nextOffset
      }
      return out
    },
  }
}

export type AccountClient = ReturnType<typeof createAccountClient>
