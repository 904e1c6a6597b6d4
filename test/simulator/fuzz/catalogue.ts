import fc from 'fast-check'
import { mutated, weird, type Value } from './mutate'

/** The wire style a route answers in, errors included (docs/API.md). */
export type Style = 'envelope' | 'rpc' | 'jsonapi' | 'rest' | 'plain' | 'qa' | 'static'

/** Ids that exist in the seeded database, so that valid examples reach the routes' logic. */
export interface Pools {
  /** User ids, customer ids, recording and licence ids: the signed-in users' and another's. */
  userIds: string[]
  customerIds: string[]
  recordingIds: number[]
  licenceIds: number[]
  channelIds: string[]
  /** Programmes that start after the simulator clock (recordable), and some that are over. */
  programmeIds: number[]
  seriesIds: string[]
  productIds: string[]
  subscriptionIds: number[]
  contentIds: string[]
  playbackIds: string[]
  /** User names the QA controls may act for: the signed-in users only (see fuzz.test.ts). */
  qaUsers: string[]
  /** The signed-in users' customer ids. */
  qaCustomerIds: string[]
  /** The simulator clock at the start of the run. */
  now: number
}

/** One route with where its valid examples come from. */
export interface RouteCase {
  name: string
  method: string
  style: Style
  path: fc.Arbitrary<string>
  /** Valid JSON bodies; each request sends one as it is or mutated. */
  body?: fc.Arbitrary<Value>
  /** A raw XML body instead (the QA import). */
  xml?: fc.Arbitrary<string>
  /** Extra headers the route reads (Range for streams). */
  headers?: fc.Arbitrary<Record<string, string>>
}

/** Percent-encodes what it can; a lone surrogate has no UTF-8 and is sent as invalid bytes. */
const encodeSegment = (s: string): string => {
  try {
    return encodeURIComponent(s)
  } catch {
    return '%ED%A0%80'
  }
}

/** Path segments no route expects: empty, traversal, bad escapes, huge, non-Latin. */
const oddSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '0',
    '-1',
    '..',
    '%2e%2e',
    '%2F',
    '%',
    '%zz',
    '%00',
    '%ED%A0%80',
    '%FF%FE',
    'x'.repeat(65),
    'x'.repeat(3000),
    '99999999999999999999',
    '1e308',
    'null',
    '__proto__',
    'constructor',
    encodeURIComponent('مرحبا'),
    encodeURIComponent('😀'),
    encodeURIComponent('日本'),
  ),
  fc.string({ unit: 'binary', maxLength: 30 }).map(encodeSegment),
)

/** A valid segment most of the time, an odd one otherwise. */
const segment = <T extends string | number>(valid: readonly T[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...valid).map((v) => encodeSegment(String(v))) },
    { weight: 1, arbitrary: oddSegment },
  )

/** Query strings: JSON:API's, absurd numbers, repeats, a token (always refused), bad escapes. */
const query: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constant('') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '?include=product',
      '?include=product,user&fields[License]=status',
      '?page[size]=-1&page[number]=1e308',
      '?filter[status]=ACTIVE&sort=-start_date',
      '?limit=5',
      '?limit=-1',
      '?limit=1e308',
      '?limit=abc',
      '?a=1&a=2&a=3',
      '?userId=anna',
      '?userId=',
      '?userId[]=anna',
      '?%zz=1',
      '?x=%ED%A0%80',
      '?token=abc',
      '?access_token=abc',
      `?q=${'x'.repeat(4000)}`,
      '?',
      '?&&&',
    ),
  },
  {
    weight: 1,
    arbitrary: weird.map((w) => `?limit=${encodeSegment(String(JSON.stringify(w)).slice(0, 200))}`),
  },
)

const envelope = (name: string, body: fc.Arbitrary<Value> = fc.constant({})): RouteCase => ({
  name,
  method: 'POST',
  style: 'envelope',
  path: fc.constant(`/api/${name}`),
  body,
})

const get = (name: string, style: Style, path: fc.Arbitrary<string>): RouteCase => ({
  name,
  method: 'GET',
  style,
  path: fc.tuple(path, query).map(([p, q]) => p + q),
})

const from = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values)

const XMLTV = (channel: string, start: string, stop: string, title: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>
<tv generator-info-name="fuzz">
  <channel id="${channel}"><display-name>Fuzz ${channel}</display-name></channel>
  <programme start="${start}" stop="${stop}" channel="${channel}"><title>${title}</title>
    <episode-num system="xmltv_ns">1.4.</episode-num><category>News</category></programme>
</tv>
`

/** An XML text with one change: cut short, something odd put in, a part repeated. */
const mutatedXml = (xml: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(xml) },
    { weight: 1, arbitrary: fc.nat({ max: xml.length }).map((at) => xml.slice(0, at)) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.nat({ max: xml.length }), weird)
        .map(([at, w]) => xml.slice(0, at) + (typeof w === 'string' ? w : JSON.stringify(w)) + xml.slice(at)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.nat({ max: xml.length }), fc.nat({ max: 200 }), fc.integer({ min: 2, max: 50 }))
        .map(([at, len, times]) => xml.slice(0, at) + xml.slice(at, at + len).repeat(times) + xml.slice(at)),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '<!DOCTYPE tv [<!ENTITY x "xxxxxxxxxx"><!ENTITY y "&x;&x;&x;&x;&x;&x;&x;&x;">]><tv>&y;</tv>',
        '<tv>' + '<a>'.repeat(5000) + '</tv>',
        '',
        '\u0000\u0001',
        '<tv/>',
      ),
    },
  )

/**
 * Every route the simulator serves, each with valid examples made from ids that exist:
 * document 000 envelope methods, JSON-RPC, JSON:API with query strings and path parameters,
 * the REST subscription, logos, streams, health, settings.json and the QA controls.
 */
export const catalogue = (p: Pools): RouteCase[] => {
  const pin = from(['1234', '0000', '9999'])
  const recordingId = from([...p.recordingIds, ...p.recordingIds.map(String)])
  const rpcCall = (id: Value): fc.Arbitrary<Value> =>
    fc
      .record({
        offset: fc.nat({ max: 40 }),
        count: fc.integer({ min: 0, max: 100 }),
        jsonrpc: from<Value>(['2.0', 2]),
      })
      .map(({ offset, count, jsonrpc }) => ({
        jsonrpc,
        id,
        method: 'findAccountChanges',
        params: { offset, count },
      }))
  const iso = (s: number): string => new Date(s * 1000).toISOString()
  const settings = fc.record(
    {
      nPvr: fc.record({
        override: fc.boolean(),
        enabled: fc.boolean(),
        storage: fc.integer({ min: 1, max: 999 }),
        autoExpireDays: fc.integer({ min: 1, max: 365 }),
      }),
      scrub: fc.record({
        override: fc.boolean(),
        forward: fc.boolean(),
        backwars: fc.boolean(),
        pause: fc.boolean(),
      }),
      packages: fc.array(
        fc.record(
          {
            _id: from(p.productIds),
            start: fc.constant(iso(p.now - 86400)),
            end: fc.constant(iso(p.now + 86400 * 30)),
          },
          { requiredKeys: ['_id'] },
        ),
        { maxLength: 3 },
      ),
    },
    { requiredKeys: [] },
  )
  const xmlStamp = (s: number): string =>
    new Date(s * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14) + ' +0000'
  const anotherDevice = fc.oneof(
    fc.record({
      action: fc.constant('addRecording'),
      programmeId: from(p.programmeIds.map(String)),
      series: fc.boolean(),
    }),
    fc.record({
      action: from(['cancelRecording', 'deleteRecording']),
      recordingId: from(p.recordingIds.map(String)),
    }),
    fc.record({
      action: fc.constant('protectRecording'),
      recordingId: from(p.recordingIds.map(String)),
      protected: fc.boolean(),
    }),
    fc.record({ action: fc.constant('buyProduct'), productId: from(p.productIds) }),
    fc.record({ action: fc.constant('expireLicence'), licenseId: from(p.licenceIds.map(String)) }),
    fc.record({ action: fc.constant('changeSettings'), settings }),
    fc.record({
      action: from(['addDevice', 'removeDevice']),
      deviceId: from(['fuzz-dev-1', 'fuzz-dev-2']),
      deviceName: fc.constant('Other TV'),
    }),
    fc.record({
      action: from(['addService', 'removeService']),
      serviceId: from(p.subscriptionIds.map(String).concat('netflix')),
    }),
    fc.record({
      action: fc.constant('saveResume'),
      contentId: from(p.contentIds),
      position: fc.nat({ max: 7200 }),
    }),
    fc.record({ action: from(['removeWatchHistory', 'disablePin', 'enablePin', 'nothing']) }),
    fc.record({ action: fc.constant('removeWatchHistory'), entryId: from(['1', '2', 'nope']) }),
    fc.record({
      action: from(['addFavourite', 'removeFavourite']),
      channelId: from([...p.channelIds, 'nope']),
    }),
    fc.record({
      action: from(['addIdentity', 'removeIdentity']),
      type: from(['email', 'msisdn']),
      identity: from(['fuzz@example.com']),
    }),
  )
  const qa = (
    name: string,
    method: string,
    path: fc.Arbitrary<string>,
    body?: fc.Arbitrary<Value>,
  ): RouteCase => ({
    name,
    method,
    style: 'qa',
    path: method === 'GET' ? fc.tuple(path, query).map(([a, b]) => a + b) : path,
    ...(body ? { body } : {}),
  })
  const withUser = <T extends Record<string, Value>>(body: fc.Arbitrary<T>): fc.Arbitrary<Value> =>
    fc.tuple(body, from(p.qaUsers)).map(([b, userId]) => ({ ...b, userId }))

  const all: RouteCase[] = [
    // Document 000 envelope methods and Kanal's own in that style.
    envelope(
      'Login',
      fc
        .record(
          {
            username: from(['anna', 'ben']),
            deviceId: from(['fuzz-box-1', 'fuzz-box-2']),
            deviceName: from(['Living room', 'Кухня', 'غرفة']),
            deviceModel: from(['RDK-1', 'Box']),
            previousDeviceId: from(['fuzz-box-0']),
          },
          { requiredKeys: ['username', 'deviceId'] },
        )
        .map((b) => ({ ...b, password: b.username })),
    ),
    envelope('LoginAnonymous', fc.record({ deviceId: from(['fuzz-anon-1', 'fuzz-anon-2']) })),
    envelope('Logout'),
    envelope('GetUserTimestamps'),
    envelope('GetServices'),
    envelope('GetChannels'),
    envelope(
      'GetGuide',
      fc
        .record({
          ChannelIDs: fc.subarray(p.channelIds, { minLength: 1 }),
          Start: fc.integer({ min: p.now - 86400, max: p.now + 86400 }),
          Span: fc.integer({ min: 60, max: 6 * 3600 }),
        })
        .map(({ ChannelIDs, Start, Span }) => ({ ChannelIDs, Start, End: Start + Span })),
    ),
    envelope('GetRecordings'),
    envelope(
      'AddRecording',
      fc.record(
        { ProgrammeID: from([...p.programmeIds, ...p.programmeIds.map(String)]), Series: fc.boolean() },
        { requiredKeys: ['ProgrammeID'] },
      ),
    ),
    envelope('CancelRecording', fc.record({ RecordingID: recordingId })),
    envelope('CancelSeries', fc.record({ SeriesID: from(p.seriesIds) })),
    envelope('DeleteRecording', fc.record({ RecordingID: recordingId })),
    envelope('ProtectRecording', fc.record({ RecordingID: recordingId, Protected: fc.boolean() })),
    envelope('GetResumes'),
    envelope('SetResume', fc.record({ ContentID: from(p.contentIds), Position: fc.nat({ max: 7200 }) })),
    envelope(
      'RemoveUserWatchHistory',
      fc.oneof(fc.constant({}), fc.record({ ID: from(['1', '2', '3', 1, 'nope']) })),
    ),
    envelope(
      'TagItem',
      fc.record(
        {
          ItemType: from(['Channel', 'Programme']),
          ItemID: from([...p.channelIds, 'nope']),
          Tag: from(['favourite', 'like']),
          Remove: fc.boolean(),
        },
        { requiredKeys: ['ItemType', 'ItemID', 'Tag'] },
      ),
    ),
    envelope('GetUserTags'),
    envelope(
      'GetUserWatchHistory',
      fc.record({ Count: fc.integer({ min: 1, max: 100 }) }, { requiredKeys: [] }),
    ),
    envelope(
      'SearchGuide',
      fc
        .record(
          {
            Query: fc.oneof(
              from([
                'news',
                'caf',
                'Café',
                'أسرار',
                'the lighthouse',
                'e1',
                '"news" AND *',
                'NEAR(a b)',
                'a b',
              ]),
              fc.string({ maxLength: 40 }),
              fc.string({ unit: 'binary', maxLength: 40 }),
            ),
            From: fc.integer({ min: p.now - 8 * 86400, max: p.now + 8 * 86400 }),
            Span: fc.integer({ min: 1, max: 16 * 86400 }),
            Count: fc.integer({ min: 1, max: 200 }),
          },
          { requiredKeys: ['Query'] },
        )
        .map(({ Span, ...b }) =>
          b.From !== undefined && Span !== undefined ? { ...b, To: b.From + Span } : b,
        ),
    ),
    envelope('GetPinState'),
    envelope('ChangePin', fc.record({ OldPin: pin, NewPin: pin })),
    envelope('SetPinEnabled', fc.record({ Pin: pin, Enabled: fc.boolean() })),
    envelope(
      'Purchase',
      fc.oneof(
        fc.record({ ProductID: from(p.productIds), Pin: pin }),
        fc.record({
          SubscriptionID: from([...p.subscriptionIds, ...p.subscriptionIds.map(String)]),
          Pin: pin,
        }),
      ),
    ),
    envelope(
      'GetPlayback',
      fc.oneof(
        fc.record({
          Kind: from(['live', 'startover', 'catchup']),
          ID: from([...p.channelIds, ...p.programmeIds.map(String)]),
        }),
        fc.record({ Kind: fc.constant('recording'), ID: from(p.recordingIds.map(String)) }),
      ),
    ),
    envelope('KeepPlayback', fc.record({ PlaybackID: from(p.playbackIds) })),
    envelope('NoSuchMethod'),

    // Document 004, JSON-RPC 2.0: single calls, notifications and batches.
    {
      name: 'rpc',
      method: 'POST',
      style: 'rpc',
      path: fc.constant('/api/rpc'),
      body: fc.oneof(
        fc.oneof(fc.nat(), fc.string({ maxLength: 10 })).chain(rpcCall),
        rpcCall(undefined).map((c) => {
          const { id: _id, ...rest } = c as Record<string, Value>
          return rest
        }),
        fc.array(fc.nat().chain(rpcCall), { minLength: 1, maxLength: 5 }),
      ),
    },

    // Document 003, JSON:API, with query strings and path parameters.
    get('products', 'jsonapi', fc.constant('/api/products')),
    get(
      'licences',
      'jsonapi',
      segment(p.userIds).map((u) => `/api/user/${u}/license`),
    ),
    get(
      'licence',
      'jsonapi',
      fc.tuple(segment(p.userIds), segment(p.licenceIds)).map(([u, l]) => `/api/user/${u}/license/${l}`),
    ),

    // Document 002, REST.
    get(
      'subscription',
      'rest',
      segment(p.customerIds).map((c) => `/api/iptv/subscription/${c}`),
    ),
    {
      name: 'subscription update',
      method: 'POST',
      style: 'rest',
      path: segment(p.customerIds).map((c) => `/api/iptv/subscription/${c}`),
      body: settings,
    },

    // Plain JSON and media.
    get('health', 'plain', fc.constant('/api/health')),
    get(
      'logo',
      'plain',
      segment(p.channelIds.map((c) => `${c}.png`)).map((f) => `/api/logos/${f}`),
    ),
    {
      ...get(
        'stream',
        'plain',
        segment(p.playbackIds.map((id) => `${id}.webm`)).map((f) => `/api/streams/${f}`),
      ),
      headers: fc.oneof(
        fc.constant({}),
        fc
          .constantFrom(
            'bytes=0-99',
            'bytes=-100',
            'bytes=100-',
            'bytes=9999999999-',
            'bytes=5-1',
            'bytes=-0',
            'bytes=0-1,5-9',
            'items=0-1',
            'bytes=1e308-',
            'bytes=-99999999999999999999',
          )
          .map((range) => ({ range })),
      ),
    },
    get('settings.json', 'static', fc.constant('/settings.json')),
    get('app', 'static', fc.constantFrom('/', '/index.html', '/no/such/file.js', '/%zz')),
    get(
      'unknown api',
      'plain',
      oddSegment.map((s) => `/api/${s.toLowerCase()}`),
    ),

    // QA controls (loopback). Bodies name only the signed-in users: QA acts for whoever it is told.
    qa('clock', 'GET', fc.constant('/qa/clock')),
    qa(
      'clock set',
      'POST',
      fc.constant('/qa/clock'),
      fc.oneof(
        fc.record({ advance: fc.integer({ min: 0, max: 86400 }) }),
        fc.record({
          set: fc.integer({ min: p.now - 86400, max: p.now + 86400 }),
          speed: fc.constantFrom(0, 1, 60),
        }),
        withUser(fc.record({ to: fc.constant('next-recording-start'), before: fc.nat({ max: 600 }) })),
        fc.record({ to: fc.constant('next-programme-boundary'), channelId: from(p.channelIds) }),
      ),
    ),
    qa('config', 'GET', fc.constant('/qa/config')),
    // Only the licence wait: a new maximum cache time moves every user's stamp (by design).
    qa(
      'config set',
      'POST',
      fc.constant('/qa/config'),
      fc.record({ licenceProcessingSeconds: fc.integer({ min: 1, max: 60 }) }),
    ),
    qa('faults', 'GET', fc.constant('/qa/faults')),
    // Aimed at a path nothing calls, and cleared after each request: no fault is injected.
    qa(
      'faults add',
      'POST',
      fc.constant('/qa/faults'),
      fc.record({
        route: fc.constant('/api/fuzz-nowhere'),
        kind: from(['status', 'envelope', 'latency', 'malformed', 'drop']),
        status: fc.constantFrom(500, 503, 401),
        latencyMs: fc.constant(1),
        rate: fc.constant(1),
        count: fc.constant(1),
      }),
    ),
    qa('faults clear', 'DELETE', fc.constant('/qa/faults')),
    qa('requests', 'GET', fc.constant('/qa/requests')),
    qa('requests clear', 'DELETE', fc.constant('/qa/requests')),
    // A valid scenario replaces everyone's data (by design): only refusals are sent (fuzz.test.ts).
    qa(
      'reset',
      'POST',
      fc.constant('/qa/reset'),
      fc.record({ scenario: fc.constantFrom('nope', 'DEMO', 'demo ') }),
    ),
    qa(
      'corrupt settings',
      'POST',
      fc.constant('/qa/corrupt-settings'),
      fc.record({ customerId: from(p.qaCustomerIds) }),
    ),
    qa('another device', 'POST', fc.constant('/qa/another-device'), withUser(anotherDevice)),
    qa('users', 'GET', fc.constant('/qa/users')),
    qa(
      'stamps',
      'GET',
      from(p.qaUsers).map((u) => `/qa/stamps?userId=${u}`),
    ),
    qa('pin lockout reset', 'POST', fc.constant('/qa/pin-lockout/reset'), withUser(fc.constant({}))),
    qa('sessions', 'GET', fc.constant('/qa/sessions')),
    qa(
      'session end',
      'DELETE',
      segment(['1', '2', '3', '999999']).map((id) => `/qa/sessions/${id}`),
    ),
    qa('events', 'GET', fc.constant('/qa/events')),
    qa(
      'console',
      'GET',
      fc.constantFrom('/qa', '/qa/', '/qa/index.html', '/qa/console.js', '/qa/console.css', '/qa/nothing'),
    ),
    {
      name: 'import',
      method: 'POST',
      style: 'qa',
      path: fc.constant('/qa/import'),
      xml: fc
        .tuple(
          from(['fuzz.one', 'fuzz.two']),
          fc.integer({ min: -48, max: 48 }),
          fc.constantFrom('Fuzz news', 'أخبار', '😀'),
        )
        .map(([ch, h, title]) =>
          XMLTV(ch, xmlStamp(p.now + h * 3600), xmlStamp(p.now + h * 3600 + 1800), title),
        )
        .chain(mutatedXml),
    },
  ]
  return all.map((c) => (c.body ? { ...c, body: c.body.chain(mutated) } : c))
}
