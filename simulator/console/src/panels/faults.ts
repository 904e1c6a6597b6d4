import { get, post, qa, type Fault } from '../api'
import { act, button, field, h, option, panel } from '../dom'
import { faults } from '../store'

/** The operator's routes a fault can be put on; "/api/*" is every one of them. */
export const ROUTES: readonly [string, string][] = [
  ['/api/*', 'all: /api/*'],
  ...[
    'GetUserTimestamps',
    'Login',
    'LoginAnonymous',
    'Logout',
    'GetChannels',
    'GetGuide',
    'GetRecordings',
    'AddRecording',
    'CancelRecording',
    'CancelSeries',
    'DeleteRecording',
    'ProtectRecording',
    'GetServices',
    'GetPinState',
    'ChangePin',
    'SetPinEnabled',
    'Purchase',
    'GetResumes',
    'SetResume',
    'RemoveUserWatchHistory',
    'GetPlayback',
    'KeepPlayback',
  ].map((m): [string, string] => [`/api/${m}`, m]),
  ['/api/products', 'products (003, JSON:API)'],
  ['/api/user/*', 'licences (003, JSON:API)'],
  ['/api/iptv/subscription/*', 'subscription settings (002)'],
  ['/api/rpc', 'account changes (004, JSON-RPC)'],
  ['/api/streams/*', 'streams'],
]

/** The stream kinds act on /api/streams/* only (the simulator refuses them elsewhere); timed ones from now. */
const KINDS = [
  'status',
  'envelope',
  'latency',
  'malformed',
  'drop',
  'playlistMissing',
  'playlistMalformed',
  'segmentMissing',
  'liveStalled',
  'streamForbidden',
  'codecUnsupported',
] as const

const describe = (f: Fault): string => {
  const param =
    f.kind === 'status'
      ? ` ${f.status ?? 500}`
      : f.kind === 'envelope'
        ? ` StatusCode ${f.statusCode ?? 30}`
        : f.kind === 'latency'
          ? ` ${f.latencyMs ?? 1000} ms`
          : f.at !== undefined
            ? ` from ${new Date(f.at * 1000).toISOString().slice(11, 19)} UTC`
            : ''
  const rate = f.rate < 1 ? ` · ${Math.round(f.rate * 100)} %` : ''
  const left = f.remaining === null ? ' · for ever' : ` · ${f.remaining} left`
  return `${f.route} · ${f.kind}${param}${rate}${left}`
}

/** Faults per route: the kinds with their rate, count and parameter; the active ones, cleared in one click. */
export const faultsPanel = (): HTMLElement => {
  const p = panel('faults', 'Faults')
  const route = h('select', { qa: 'fault-route' }, ...ROUTES.map(([v, l]) => option(v, l)))
  const kind = h('select', { qa: 'fault-kind' }, ...KINDS.map((k) => option(k, k)))
  const status = h('input', {
    type: 'number',
    min: 100,
    max: 599,
    value: 503,
    class: 'narrow',
    qa: 'fault-status',
  })
  const statusCode = h('input', {
    type: 'number',
    min: 0,
    max: 999,
    value: 30,
    class: 'narrow',
    qa: 'fault-status-code',
  })
  const latency = h('input', {
    type: 'number',
    min: 0,
    max: 120000,
    step: 100,
    value: 2000,
    class: 'narrow',
    qa: 'fault-latency',
  })
  const rate = h('input', {
    type: 'number',
    min: 0,
    max: 1,
    step: 0.05,
    value: 1,
    class: 'narrow',
    qa: 'fault-rate',
  })
  const count = h('input', {
    type: 'number',
    min: 1,
    step: 1,
    placeholder: '∞',
    class: 'narrow',
    qa: 'fault-count',
  })
  const statusField = field('HTTP status', status)
  const codeField = field('StatusCode', statusCode)
  const latencyField = field('Latency ms', latency)
  const showParams = (): void => {
    statusField.hidden = kind.value !== 'status'
    codeField.hidden = kind.value !== 'envelope'
    latencyField.hidden = kind.value !== 'latency'
  }
  kind.addEventListener('change', showParams)
  showParams()

  const add = button('Add fault', 'fault-add', (b) => {
    const body: Record<string, unknown> = { route: route.value, kind: kind.value, rate: Number(rate.value) }
    if (kind.value === 'status') body.status = Number(status.value)
    if (kind.value === 'envelope') body.statusCode = Number(statusCode.value)
    if (kind.value === 'latency') body.latencyMs = Number(latency.value)
    if (count.value.trim() !== '') body.count = Number(count.value)
    void act(p, b, async () => {
      await post<Fault>('faults', body)
      faults.set((await get<{ faults: Fault[] }>('faults')).faults)
    })
  })

  const list = h('ul', { class: 'list', qa: 'fault-list' })
  const none = h('p', { class: 'muted', qa: 'fault-none' }, 'No faults: every request is answered normally.')
  const clear = button('Clear all', 'fault-clear', (b) => {
    void act(p, b, async () => {
      faults.set((await qa<{ faults: Fault[] }>('DELETE', 'faults')).faults)
    })
  })
  faults.subscribe((fs) => {
    list.replaceChildren(
      ...fs.map((f) => h('li', { qa: 'fault-item', 'data-id': f.id, 'data-route': f.route }, describe(f))),
    )
    none.hidden = fs.length > 0
    clear.disabled = fs.length === 0
    p.root.classList.toggle('alert', fs.length > 0)
  })

  p.body.append(
    h('div', { class: 'row' }, field('Route', route), field('Kind', kind)),
    h(
      'div',
      { class: 'row' },
      statusField,
      codeField,
      latencyField,
      field('Rate 0–1', rate),
      field('Count', count),
      add,
    ),
    h('div', { class: 'row between' }, h('h3', {}, 'Active'), clear),
    list,
    none,
  )
  get<{ faults: Fault[] }>('faults').then(
    (a) => faults.set(a.faults),
    (e: unknown) => p.showError(e),
  )
  return p.root
}
