import fc from 'fast-check'
import { LIMITS } from '../../../simulator/src/limits'

/** A JSON-like value; `undefined` only as "left out". */
export type Value = unknown

/** Strings around every documented bound, and a few far beyond them. */
const LENGTHS = [
  LIMITS.pinChars,
  LIMITS.pinChars + 1,
  LIMITS.idChars,
  LIMITS.idChars + 1,
  LIMITS.nameChars,
  LIMITS.nameChars + 1,
  5_000,
  70_000,
]

const nested = (depth: number, leaf: Value, asArray: boolean): Value => {
  let v = leaf
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v }
  return v
}

/** Strings a client should never send, and some it may: non-Latin, RTL, emoji, lone surrogates. */
const oddStrings = fc.constantFrom(
  '',
  ' ',
  '0',
  '-1',
  '1e400',
  'NaN',
  'Infinity',
  'null',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '../../../etc/passwd',
  '%00',
  '\u0000',
  'Ærø ñandú',
  'مرحبا بالعالم',
  'שלום עולם',
  '\u202Egnp.exe',
  '😀👍🏽👨‍👩‍👧',
  '\uD800',
  'a\uDC00b',
  '𝕏'.repeat(40),
  '日本語のチャンネル',
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '1234',
  'ch1',
  'live',
)

const oddNumbers = fc.constantFrom(
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  1e308,
  -1e308,
  5e-324,
  2 ** 31,
  -(2 ** 31),
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  2 ** 63,
  2 ** 64,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  LIMITS.resumeSeconds,
  LIMITS.resumeSeconds + 1,
  LIMITS.rpcOffset + 1,
  1_750_000_000,
  1_750_000_000_000,
)

/** Any value a mutation may put in the place of another. */
export const weird: fc.Arbitrary<Value> = fc.oneof(
  { weight: 4, arbitrary: oddStrings },
  { weight: 4, arbitrary: oddNumbers },
  { weight: 2, arbitrary: fc.constantFrom<Value>(null, true, false, [], {}, [null], { '': null }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.integer() },
  // NaN and the infinities become null in JSON text: the nearest a JSON client gets to them.
  { weight: 1, arbitrary: fc.double() },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...LENGTHS), fc.constantFrom('x', '9', 'é', '中', '😀'))
      .map(([n, c]) => c.repeat(n)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 2, max: 3000 }), fc.boolean())
      .map(([d, asArray]) => nested(d, 'deep', asArray)),
  },
  { weight: 1, arbitrary: fc.array(fc.oneof(oddStrings, oddNumbers), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), oddStrings, { maxKeys: 4 }) },
)

/** A place in a value: the keys and indexes leading to it. */
type Path = (string | number)[]

const pathsOf = (v: Value, at: Path = []): Path[] => {
  const here = [at]
  if (Array.isArray(v)) return here.concat(...v.map((x, i) => pathsOf(x, [...at, i])))
  if (v !== null && typeof v === 'object')
    return here.concat(...Object.entries(v).map(([k, x]) => pathsOf(x, [...at, k])))
  return here
}

const clone = (v: Value): Value => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as Value))

/** The same value in another JSON type: "5" for 5, 1 for true, [..] for {..}. */
const swapType = (v: Value): Value => {
  if (typeof v === 'number') return String(v)
  if (typeof v === 'string') return Number.isNaN(Number(v)) ? v.length : Number(v)
  if (typeof v === 'boolean') return v ? 'true' : 0
  if (v === null) return 'null'
  if (Array.isArray(v)) return Object.fromEntries(v.map((x, i) => [String(i), x]))
  return Object.values(v as Record<string, unknown>)
}

export type Op =
  | { kind: 'replace'; with: Value }
  | { kind: 'drop' }
  | { kind: 'swapType' }
  | { kind: 'wrapArray' }
  | { kind: 'wrapObject' }
  | { kind: 'duplicate' }

const ops: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: weird.map((w): Op => ({ kind: 'replace', with: w })) },
  { weight: 2, arbitrary: fc.constant<Op>({ kind: 'drop' }) },
  { weight: 2, arbitrary: fc.constant<Op>({ kind: 'swapType' }) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'wrapArray' }) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'wrapObject' }) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: 'duplicate' }) },
)

/** Applies one operation at a path (the root when the path is empty). */
const apply = (root: Value, path: Path, op: Op): Value => {
  const change = (v: Value): Value => {
    switch (op.kind) {
      case 'replace':
        return op.with
      case 'drop':
        return undefined
      case 'swapType':
        return swapType(v)
      case 'wrapArray':
        return [v]
      case 'wrapObject':
        return { value: v }
      case 'duplicate':
        return Array.isArray(v) ? [...v, ...v] : v
    }
  }
  if (path.length === 0) return change(root)
  const out = clone(root) as Record<string | number, unknown>
  let parent: Record<string | number, unknown> = out
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>
  const last = path[path.length - 1] as string | number
  const next = change(parent[last])
  if (next === undefined) {
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1)
    else delete parent[last]
  } else if (op.kind === 'duplicate' && !Array.isArray(parent[last]) && !Array.isArray(parent)) {
    // A member repeated under a near name ("Position" and "position"): the text-level repeat
    // of the same name is done by `encode`.
    parent[
      String(last).toLowerCase() === String(last) ? String(last).toUpperCase() : String(last).toLowerCase()
    ] = parent[last]
  } else parent[last] = next
  return out
}

/** A valid example, or it with one to three mutations (types swapped, fields dropped...). */
export const mutated = (example: Value): fc.Arbitrary<Value> => {
  const paths = pathsOf(example)
  const step = fc.tuple(fc.constantFrom(...paths), ops)
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(example) },
    {
      weight: 4,
      arbitrary: fc.array(step, { minLength: 1, maxLength: 3 }).map((steps) =>
        steps.reduce<Value>((v, [p, op]) => {
          // A path of the example may be gone after an earlier step: skip it then.
          try {
            return apply(v, p, op)
          } catch {
            return v
          }
        }, example),
      ),
    },
  )
}

/** How a body reaches the wire: the JSON itself, or something a JSON parser must refuse. */
export type Encoding =
  | { kind: 'json'; contentType: string }
  | { kind: 'repeatKey'; key: string; value: Value }
  | { kind: 'truncated'; at: number }
  | { kind: 'garbage'; text: string; contentType: string }
  | { kind: 'bytes'; bytes: number[] }
  | { kind: 'none' }
  | { kind: 'tooLarge' }

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/vnd.api+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/octet-stream',
  'application/json, text/plain',
  '',
]

const GARBAGE = [
  '',
  '{',
  '}',
  '[',
  'null',
  'undefined',
  'NaN',
  '{"a":NaN}',
  "{'a': 1}",
  '{"a":1,}',
  '[1,2,]',
  '\u0000',
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '"just a string"',
  '12345',
  '1e999',
  '<xml/>',
  '{"a":"\\ud800"}',
  '\ufeff{}',
]

export const encodings: fc.Arbitrary<Encoding> = fc.oneof(
  { weight: 30, arbitrary: fc.constant<Encoding>({ kind: 'json', contentType: 'application/json' }) },
  {
    weight: 4,
    arbitrary: fc
      .constantFrom(...CONTENT_TYPES)
      .map((contentType): Encoding => ({ kind: 'json', contentType })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('token', 'Position', 'id', 'method', 'ProgrammeID', 'Kind', 'nPvr'), weird)
      .map(([key, value]): Encoding => ({ kind: 'repeatKey', key, value })),
  },
  { weight: 3, arbitrary: fc.nat({ max: 200 }).map((at): Encoding => ({ kind: 'truncated', at })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...GARBAGE), fc.constantFrom(...CONTENT_TYPES))
      .map(([text, contentType]): Encoding => ({ kind: 'garbage', text, contentType })),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 40 })
      .map((bytes): Encoding => ({ kind: 'bytes', bytes: [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, ...bytes] })),
  },
  { weight: 2, arbitrary: fc.constant<Encoding>({ kind: 'none' }) },
  // Just over the body limit: sent seldom, it is a megabyte.
  { weight: 1, arbitrary: fc.constant<Encoding>({ kind: 'tooLarge' }) },
)

/** The bytes and content type of a body as encoded. */
export const encode = (value: Value, e: Encoding): { body?: Buffer; contentType?: string } => {
  const json = value === undefined ? '' : JSON.stringify(value)
  switch (e.kind) {
    case 'json':
      return { body: Buffer.from(json), ...(e.contentType !== '' ? { contentType: e.contentType } : {}) }
    case 'repeatKey': {
      const extra = `${JSON.stringify(e.key)}:${JSON.stringify(e.value) ?? 'null'}`
      const text = json.startsWith('{') ? `{${extra}${json === '{}' ? '' : ','}${json.slice(1)}` : json
      return { body: Buffer.from(text), contentType: 'application/json' }
    }
    case 'truncated':
      return {
        body: Buffer.from(json.slice(0, Math.min(e.at, Math.max(0, json.length - 1)))),
        contentType: 'application/json',
      }
    case 'garbage':
      return { body: Buffer.from(e.text), ...(e.contentType !== '' ? { contentType: e.contentType } : {}) }
    case 'bytes':
      return { body: Buffer.from(e.bytes), contentType: 'application/json' }
    case 'none':
      return {}
    case 'tooLarge':
      return {
        body: Buffer.from(`{"a":"${'x'.repeat(LIMITS.bodyBytes)}"}`),
        contentType: 'application/json',
      }
  }
}
